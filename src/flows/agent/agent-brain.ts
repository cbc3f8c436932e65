/**
 * The part of an agent call that decides what to say. The agent flow (agent-flow.ts) owns the call: it listens,
 * counts silences, keeps time and hands each utterance to a brain. Two brains answer behind this one interface: a
 * model (llm-agent-brain.ts) when an Llm is configured, a deterministic keyword script (script-agent-brain.ts) when not.
 */
import type { CallTag } from '../../core/calls/dialog.js';
import type { Llm } from '../../ports/llm.js';

/** Which brain runs a call, for logs and the console. */
export type BrainKind = 'llm' | 'script';

/** The brain agent calls get with this configuration: the model when one is configured, the script otherwise. */
export function brainKind(llm: Llm | undefined): BrainKind {
  return llm ? 'llm' : 'script';
}

/** What the callee said, as the brain receives it. */
export interface Heard {
  /** The recognized words; key presses arrive as `（按键 n）`. */
  text: string;
  /** The callee spoke while our prompt was still playing. */
  bargedIn: boolean;
}

/** What a brain may do on the call while it answers one utterance. */
export interface BrainTurn {
  /** Speaks one sentence, barge-in allowed; false when the callee cut it, after which the brain should stop talking. */
  say(text: string): Promise<boolean>;
  /** Aborted when the callee barges in or the call ends: the rest of the answer is no longer wanted. */
  readonly signal: AbortSignal;
  /** Sets (or replaces) a tag of the call. */
  tag(tag: CallTag): void;
  /** Sets the call's major intent (the agent's main-purpose value). */
  setIntent(intent: string): void;
}

/** What the call does after the brain has answered. */
export type BrainVerdict = { next: 'listen' } | { next: 'hangup' } | { next: 'transfer'; number: string };

/** A conversation partner for one call; it keeps the conversation's state, so one instance per call. */
export interface AgentBrain {
  readonly kind: BrainKind;
  /** The opening line, placeholders filled; empty when the agent lets the callee speak first. */
  opening(): string;
  /** Answers the callee: speaks through `turn`, notes tags and intent, and says what the call does next. */
  respond(heard: Heard, turn: BrainTurn): Promise<BrainVerdict>;
}

/** Continue listening. */
export const LISTEN: BrainVerdict = Object.freeze({ next: 'listen' });
/** End the call. */
export const HANG_UP: BrainVerdict = Object.freeze({ next: 'hangup' });
