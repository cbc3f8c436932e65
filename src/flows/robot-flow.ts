/**
 * The robot flow: walks a robot script (core/agents/robot-script.ts) on an answered call. Semantics, repeated in
 * docs/robots.md:
 * - Every node reached sets its `intent` (the call's major intent, last one wins) and its `tag` first.
 * - say: speaks and goes on. ask: speaks, listens for the node's timeout (keys too when an intent has dtmf), and
 *   follows the first matching intent, setting its tag. Silence or an unrecognized reply asks again with the retry
 *   prompt while the node's noInput / noMatch budget lasts (a budget for the whole call, so loops through an ask
 *   cannot re-ask without end), then follows that branch's `next`.
 * - hangup: speaks the closing prompt, hangs up. transfer: speaks, hands the call to the number.
 * - A script that runs `maxSteps` nodes without ending is cut: the robot hangs up and the report says why.
 * - A hang-up by the callee (or the platform) midway ends the flow quietly; the report says who.
 */
import { acceptsKeys, hasReply, matchIntent } from '../core/agents/robot-intent-match.js';
import type {
  RobotAskNode, RobotNode, RobotScript, RobotTag, RobotTransferNode,
} from '../core/agents/robot-script.js';
import { CallHungUpError, type HangupBy, type SayOptions } from '../ports/call-session.js';
import { fillTemplate } from '../core/templates.js';
import type { RecordingSession } from './recording-session.js';

/** Nodes a call may visit before it is cut as a runaway script. */
export const DEFAULT_MAX_STEPS = 200;

/** Settings of a robot run. */
export interface RobotFlowOptions {
  /** Nodes a call may visit; default DEFAULT_MAX_STEPS. */
  maxSteps?: number;
  /** TTS voice of every prompt. */
  voice?: string;
  /** Speaking rate of every prompt. */
  speed?: number;
}

/**
 * How a robot call ended: at a hang-up node, transferred, hung up under the flow, cut at the step limit, or failed
 * (a transfer number that is not a phone number once its variable is filled).
 */
export type RobotEnding = 'completed' | 'transferred' | 'hung-up' | 'step-limit' | 'failed';

/** What the robot did on a call, besides what the recording session recorded. */
export interface RobotRunReport {
  ending: RobotEnding;
  /** Ids of the nodes visited, in order (a node visited twice appears twice). */
  path: string[];
  /** The intents matched, in order, with the ask node that matched them. */
  matched: { node: string; intent: string }[];
  /** Placeholders without a variable in anything spoken or dialed; they were left empty. */
  missing: string[];
  /** Who ended the call, when it ended under the flow ('hung-up'). */
  hangupBy?: HangupBy;
  /** Why, for 'step-limit' and 'failed'. */
  reason?: string;
}

const PHONE = /^\+?\d{3,20}$/;

/** Runs `script` on an answered call; ends of the call midway are reported, not thrown. */
export async function runRobot(session: RecordingSession, script: RobotScript, options: RobotFlowOptions = {}): Promise<RobotRunReport> {
  const walk = new RobotWalk(session, script, options);
  try {
    await walk.run();
  } catch (error) {
    if (!(error instanceof CallHungUpError)) throw error;
    walk.report.ending = 'hung-up';
    walk.report.hangupBy = error.hangup.by;
  }
  return walk.report;
}

/** One run of a script on one call: the position, the retry budgets spent, the report. */
class RobotWalk {
  readonly report: RobotRunReport = { ending: 'completed', path: [], matched: [], missing: [] };
  /** Retries spent, by `node/noInput` and `node/noMatch`. */
  private readonly spent = new Map<string, number>();
  private readonly maxSteps: number;

  constructor(
    private readonly session: RecordingSession,
    private readonly script: RobotScript,
    private readonly options: RobotFlowOptions,
  ) {
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  }

  /** Visits nodes from the start until one ends the call. */
  async run(): Promise<void> {
    let id: string | undefined = this.script.start;
    while (id !== undefined) {
      if (this.report.path.length >= this.maxSteps) return this.cut(id);
      const node = this.script.nodes[id];
      // parseRobotScript guarantees every reference; a hand-built script that breaks it is a programming error.
      if (!node) throw new Error(`robot script has no node "${id}"`);
      this.report.path.push(id);
      this.label(node.intent, node.tag);
      id = await this.visit(id, node);
    }
  }

  /** Carries out one node; the id of the next node, or undefined when the call is over. */
  private async visit(id: string, node: RobotNode): Promise<string | undefined> {
    switch (node.type) {
      case 'say':
        await this.speak(node.prompt, node.bargeIn);
        return node.next;
      case 'ask':
        return this.ask(id, node);
      case 'transfer':
        await this.transfer(id, node);
        return undefined;
      case 'hangup':
        if (node.prompt !== undefined) await this.speak(node.prompt, false);
        await this.session.hangup();
        return undefined;
    }
  }

  /** Asks until an intent matches or a retry budget runs out; the next node's id. */
  private async ask(id: string, node: RobotAskNode): Promise<string> {
    const keys = acceptsKeys(node.intents);
    let prompt = node.prompt;
    for (;;) {
      await this.speak(prompt, node.bargeIn);
      const reply = await this.session.listen({ timeoutMs: node.timeoutMs, dtmf: keys });
      const intent = matchIntent(node.intents, reply);
      if (intent) {
        this.report.matched.push({ node: id, intent: intent.name });
        this.label(undefined, intent.tag);
        return intent.next;
      }
      const kind = hasReply(reply) ? 'noMatch' : 'noInput';
      const branch = node[kind];
      const key = `${id}/${kind}`;
      const spent = this.spent.get(key) ?? 0;
      if (spent >= branch.retries) return branch.next;
      this.spent.set(key, spent + 1);
      prompt = branch.prompt;
    }
  }

  /** Speaks the prompt (if any) and hands the call over; a number that is not one after filling fails the call. */
  private async transfer(id: string, node: RobotTransferNode): Promise<void> {
    if (node.prompt !== undefined) await this.speak(node.prompt, false);
    const number = this.fill(node.number).replace(/[\s-]/g, '');
    if (!PHONE.test(number)) {
      this.report.ending = 'failed';
      this.report.reason = `node "${id}": transfer number "${number}" is not a phone number`;
      await this.session.hangup();
      return;
    }
    await this.session.transfer(number);
    this.report.ending = 'transferred';
  }

  /** Ends a runaway script: the robot hangs up, the report says where it was. */
  private async cut(id: string): Promise<void> {
    this.report.ending = 'step-limit';
    this.report.reason = `stopped at node "${id}" after ${this.maxSteps} steps: the script never reached a hang-up or transfer node`;
    await this.session.hangup();
  }

  /** Speaks a template with the call's variables; a prompt that fills to nothing is skipped. */
  private async speak(template: string, bargeIn: boolean): Promise<void> {
    const text = this.fill(template);
    if (text.trim() === '') return;
    const { voice, speed } = this.options;
    const options: SayOptions = { bargeIn, ...(voice !== undefined ? { voice } : {}), ...(speed !== undefined ? { speed } : {}) };
    await this.session.say(text, options);
  }

  private fill(template: string): string {
    const { text, missing } = fillTemplate(template, this.session.variables);
    for (const name of missing) if (!this.report.missing.includes(name)) this.report.missing.push(name);
    return text;
  }

  private label(intent: string | undefined, tag: RobotTag | undefined): void {
    if (intent !== undefined) this.session.setIntent(intent);
    if (tag !== undefined) this.session.tag({ name: tag.name, value: tag.value });
  }
}
