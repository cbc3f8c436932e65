/**
 * What a robot script needs of the callee's speech (core/calls/speech-capability.ts), read from the script alone.
 * The rule follows how the robot flow listens (flows/robot-flow.ts, robot-intent-match.ts): an ask node takes keys
 * only when one of its intents has `dtmf`, and an utterance that was not understood (empty text) matches no intent,
 * so it is treated like silence and the node's noInput branch runs. Hence:
 * - no ask node reachable from the start: `none` (the script only speaks, transfers and hangs up);
 * - every reachable ask node has an intent with `dtmf`: `keys` (the callee can answer every question with keys);
 * - some reachable ask node has no key intent: `speech` (there the callee can only be heard, never understood,
 *   without recognition). Unreachable nodes (allowed by the validator) do not count.
 */
import { acceptsKeys } from './robot-intent-match.js';
import type { RobotNode, RobotScript } from './robot-script.js';
import type { SpeechNeed } from '../calls/speech-capability.js';

/** The script's need, and the reachable ask nodes that take no keys (empty unless the need is `speech`). */
export interface RobotSpeechNeed {
  need: SpeechNeed;
  speechOnlyNodes: string[];
}

/** The ids of the nodes a node can lead to. */
function successors(node: RobotNode): string[] {
  switch (node.type) {
    case 'say':
      return [node.next];
    case 'ask':
      return [...node.intents.map((intent) => intent.next), node.noInput.next, node.noMatch.next];
    case 'transfer':
    case 'hangup':
      return [];
  }
}

/** Reads the script's need; see the module comment. */
export function robotSpeechNeed(script: RobotScript): RobotSpeechNeed {
  const seen = new Set<string>();
  const queue = [script.start];
  let asks = 0;
  const speechOnlyNodes: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const node = script.nodes[id];
    if (seen.has(id) || !node) continue;
    seen.add(id);
    if (node.type === 'ask') {
      asks++;
      if (!acceptsKeys(node.intents)) speechOnlyNodes.push(id);
    }
    queue.push(...successors(node));
  }
  const need: SpeechNeed = speechOnlyNodes.length > 0 ? 'speech' : asks > 0 ? 'keys' : 'none';
  return { need, speechOnlyNodes };
}
