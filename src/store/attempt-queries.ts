/**
 * An attempt's end: the outcome that settles its detail (a dialer writes a group of them in one transaction, with
 * the receipts the outcomes report), and giving back a claim never dialed. Every write locks the detail row first
 * (open-attempts.ts), so these, the origination mark and lease recovery never interleave on one detail.
 */
import type { Kysely, Transaction } from 'kysely';
import { DYVMS_STATUS_CODE } from '../core/calls/call-result.js';
import type { AttemptOutcome } from '../core/campaigns/campaign-records.js';
import { FAILURE_REASONS, isSettlementState, isTerminalDetailState, type DetailSettlement, type DetailState } from '../core/campaigns/detail-state.js';
import { DomainError } from '../core/errors.js';
import type { AttemptCompletion } from '../ports/campaign-store.js';
import { packDialog } from './dialog-json.js';
import { TallyDeltas } from './detail-tallies.js';
import { cancelledTasks, lockOpenAttempts, type OpenAttempt } from './open-attempts.js';
import { RowUpdate } from './compiled-rows.js';
import { writeAttemptReceipts, type AttemptReceiptRequest } from './receipt-call-facts.js';
import type { Database } from './schema.js';

/** The outcome columns attempts and details share. */
function sharedOutcome(outcome: AttemptOutcome, open: OpenAttempt) {
  return {
    call_result: outcome.callResult,
    duration_s: outcome.durationSeconds ?? null,
    failed_reason: outcome.failedReason ?? (open.attempt.interrupted_at !== null ? FAILURE_REASONS.interrupted : null),
    major_intent: outcome.majorIntent ?? null,
    turn_count: outcome.conversationTurnCount ?? null,
  };
}

/** The attempt's own outcome columns. */
function attemptOutcome(outcome: AttemptOutcome) {
  return {
    status_code: outcome.statusCode ?? (outcome.callResult ? DYVMS_STATUS_CODE[outcome.callResult] : null),
    ring_at: outcome.ringAt ?? null,
    answer_at: outcome.answerAt ?? null,
    release_at: outcome.releaseAt ?? null,
    hangup_direction: outcome.hangupDirection ?? null,
    ended_at: outcome.endedAt,
  };
}

/** The detail leaving state 3: no lease, the latest attempt's outcome, due again only when retried. */
function settledDetail(outcome: AttemptOutcome, next: DetailSettlement, open: OpenAttempt) {
  return {
    state: next.state,
    due_at: next.state === 2 ? next.dueAt : open.detail.due_at,
    lease_owner: null,
    lease_expires_at: null,
    calling_time: open.attempt.originated_at ?? open.attempt.claimed_at,
    ended_at: isTerminalDetailState(next.state) ? outcome.endedAt : null,
    updated_at: outcome.endedAt,
  };
}

const SHARED_COLUMNS = ['call_result', 'duration_s', 'failed_reason', 'major_intent', 'turn_count'] as const;

/** The two rows every outcome writes, as statements compiled once (compiled-rows.ts): sharedOutcome plus the rest. */
const ATTEMPT_OUTCOME = new RowUpdate('call_attempts', [...SHARED_COLUMNS, 'status_code', 'ring_at', 'answer_at', 'release_at', 'hangup_direction', 'ended_at', 'dialog']);
const DETAIL_SETTLEMENT = new RowUpdate('campaign_details', [
  ...SHARED_COLUMNS, 'state', 'due_at', 'lease_owner', 'lease_expires_at', 'calling_time', 'ended_at', 'updated_at',
]);

/**
 * Records each outcome on its attempt and copies it onto the detail, which leaves state 3 as `next` says, all in
 * one transaction. A retry (state 2) in a task cancelled meanwhile lands in 5 instead, so every recipient still
 * ends terminal. Per completion: false when the attempt is no longer the detail's open one (or came twice).
 */
export async function completeAttempts(db: Kysely<Database>, completions: readonly AttemptCompletion[]): Promise<boolean[]> {
  for (const { next } of completions) {
    if (!isSettlementState(next.state)) throw new DomainError('Internal', `an outcome cannot settle a detail in state ${next.state}`);
  }
  if (completions.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const open = await lockOpenAttempts(trx, completions.map((c) => c.attemptId));
    const retrying = completions.filter((c) => c.next.state === 2).map((c) => open.get(c.attemptId)?.detail.task_id);
    const cancelled = await cancelledTasks(trx, retrying.filter((id) => id !== undefined));
    const done: boolean[] = [];
    const tallies = new TallyDeltas();
    let receipts: AttemptReceiptRequest[] | undefined;
    for (const { attemptId, outcome, next, dialog, receipts: subscribed } of completions) {
      const found = open.get(attemptId);
      open.delete(attemptId);
      done.push(found !== undefined);
      if (!found) continue;
      // Only accounts with subscriptions carry `receipts`: every other outcome writes no outbox row and reads nothing more.
      if (subscribed) (receipts ??= []).push({ attemptId, subscribed, outcome, at: outcome.endedAt, ...(dialog ? { dialog } : {}) });
      const shared = sharedOutcome(outcome, found);
      // The dialog rides on the attempt's own outcome UPDATE: no second row to write per answered call.
      const stored = dialog ? packDialog(dialog) : null;
      await ATTEMPT_OUTCOME.run(trx, attemptId, { ...shared, ...attemptOutcome(outcome), dialog: stored });
      const landsCancelled = next.state === 2 && cancelled.has(found.detail.task_id);
      const settled = landsCancelled ? ({ state: 5 } as const) : next;
      const reason = landsCancelled ? { failed_reason: FAILURE_REASONS.taskCancelled } : {};
      await DETAIL_SETTLEMENT.run(trx, found.detail.id, { ...shared, ...settledDetail(outcome, settled, found), ...reason });
      tallies.move(found.detail, 3, settled.state);
    }
    await tallies.write(trx);
    if (receipts) await writeAttemptReceipts(trx, receipts);
    return done;
  });
}

/**
 * Deletes a never-dialed attempt and puts its detail back in the state it was claimed from (failed instead when the
 * task was cancelled meanwhile). Returns the state the detail landed in.
 */
export async function giveBack(trx: Transaction<Database>, open: OpenAttempt, at: number, dueAt: number): Promise<DetailState> {
  await trx.deleteFrom('call_attempts').where('id', '=', open.attempt.id).execute();
  const cancelled = (await cancelledTasks(trx, [open.detail.task_id])).size > 0;
  const state = cancelled ? 5 : (Number(open.attempt.from_state) as DetailState);
  const ending = cancelled ? { failed_reason: FAILURE_REASONS.taskCancelled, ended_at: at } : {};
  await trx
    .updateTable('campaign_details')
    .set({
      state,
      attempt_count: Number(open.detail.attempt_count) - 1,
      lease_owner: null,
      lease_expires_at: null,
      due_at: dueAt,
      updated_at: at,
      ...ending,
    })
    .where('id', '=', open.detail.id)
    .execute();
  const tallies = new TallyDeltas();
  tallies.move(open.detail, 3, state);
  await tallies.write(trx);
  return state;
}

/** Gives back a claim that was never dialed (window closed, capped, stopping); false when it is not open or was dialed. */
export async function releaseClaim(db: Kysely<Database>, attemptId: string, at: number, dueAt: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const open = (await lockOpenAttempts(trx, [attemptId])).get(attemptId);
    if (!open || open.attempt.originated_at !== null) return false;
    await giveBack(trx, open, at, dueAt);
    return true;
  });
}
