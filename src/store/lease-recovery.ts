/**
 * Crash recovery (issue 3 item 3): a detail still calling after its lease expired. Never dialed (no origination
 * mark): the attempt is deleted and the detail goes back to the queue. Dialed but no outcome: the attempt is closed
 * as interrupted and returned, so the caller applies the retry policy through completeAttempt; until it does, the
 * detail stays in state 3 with an expired lease and the next recovery reports it again.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { FAILURE_REASONS, type DetailState } from '../core/campaigns/detail-state.js';
import type { Claim, LeaseRecovery } from '../ports/campaign-store.js';
import { giveBack } from './attempt-queries.js';
import { toAttempt, toDetail } from './campaign-rows.js';
import { TallyDeltas } from './detail-tallies.js';
import { forUpdateSkipLocked } from './engine-sql.js';
import type { CallAttemptsTable, CampaignDetailsTable, Database } from './schema.js';

type DetailRow = Selectable<CampaignDetailsTable>;
type AttemptRow = Selectable<CallAttemptsTable>;

/**
 * Expired claims, oldest expiry first; SKIP LOCKED leaves rows a live dialer is settling right now. Found task by
 * task through the (task_id, state) index: a task's calling rows are at most its calls in flight, and an index on the
 * lease itself would be rewritten by every claim, outcome and lease extension (migration 0004).
 */
async function expiredClaims(trx: Transaction<Database>, now: number, limit: number): Promise<DetailRow[]> {
  const query = trx
    .selectFrom('campaign_details')
    .selectAll()
    .where('task_id', 'in', (eb) => eb.selectFrom('campaign_tasks').select('id'))
    .where('state', '=', 3)
    .where('lease_expires_at', '<=', now)
    .orderBy('lease_expires_at')
    .limit(limit);
  return forUpdateSkipLocked(trx, query).execute();
}

/** The current attempt (number = attempt_count) of each detail. */
async function currentAttempts(trx: Transaction<Database>, details: DetailRow[]): Promise<Map<string, AttemptRow>> {
  const rows = await trx.selectFrom('call_attempts').selectAll().where('detail_id', 'in', details.map((d) => d.id)).execute();
  const count = new Map(details.map((d) => [d.id, Number(d.attempt_count)]));
  return new Map(rows.filter((a) => Number(a.attempt_number) === count.get(a.detail_id)).map((a) => [a.detail_id, a]));
}

/** Closes an originated attempt as interrupted (once) and frees the detail's lease owner. */
async function interrupt(trx: Transaction<Database>, detail: DetailRow, attempt: AttemptRow, now: number): Promise<Claim> {
  let closed = attempt;
  if (attempt.interrupted_at === null) {
    const mark = { interrupted_at: now, ended_at: now, failed_reason: FAILURE_REASONS.interrupted };
    await trx.updateTable('call_attempts').set(mark).where('id', '=', attempt.id).execute();
    closed = { ...attempt, ...mark };
  }
  await trx.updateTable('campaign_details').set({ lease_owner: null, updated_at: now }).where('id', '=', detail.id).execute();
  return { detail: toDetail({ ...detail, lease_owner: null, updated_at: now }), attempt: toAttempt(closed) };
}

/** Puts a never-dialed claim back; returns the state the detail landed in. */
async function requeue(trx: Transaction<Database>, detail: DetailRow, attempt: AttemptRow | undefined, now: number): Promise<DetailState> {
  if (attempt) return giveBack(trx, { attempt, detail }, now, Number(detail.due_at));
  // No attempt row at all cannot happen through this store; treat it like a claim never dialed.
  await trx.updateTable('campaign_details').set({ state: 1, lease_owner: null, lease_expires_at: null, updated_at: now }).where('id', '=', detail.id).execute();
  const tallies = new TallyDeltas();
  tallies.move(detail, 3, 1);
  await tallies.write(trx);
  return 1;
}

/** Recovers up to `limit` expired claims in one transaction. */
export async function recoverExpiredLeases(db: Kysely<Database>, now: number, limit = 500): Promise<LeaseRecovery> {
  return db.transaction().execute(async (trx) => {
    const recovery: LeaseRecovery = { requeued: [], interrupted: [] };
    const details = await expiredClaims(trx, now, limit);
    if (details.length === 0) return recovery;
    const attempts = await currentAttempts(trx, details);
    for (const detail of details) {
      const attempt = attempts.get(detail.id);
      if (attempt && attempt.originated_at !== null) {
        recovery.interrupted.push(await interrupt(trx, detail, attempt, now));
        continue;
      }
      recovery.requeued.push({ detailId: detail.id, taskId: detail.task_id, state: await requeue(trx, detail, attempt, now) });
    }
    return recovery;
  });
}
