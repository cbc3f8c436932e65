/** The per-callee call log behind frequency caps; the check-and-log is atomic across processes on both engines. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CalleeCall, CalleeLimit } from '../ports/campaign-store.js';
import { isPostgres } from './engine-sql.js';
import type { Database } from './schema.js';

/**
 * Serializes check-and-log per (account, callee) until the transaction ends. PostgreSQL: a transaction-scoped
 * advisory lock on a hash of the pair (no row exists yet to lock). SQLite: BEGIN IMMEDIATE already holds the lock.
 */
async function lockCallee(trx: Transaction<Database>, accountId: string, calleeKey: string): Promise<void> {
  if (!isPostgres(trx)) return;
  // Length-prefixed so no two (account, callee) pairs share a key text; PostgreSQL text cannot hold a NUL separator.
  const key = `${accountId.length}:${accountId}|${calleeKey}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

/** True when one more call at `at` stays within every limit (calls in (at - windowMs, at] are counted). */
export async function calleeWithinLimits(
  trx: Transaction<Database>,
  accountId: string,
  calleeKey: string,
  at: number,
  limits: readonly CalleeLimit[],
): Promise<boolean> {
  if (limits.length === 0) return true;
  await lockCallee(trx, accountId, calleeKey);
  const widest = Math.max(...limits.map((l) => l.windowMs));
  const rows = await trx
    .selectFrom('callee_calls')
    .select('started_at')
    .where('account_id', '=', accountId)
    .where('callee_key', '=', calleeKey)
    .where('started_at', '>', at - widest)
    .where('started_at', '<=', at)
    .execute();
  const starts = rows.map((r) => Number(r.started_at));
  return limits.every((limit) => starts.filter((t) => t > at - limit.windowMs).length < limit.max);
}

/** Appends one call to the log. */
export async function insertCalleeCall(db: Kysely<Database>, call: CalleeCall): Promise<void> {
  await db
    .insertInto('callee_calls')
    .values({ account_id: call.accountId, callee_key: call.calleeKey, started_at: call.startedAt, attempt_id: call.attemptId ?? null })
    .execute();
}

/** Logs the call only if the limits allow it; false when one is reached. */
export async function reserveCalleeCall(db: Kysely<Database>, call: CalleeCall, limits: readonly CalleeLimit[]): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await calleeWithinLimits(trx, call.accountId, call.calleeKey, call.startedAt, limits))) return false;
    await insertCalleeCall(trx, call);
    return true;
  });
}

/** Calls to the callee that started in (since, until]. */
export async function countCalleeCalls(db: Kysely<Database>, accountId: string, calleeKey: string, since: number, until: number): Promise<number> {
  const row = await db
    .selectFrom('callee_calls')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('account_id', '=', accountId)
    .where('callee_key', '=', calleeKey)
    .where('started_at', '>', since)
    .where('started_at', '<=', until)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Forgets calls that started before `before`. */
export async function purgeCalleeCalls(db: Kysely<Database>, before: number): Promise<number> {
  const result = await db.deleteFrom('callee_calls').where('started_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
