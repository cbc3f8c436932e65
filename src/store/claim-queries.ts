/**
 * The dialer's claim: due details of a running task move to state 3 under a lease, with their attempt rows, in one
 * transaction. PostgreSQL takes the rows FOR UPDATE SKIP LOCKED, so concurrent claimers get disjoint sets; on
 * SQLite the transaction's BEGIN IMMEDIATE write lock serializes claimers.
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Claim, ClaimRequest } from '../ports/campaign-store.js';
import { toAttempt, toDetail } from './campaign-rows.js';
import { TallyDeltas } from './detail-tallies.js';
import { RowInsert } from './compiled-rows.js';
import { forShare, forUpdate, forUpdateSkipLocked } from './engine-sql.js';
import type { CallAttemptsTable, CampaignDetailsTable, Database } from './schema.js';

type DetailRow = Selectable<CampaignDetailsTable>;

const ATTEMPT_INSERT = new RowInsert('call_attempts', [
  'id', 'call_id', 'account_id', 'task_id', 'detail_id', 'attempt_number', 'from_state', 'lease_owner', 'claimed_at',
]);

/** Due rows, oldest due first, then in import order. The predicate is spelled as in the partial index campaign_details_due. */
async function selectDue(trx: Transaction<Database>, request: ClaimRequest): Promise<DetailRow[]> {
  const query = trx
    .selectFrom('campaign_details')
    .selectAll()
    .where('task_id', '=', request.taskId)
    .where(sql<boolean>`state in (1, 2)`)
    .where('due_at', '<=', request.now)
    .orderBy('due_at')
    .orderBy('id')
    .limit(request.limit);
  return forUpdateSkipLocked(trx, query).execute();
}

function attemptRow(row: DetailRow, request: ClaimRequest): Insertable<CallAttemptsTable> {
  return {
    id: request.ids.next(),
    call_id: request.ids.nextCallId(),
    account_id: row.account_id,
    task_id: row.task_id,
    detail_id: row.id,
    attempt_number: Number(row.attempt_count) + 1,
    from_state: Number(row.state),
    lease_owner: request.leaseOwner,
    claimed_at: request.now,
  };
}

/** The attempt record as inserted: every outcome column still empty. */
function newAttempt(row: Insertable<CallAttemptsTable>): Selectable<CallAttemptsTable> {
  const empty = { caller_number: null, originated_at: null, ring_at: null, answer_at: null, release_at: null, duration_s: null };
  const noOutcome = { call_result: null, status_code: null, failed_reason: null, hangup_direction: null, turn_count: null, major_intent: null };
  return { ...(row as Selectable<CallAttemptsTable>), ...empty, ...noOutcome, interrupted_at: null, ended_at: null };
}

/** Claims up to `limit` due details of the task when it is RUNNING. */
export async function claimDueDetails(db: Kysely<Database>, request: ClaimRequest): Promise<Claim[]> {
  if (request.limit <= 0) return [];
  return db.transaction().execute(async (trx) => {
    // FOR SHARE: a stop or cancel (FOR UPDATE on the task) waits for this claim, and a claim after it sees the new
    // status. With shared pacing, FOR UPDATE: claimers of one task take turns at its bucket.
    const taskQuery = trx.selectFrom('campaign_tasks').select(['status', 'pace_tokens', 'pace_at']).where('id', '=', request.taskId);
    const task = await (request.pacing ? forUpdate(trx, taskQuery) : forShare(trx, taskQuery)).executeTakeFirst();
    if (task?.status !== 'RUNNING') return [];
    const pace = request.pacing?.(task.pace_tokens === null || task.pace_at === null ? undefined : { tokens: Number(task.pace_tokens), at: Number(task.pace_at) });
    const limit = Math.min(request.limit, pace?.granted ?? request.limit);
    const due = limit > 0 ? await selectDue(trx, { ...request, limit }) : [];
    if (pace) {
      const saved = pace.settle(due.length);
      await trx.updateTable('campaign_tasks').set({ pace_tokens: saved.tokens, pace_at: saved.at }).where('id', '=', request.taskId).execute();
    }
    if (due.length === 0) return [];
    const attempts = due.map((row) => attemptRow(row, request));
    await ATTEMPT_INSERT.run(trx, attempts);
    const leaseExpiresAt = request.now + request.leaseMs;
    const claimed = { state: 3, lease_owner: request.leaseOwner, lease_expires_at: leaseExpiresAt, updated_at: request.now };
    await trx
      .updateTable('campaign_details')
      .set({ ...claimed, attempt_count: sql<number>`attempt_count + 1` })
      .where('id', 'in', due.map((r) => r.id))
      .execute();
    const tallies = new TallyDeltas();
    for (const row of due) tallies.move(row, Number(row.state), 3);
    await tallies.write(trx);
    return due.map((row, i) => ({
      detail: toDetail({ ...row, ...claimed, attempt_count: Number(row.attempt_count) + 1 }),
      attempt: toAttempt(newAttempt(attempts[i]!)),
    }));
  });
}

/** Extends the leases the owner still holds on calling details. */
export async function extendLeases(db: Kysely<Database>, leaseOwner: string, detailIds: readonly string[], expiresAt: number): Promise<number> {
  if (detailIds.length === 0) return 0;
  const result = await db
    .updateTable('campaign_details')
    .set({ lease_expires_at: expiresAt })
    .where('id', 'in', [...detailIds])
    .where('state', '=', 3)
    .where('lease_owner', '=', leaseOwner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
