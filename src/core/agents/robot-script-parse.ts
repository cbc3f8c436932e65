/**
 * The robot script validator. It collects every problem of a script (not just the first) and throws them together
 * as one InvalidArgument error, each naming the node and the field, so an author fixes a script in one round.
 * Beyond the shape of each node it checks the graph: the start and every `next` name a node, and no loop of say
 * nodes exists (such a loop would speak forever without waiting for the callee). Unreachable nodes are allowed:
 * authors keep drafts in a script.
 */
import { DomainError } from '../errors.js';
import { ROBOT_SCRIPT_DEFAULTS, ROBOT_SCRIPT_LIMITS as LIMITS, ROBOT_SCRIPT_VERSION } from './robot-script-limits.js';
import { readNode, type NodeRef } from './robot-script-nodes.js';
import { ObjectReader, ScriptProblems, isPlainObject } from './robot-script-read.js';
import type { RobotDefaults, RobotNode, RobotScript } from './robot-script.js';

/** A node id: letters (Han included), digits, `_`, `-` and `.`, as the flow and the docs can quote it plainly. */
const NODE_ID = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;

/** Checks a script (parsed JSON) and returns it with defaults resolved; throws DomainError('InvalidArgument'). */
export function parseRobotScript(json: unknown): RobotScript {
  if (!isPlainObject(json)) throw new DomainError('InvalidArgument', 'the robot script must be a JSON object');
  const problems = new ScriptProblems();
  const root = ObjectReader.of(json, '', '', problems) as ObjectReader;
  root.onlyKnown(['version', 'start', 'nodes', 'defaults', 'description']);
  readVersion(root);
  const defaults = readDefaults(root);
  const start = root.text('start', { max: LIMITS.maxIdLength, required: true });
  const description = root.text('description', { max: LIMITS.maxDescriptionLength, blank: true });
  const refs: NodeRef[] = [];
  const { nodes, ids } = readNodes(root, defaults, refs);
  if (start !== undefined && ids !== undefined && !ids.has(start)) root.fail('start', `"${start}" is not a node`);
  for (const ref of refs) {
    if (ids !== undefined && !ids.has(ref.target)) problems.add(`node "${ref.from}"`, `${ref.field} "${ref.target}" is not a node`);
  }
  for (const loop of sayLoops(nodes)) {
    problems.add(`node "${loop[0]}"`, `say nodes loop without waiting for the callee: ${[...loop, loop[0]].join(' → ')}`);
  }
  if (problems.list.length > 0) throw problems.toError();
  return {
    version: ROBOT_SCRIPT_VERSION,
    start: start as string,
    nodes,
    defaults,
    ...(description !== undefined ? { description } : {}),
  };
}

/** The version must be the one this code reads; a later format must not be run by older code. */
function readVersion(root: ObjectReader): void {
  if (!root.has('version')) return root.fail('version', `is required (${ROBOT_SCRIPT_VERSION})`);
  const version = root.value.version;
  if (version !== ROBOT_SCRIPT_VERSION) root.fail('version', `must be ${ROBOT_SCRIPT_VERSION} (got ${JSON.stringify(version)})`);
}

/** The script-wide defaults of ask nodes, resolved over the built-in ones. */
function readDefaults(root: ObjectReader): RobotDefaults {
  const defaults = root.object('defaults');
  if (!defaults) return { ...ROBOT_SCRIPT_DEFAULTS };
  defaults.onlyKnown(['timeoutMs', 'retries', 'noInputPrompt', 'noMatchPrompt']);
  const noInputPrompt = defaults.text('noInputPrompt', { max: LIMITS.maxPromptLength });
  const noMatchPrompt = defaults.text('noMatchPrompt', { max: LIMITS.maxPromptLength });
  return {
    timeoutMs: defaults.integer('timeoutMs', LIMITS.minTimeoutMs, LIMITS.maxTimeoutMs) ?? ROBOT_SCRIPT_DEFAULTS.timeoutMs,
    retries: defaults.integer('retries', 0, LIMITS.maxRetries) ?? ROBOT_SCRIPT_DEFAULTS.retries,
    ...(noInputPrompt !== undefined ? { noInputPrompt } : {}),
    ...(noMatchPrompt !== undefined ? { noMatchPrompt } : {}),
  };
}

/**
 * The nodes that could be read, and the ids of all nodes given (undefined when `nodes` itself is unusable, so
 * references are not reported as dangling on top of that). Ids of broken nodes still count as nodes: their own
 * problems are reported, and references to them are not the mistake.
 */
function readNodes(root: ObjectReader, defaults: RobotDefaults, refs: NodeRef[]): { nodes: Record<string, RobotNode>; ids?: Set<string> } {
  const nodes: Record<string, RobotNode> = {};
  if (!root.has('nodes')) {
    root.fail('nodes', 'is required');
    return { nodes };
  }
  if (!isPlainObject(root.value.nodes)) {
    root.fail('nodes', 'must be a JSON object of nodes by id');
    return { nodes };
  }
  const entries = Object.entries(root.value.nodes);
  if (entries.length === 0) root.fail('nodes', 'must hold at least one node');
  if (entries.length > LIMITS.maxNodes) root.fail('nodes', `must hold at most ${LIMITS.maxNodes} nodes (got ${entries.length})`);
  const context = { defaults, problems: root.problems, refs };
  for (const [id, value] of entries.slice(0, LIMITS.maxNodes)) {
    if (id.length > LIMITS.maxIdLength || !NODE_ID.test(id)) {
      root.problems.add(`node "${id}"`, `the id must be at most ${LIMITS.maxIdLength} letters, digits, "_", "-" or "." (not starting with "-" or ".")`);
      continue;
    }
    const node = readNode(id, value, context);
    if (node) nodes[id] = node;
  }
  return { nodes, ids: new Set(entries.map(([id]) => id)) };
}

/** Each loop made only of say nodes, as its node ids in order (one entry per loop). */
export function sayLoops(nodes: Readonly<Record<string, RobotNode>>): string[][] {
  const loops: string[][] = [];
  const done = new Set<string>();
  for (const first of Object.keys(nodes)) {
    const chain: string[] = [];
    let id: string | undefined = first;
    // Follow the say chain until it leaves say nodes, reaches a node already explored, or comes back on itself.
    while (id !== undefined && !done.has(id)) {
      const node: RobotNode | undefined = nodes[id];
      if (node?.type !== 'say') break;
      const seen = chain.indexOf(id);
      if (seen >= 0) {
        loops.push(chain.slice(seen));
        break;
      }
      chain.push(id);
      id = node.next;
    }
    for (const visited of chain) done.add(visited);
  }
  return loops;
}
