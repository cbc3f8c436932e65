/**
 * The recipient (detail) state machine, with aiccs' documented values (QueryAiCallDetailPage `Status`:
 * 0 初始化, 1 等待外呼中, 2 等待重试中, 3 外呼中, 4 外呼结束, 5 外呼失败; "只有4和5属于终态").
 *
 * waihu's reading:
 * - 0 init: imported into a task that has not run yet; the task entering RUNNING releases it to 1.
 *   Imported into a task that has run (RUNNING, STOPPED, ...) it starts at 1 directly.
 * - 1 waiting / 2 waiting retry: due at `due_at`; a dialer claim moves it to 3 in the same transaction that creates
 *   the attempt. There is no separate "queued" state: claimed means calling.
 * - 3 calling: claimed under a lease; back to 1 or 2 (whichever it came from) when the claim is given back before
 *   anything was dialed; to 2 when the retry policy grants another attempt; to 4 or 5 otherwise.
 * - 4 ended: the call was placed and got its final carrier outcome (any CallResult, answered or not).
 * - 5 failed: the recipient could not be called: cancelled, no directory match for a digest, do-not-call, or an
 *   interrupted attempt with no retry left.
 * - CancelAiCallDetails cancels only states 0, 1 and 2 ("not yet queued or calling"): 3 is refused because the call
 *   may already be ringing, and 4/5 are final.
 */

/** The documented detail states. */
export const DetailStates = Object.freeze({
  Init: 0,
  Waiting: 1,
  WaitingRetry: 2,
  Calling: 3,
  Ended: 4,
  Failed: 5,
} as const);

/** One detail state, 0..5. */
export type DetailState = (typeof DetailStates)[keyof typeof DetailStates];

/** Every state, in order. */
export const DETAIL_STATES: readonly DetailState[] = [0, 1, 2, 3, 4, 5];

/** Names of the moves between states. */
export type DetailEvent = 'release' | 'claim' | 'give-back' | 'retry' | 'end' | 'fail' | 'cancel';

/** The transition table: [from, event, to]. */
export const DETAIL_TRANSITIONS: ReadonlyArray<readonly [DetailState, DetailEvent, DetailState]> = Object.freeze([
  [0, 'release', 1],
  [1, 'claim', 3],
  [2, 'claim', 3],
  [3, 'give-back', 1],
  [3, 'give-back', 2],
  [3, 'retry', 2],
  [3, 'end', 4],
  [3, 'fail', 5],
  [0, 'cancel', 5],
  [1, 'cancel', 5],
  [2, 'cancel', 5],
] as const);

/** True when a detail may move from `from` to `to` (by any event). */
export function canMoveDetail(from: DetailState, to: DetailState): boolean {
  return DETAIL_TRANSITIONS.some(([f, , t]) => f === from && t === to);
}

/** The state `event` leads to from `from`, or undefined when it does not apply there (give-back: to `giveBackTo`). */
export function nextDetailState(from: DetailState, event: DetailEvent, giveBackTo: DetailState = 1): DetailState | undefined {
  const row = DETAIL_TRANSITIONS.find(([f, e, t]) => f === from && e === event && (event !== 'give-back' || t === giveBackTo));
  return row?.[2];
}

/** True for 4 and 5, the documented final states. */
export function isTerminalDetailState(state: DetailState): boolean {
  return state === 4 || state === 5;
}

/** States CancelAiCallDetails may cancel. */
export const CANCELLABLE_DETAIL_STATES: readonly DetailState[] = [0, 1, 2];

/** True when CancelAiCallDetails may cancel a detail in `state`. */
export function isCancellableDetailState(state: DetailState): boolean {
  return CANCELLABLE_DETAIL_STATES.includes(state);
}

/** The states a dialer claims from. */
export const DUE_DETAIL_STATES: readonly DetailState[] = [1, 2];

/** True for a number that is a detail state. */
export function isDetailState(value: unknown): value is DetailState {
  return typeof value === 'number' && (DETAIL_STATES as readonly number[]).includes(value);
}

/**
 * The detail states QueryAiCallDetailPage's `Status` filter selects: 0 待完成 (not finished: 0-3),
 * 1 已完成 (4), 2 失败 (5).
 */
export function detailStatesForQueryStatus(status: 0 | 1 | 2): readonly DetailState[] {
  if (status === 0) return [0, 1, 2, 3];
  return status === 1 ? [4] : [5];
}

/** Where a detail leaves state 3 to when its attempt is settled. */
export type DetailSettlement = { state: 2; dueAt: number } | { state: 4 } | { state: 5 };

/** True for the states an attempt's outcome may settle a detail in: retry (2), end (4), fail (5). */
export function isSettlementState(state: DetailState): boolean {
  return (['retry', 'end', 'fail'] as const).some((event) => nextDetailState(3, event) === state);
}

/** Failure reasons waihu writes itself (FailedReason). */
export const FAILURE_REASONS = Object.freeze({
  cancelled: 'cancelled by CancelAiCallDetails',
  taskCancelled: 'the task was cancelled',
  interrupted: 'the call was interrupted (dialer stopped before the outcome was known)',
  doNotCall: 'the number is on the do-not-call list',
});
