/**
 * The robot script: a declarative, versioned dialog that a robot call runs (the DialogId of dyvms CreateRobotTask).
 * Users write it as JSON; parseRobotScript checks it and resolves every default, so the flow (flows/robot-flow.ts)
 * never has to guess. docs/robots.md describes the format for users.
 */

export { ROBOT_NODE_TYPES, ROBOT_SCRIPT_DEFAULTS, ROBOT_SCRIPT_LIMITS, ROBOT_SCRIPT_VERSION } from './robot-script-limits.js';
export { parseRobotScript } from './robot-script-parse.js';

/** A label a node or a matched intent puts on the call (the `label` of a robot task's call list). */
export interface RobotTag {
  name: string;
  value: string;
}

/** Fields every node may carry. */
export interface RobotNodeBase {
  /** Sets the call's major intent when the node is reached (the last one reached wins). */
  intent?: string;
  /** Put on the call when the node is reached. */
  tag?: RobotTag;
  /** Free text for the script's authors; JSON has no comments. */
  description?: string;
}

/** Speaks a prompt and moves on without waiting for the callee. */
export interface RobotSayNode extends RobotNodeBase {
  type: 'say';
  /** Text with `$var$` / `${var}` placeholders filled from the call's variables. */
  prompt: string;
  /** Whether the callee may cut the prompt short; false when the script does not say. */
  bargeIn: boolean;
  next: string;
}

/** One answer an ask node recognizes; the first intent (in declaration order) that matches wins. */
export interface RobotIntent {
  name: string;
  /** Matches when the utterance contains any of them (case and full-/half-width ignored). */
  keywords?: string[];
  /** A JavaScript regular expression (flags `iu`) tested against the utterance. */
  regex?: string;
  /** Matches when the keys pressed are exactly these (`[0-9*#]`). */
  dtmf?: string;
  next: string;
  /** Put on the call when this intent matches. */
  tag?: RobotTag;
}

/** What an ask node does when the callee is silent (noInput) or says nothing it recognizes (noMatch). */
export interface RobotRetryBranch {
  /** Times the node asks again (with `prompt`) before going to `next`; a budget for the whole call. */
  retries: number;
  /** What is said to ask again: the branch's prompt, else the script default, else the node's own prompt. */
  prompt: string;
  next: string;
}

/** Speaks a prompt, listens, and branches on what the callee said or pressed. */
export interface RobotAskNode extends RobotNodeBase {
  type: 'ask';
  prompt: string;
  bargeIn: boolean;
  /** How long to wait for the callee to start answering. */
  timeoutMs: number;
  intents: RobotIntent[];
  noInput: RobotRetryBranch;
  noMatch: RobotRetryBranch;
}

/** Says an optional closing prompt and hangs up. */
export interface RobotHangupNode extends RobotNodeBase {
  type: 'hangup';
  prompt?: string;
}

/** Says an optional prompt and hands the call to a person. */
export interface RobotTransferNode extends RobotNodeBase {
  type: 'transfer';
  prompt?: string;
  /** Digits, or a single `$var$` placeholder filled from the call's variables. */
  number: string;
}

/** Any node of a script. */
export type RobotNode = RobotSayNode | RobotAskNode | RobotHangupNode | RobotTransferNode;

/** Script-wide settings of ask nodes, resolved. */
export interface RobotDefaults {
  timeoutMs: number;
  retries: number;
  noInputPrompt?: string;
  noMatchPrompt?: string;
}

/** A checked script with every default resolved, as parseRobotScript returns it. */
export interface RobotScript {
  version: 1;
  /** The id of the first node. */
  start: string;
  nodes: Readonly<Record<string, RobotNode>>;
  defaults: RobotDefaults;
  description?: string;
}
