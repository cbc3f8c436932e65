/**
 * When what the simulated callee does lands, as pure decisions the session carries out: a reaction is pinned to
 * the session's talk-time line when the callee decides it, then a prompt it begins inside is interrupted (or
 * talked over, when barge-in is off), and a wait it begins inside ends with it. Kept apart from the session so
 * the rules read in one place and are tested without a clock.
 */
import type { CalleeAction } from './sim-callee.js';
import { SIM_KEY_MS, speechMs } from './sim-speech.js';

/** A decided action not yet carried out, pinned at `atMs` of talk time. */
export interface PendingAction {
  action: Exclude<CalleeAction, { kind: 'silence' }>;
  atMs: number;
  /** It begins while a prompt is still playing. */
  interrupted: boolean;
}

/** Pins the callee's reaction to a prompt that starts at `startMs` and lasts `durationMs`. */
export function pinReaction(action: CalleeAction, startMs: number, durationMs: number): PendingAction | undefined {
  if (action.kind === 'silence') return undefined;
  const afterMs = Math.max(0, action.afterMs);
  return { action, atMs: startMs + afterMs, interrupted: afterMs < durationMs };
}

/** How a prompt plays out against what the callee does meanwhile. */
export interface PromptPlan {
  /** Talk time the prompt takes. */
  spendMs: number;
  /** 'played' to the end, 'cut' by a barge-in, or the callee 'hangs up' after spendMs. */
  ending: 'played' | 'cut' | 'hangs up';
  /** What is still pending afterwards (the barge-in's utterance, to be heard by the next wait). */
  pending: PendingAction | undefined;
}

/** A prompt from `startMs` for `durationMs`, with `pending` already decided; `bargeIn` lets speech cut it. */
export function playPrompt(pending: PendingAction | undefined, startMs: number, durationMs: number, bargeIn: boolean): PromptPlan {
  const lands = pending ? Math.max(0, pending.atMs - startMs) : Infinity;
  if (!pending || lands >= durationMs) return { spendMs: durationMs, ending: 'played', pending };
  const during = { ...pending, interrupted: true };
  if (pending.action.kind === 'hangup') return { spendMs: lands, ending: 'hangs up', pending: undefined };
  if (!bargeIn) return { spendMs: durationMs, ending: 'played', pending: during };
  return { spendMs: lands, ending: 'cut', pending: during };
}

/** What a wait for the callee hears. */
export type Heard =
  | { kind: 'nothing' }
  | { kind: 'speech'; text: string; bargedIn: boolean }
  | { kind: 'keys'; digits: string; bargedIn: boolean }
  | { kind: 'hangs up' };

/** How a wait plays out. */
export interface WaitPlan {
  spendMs: number;
  heard: Heard;
  pending: PendingAction | undefined;
}

/** What a wait accepts: speech and keys (listen), keys only (collect DTMF), speech only (listen without keys). */
export type WaitMode = 'speech+keys' | 'keys' | 'speech';

/**
 * A wait of at most `timeoutMs` from `nowMs`. An utterance is heard once it is complete (its speaking time after it
 * begins); keys the wait does not accept, or speech during key collection, are ignored and the wait runs out.
 */
export function waitFor(pending: PendingAction | undefined, nowMs: number, timeoutMs: number, mode: WaitMode): WaitPlan {
  const timeout = Math.max(0, timeoutMs);
  if (!pending) return { spendMs: timeout, heard: { kind: 'nothing' }, pending };
  const delay = Math.max(0, pending.atMs - nowMs);
  if (delay > timeout) return { spendMs: timeout, heard: { kind: 'nothing' }, pending };
  const { action } = pending;
  if (action.kind === 'hangup') return { spendMs: delay, heard: { kind: 'hangs up' }, pending: undefined };
  const accepted = action.kind === 'say' ? mode !== 'keys' : mode !== 'speech';
  if (!accepted) return { spendMs: timeout, heard: { kind: 'nothing' }, pending: undefined };
  if (action.kind === 'say') {
    return { spendMs: delay + speechMs(action.text), heard: { kind: 'speech', text: action.text, bargedIn: pending.interrupted }, pending: undefined };
  }
  return { spendMs: delay + action.digits.length * SIM_KEY_MS, heard: { kind: 'keys', digits: action.digits, bargedIn: pending.interrupted }, pending: undefined };
}
