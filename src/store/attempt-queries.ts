/**
 * An attempt after its claim: the origination mark (crash safety, with the callee log and caps), the outcome that
 * settles the detail, and giving back a claim never dialed. Every write locks the detail row first, so these and
 * lease recovery never interleave on one detail.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { DYVMS_STATUS_CODE } from '../core/calls/call-result.js';
import type { AttemptOutcome } from '../core/campaigns/campaign-records.js';
import { FAILURE_REASONS, isSettlementState, isTerminalDetailState, type DetailSettlement, type DetailState } from '../core/campaigns/detail-state.js';
import { DomainError } from '../core/errors.js';
import type { AttemptCompletion, OriginationRequest, OriginationResult } from '../ports/campaign-store.js';
import { calleeWithinLimits, insertCalleeCall } from './callee-log-queries.js';
import { forShare, forUpdate } from './engine-sql.js';
import type { CallAttemptsTable, CampaignDetailsTable, Database } from './schema.js';

interface OpenAttempt {
  attempt: Selectable<CallAttemptsTable>;
  detail: Selectable<CampaignDetailsTable>;
}

/** The attempt and its locked detail, when the attempt is the detail's current one and the detail is calling. */
async function lockOpenAttempt(trx: Transaction<Database>, attemptId: string): Promise<OpenAttempt | undefined> {
  const first = await trx.selectFrom('call_attempts').select('detail_id').where('id', '=', attemptId).executeTakeFirst();
  if (!first) return undefined;
  const detail = await forUpdate(trx, trx.selectFrom('campaign_details').selectAll().where('id', '=', first.detail_id)).executeTakeFirst();
  // Read the attempt again under the detail's lock: recovery may have changed or deleted it meanwhile.
  const attempt = await trx.selectFrom('call_attempts').selectAll().where('id', '=', attemptId).executeTakeFirst();
  if (!detail || !attempt || Number(detail.state) !== 3 || Number(detail.attempt_count) !== Number(attempt.attempt_number)) return undefined;
  return { attempt, detail };
}

/**
 * True when the detail's task was cancelled. Locked FOR SHARE so a cancel (FOR UPDATE) cannot slip in between this
 * check and the write: a cancelled task never runs again, so a detail sent back to waiting there would never end.
 */
async function taskCancelled(trx: Transaction<Database>, taskId: string): Promise<boolean> {
  const task = await forShare(trx, trx.selectFrom('campaign_tasks').select('status').where('id', '=', taskId)).executeTakeFirst();
  return task?.status === 'CANCELLED';
}

/** Where a detail leaving state 3 for `wanted` really goes: a waiting state becomes failed in a cancelled task. */
async function landing(trx: Transaction<Database>, open: OpenAttempt, wanted: DetailSettlement): Promise<DetailSettlement> {
  if (wanted.state !== 2 || !(await taskCancelled(trx, open.detail.task_id))) return wanted;
  return { state: 5 };
}

/** Marks the attempt originated and logs the callee call; refuses on an expired lease or a reached callee limit. */
export async function markOriginated(db: Kysely<Database>, request: OriginationRequest): Promise<OriginationResult> {
  return db.transaction().execute(async (trx) => {
    const open = await lockOpenAttempt(trx, request.attemptId);
    if (!open || open.attempt.originated_at !== null) return 'lost';
    const leaseExpiresAt = open.detail.lease_expires_at === null ? 0 : Number(open.detail.lease_expires_at);
    // An expired lease may already be recovered by another process; dialing now could dial a recipient twice.
    if (leaseExpiresAt <= request.at) return 'lost';
    const { account_id: accountId } = open.attempt;
    if (!(await calleeWithinLimits(trx, accountId, request.calleeKey, request.at, request.calleeLimits ?? []))) return 'capped';
    await trx
      .updateTable('call_attempts')
      .set({ originated_at: request.at, caller_number: request.callerNumber })
      .where('id', '=', request.attemptId)
      .execute();
    await insertCalleeCall(trx, { accountId, calleeKey: request.calleeKey, startedAt: request.at, attemptId: request.attemptId });
    return 'originated';
  });
}

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

/** Records the outcome on the attempt and copies it onto the detail, which leaves state 3 as `next` says. */
export async function completeAttempt(db: Kysely<Database>, completion: AttemptCompletion): Promise<boolean> {
  const { outcome, next } = completion;
  if (!isSettlementState(next.state)) throw new DomainError('Internal', `an outcome cannot settle a detail in state ${next.state}`);
  return db.transaction().execute(async (trx) => {
    const open = await lockOpenAttempt(trx, completion.attemptId);
    if (!open) return false;
    const shared = sharedOutcome(outcome, open);
    await trx
      .updateTable('call_attempts')
      .set({ ...shared, ...attemptOutcome(outcome) })
      .where('id', '=', completion.attemptId)
      .execute();
    const settled = await landing(trx, open, next);
    const reason = settled === next ? {} : { failed_reason: FAILURE_REASONS.taskCancelled };
    await trx
      .updateTable('campaign_details')
      .set({ ...shared, ...settledDetail(outcome, settled, open), ...reason })
      .where('id', '=', open.detail.id)
      .execute();
    return true;
  });
}

/**
 * Deletes a never-dialed attempt and puts its detail back in the state it was claimed from (failed instead when the
 * task was cancelled meanwhile). Returns the state the detail landed in.
 */
export async function giveBack(trx: Transaction<Database>, open: OpenAttempt, at: number, dueAt: number): Promise<DetailState> {
  await trx.deleteFrom('call_attempts').where('id', '=', open.attempt.id).execute();
  const cancelled = await taskCancelled(trx, open.detail.task_id);
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
  return state;
}

/** Gives back a claim that was never dialed (window closed, capped, stopping); false when it is not open or was dialed. */
export async function releaseClaim(db: Kysely<Database>, attemptId: string, at: number, dueAt: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const open = await lockOpenAttempt(trx, attemptId);
    if (!open || open.attempt.originated_at !== null) return false;
    await giveBack(trx, open, at, dueAt);
    return true;
  });
}
