/**
 * "Magic numbers": the last four digits of a dialed number force the simulated outcome, whatever the model
 * says, so users can script tests of their own receipts and retries (docs/simulator.md lists them).
 */
import type { CallResult } from '../../../core/calls/call-result.js';

/** What a magic suffix forces. */
export interface MagicBehaviour {
  /** The outcome of every attempt (or of retries, when `firstAttempt` is set). */
  result: CallResult;
  /** The outcome of the first attempt only, to script "fails, then succeeds on retry". */
  firstAttempt?: CallResult;
  /** The callee never hangs up: only the flow, SessionTimeout or the longest-call limit ends the call. */
  neverHangsUp?: boolean;
  /** One line for the docs. */
  meaning: string;
}

/** The table, by the last four digits of the callee. */
export const MAGIC_SUFFIXES: Readonly<Record<string, MagicBehaviour>> = Object.freeze({
  '0000': { result: 'ANSWERED', meaning: 'answered; the callee talks as long as the model says' },
  '0001': { result: 'USER_BUSY', meaning: 'busy' },
  '0002': { result: 'NO_ANSWER', meaning: 'rings until the network gives up' },
  '0003': { result: 'POWERED_OFF', meaning: 'powered off' },
  '0004': { result: 'INVALID_NUMBER', meaning: 'number does not exist' },
  '0005': { result: 'SUSPEND', meaning: 'line suspended' },
  '0006': { result: 'NO_USER_RESPONSE', meaning: 'out of service area' },
  '0007': { result: 'UNAVAILABLE', meaning: 'temporarily unreachable' },
  '0008': { result: 'CALL_REJECTED', meaning: 'rings, then the callee rejects' },
  '0009': { result: 'CALL_FORWARDING', meaning: 'forwarded' },
  '0010': { result: 'INCOMING_CALL_BARRED', meaning: 'incoming calls barred' },
  '0011': { result: 'OPERATOR_BLOCK', meaning: 'blocked by the operator' },
  '0012': { result: 'NETWORK_BUSY', meaning: 'network busy' },
  '0013': { result: 'CANCEL', meaning: 'rings, then the caller side cancels' },
  '0014': { result: 'OTHERS', meaning: 'other failure' },
  '0015': { result: 'ANSWERED', neverHangsUp: true, meaning: 'answered; the callee never hangs up' },
  '0016': { result: 'ANSWERED', firstAttempt: 'USER_BUSY', meaning: 'busy on attempt 1, answered on retries' },
  '0017': { result: 'ANSWERED', firstAttempt: 'NO_ANSWER', meaning: 'no answer on attempt 1, answered on retries' },
});

/** The forced behaviour of a dialed number, if its last four digits are magic. */
export function magicBehaviour(callee: string): MagicBehaviour | undefined {
  const digits = callee.replace(/\D/g, '');
  return digits.length >= 4 ? MAGIC_SUFFIXES[digits.slice(-4)] : undefined;
}

/** The outcome a magic behaviour forces on attempt `attempt` (1-based). */
export function magicResult(behaviour: MagicBehaviour, attempt: number): CallResult {
  return attempt <= 1 && behaviour.firstAttempt ? behaviour.firstAttempt : behaviour.result;
}
