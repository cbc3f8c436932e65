/**
 * The read every write after a claim starts with: the attempts, each with its detail locked, that are still their
 * detail's open attempt (detail calling, attempt current). Origination marks, outcomes, give-backs and lease
 * recovery all lock the detail first, so they never interleave on one recipient.
 */
import type { Selectable, Transaction } from 'kysely';
import { forShare, forUpdate, isPostgres } from './engine-sql.js';
import type { CallAttemptsTable, CampaignDetailsTable, Database } from './schema.js';

// Only what the writes after a claim read: whole rows (variables, numbers, outcome texts) were most of the garbage
// each outcome made.
const ATTEMPT_COLUMNS = ['id', 'account_id', 'detail_id', 'attempt_number', 'from_state', 'claimed_at', 'originated_at', 'interrupted_at'] as const;
const DETAIL_COLUMNS = ['id', 'task_id', 'batch_id', 'created_at', 'state', 'attempt_count', 'due_at', 'lease_expires_at'] as const;

/** An attempt that may still be marked, settled or given back, and its (locked) detail: the columns those writes use. */
export interface OpenAttempt {
  attempt: Pick<Selectable<CallAttemptsTable>, (typeof ATTEMPT_COLUMNS)[number]>;
  detail: Pick<Selectable<CampaignDetailsTable>, (typeof DETAIL_COLUMNS)[number]>;
}

/**
 * Locks the details of the given attempts (in id order, so two groups never wait on each other in a cycle) and
 * returns the open ones by attempt id; an attempt missing from the map is no longer open.
 */
export async function lockOpenAttempts(trx: Transaction<Database>, attemptIds: readonly string[]): Promise<Map<string, OpenAttempt>> {
  const open = new Map<string, OpenAttempt>();
  const ids = [...new Set(attemptIds)];
  if (ids.length === 0) return open;
  const first = await trx.selectFrom('call_attempts').select(ATTEMPT_COLUMNS).where('id', 'in', ids).execute();
  if (first.length === 0) return open;
  const detailIds = [...new Set(first.map((a) => a.detail_id))].sort();
  const detailQuery = trx.selectFrom('campaign_details').select(DETAIL_COLUMNS).where('id', 'in', detailIds).orderBy('id');
  const details = new Map((await forUpdate(trx, detailQuery).execute()).map((d) => [d.id, d]));
  // PostgreSQL: read the attempts again under the details' locks, since recovery may have changed or deleted them
  // while we waited. SQLite's transaction held the database's only write lock from BEGIN IMMEDIATE on.
  const attempts = isPostgres(trx) ? await trx.selectFrom('call_attempts').select(ATTEMPT_COLUMNS).where('id', 'in', ids).execute() : first;
  for (const attempt of attempts) {
    const detail = details.get(attempt.detail_id);
    if (detail && Number(detail.state) === 3 && Number(detail.attempt_count) === Number(attempt.attempt_number)) open.set(attempt.id, { attempt, detail });
  }
  return open;
}

/**
 * The ids of the given tasks that are cancelled. Locked FOR SHARE so a cancel (FOR UPDATE) cannot slip in between
 * this check and the writes that depend on it: a cancelled task never runs again, so a detail sent back to waiting
 * there would never end.
 */
export async function cancelledTasks(trx: Transaction<Database>, taskIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(taskIds)].sort();
  if (ids.length === 0) return new Set();
  const query = trx.selectFrom('campaign_tasks').select(['id', 'status']).where('id', 'in', ids).orderBy('id');
  const rows = await forShare(trx, query).execute();
  return new Set(rows.filter((t) => t.status === 'CANCELLED').map((t) => t.id));
}
