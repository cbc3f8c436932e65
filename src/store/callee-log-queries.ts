/**
 * The per-callee call log behind frequency caps. Check-and-log is atomic across processes on both engines, and a
 * whole group of calls is checked and logged in one transaction with a fixed number of statements.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CalleeCall, CalleeLimit } from '../ports/campaign-store.js';
import { RowInsert } from './compiled-rows.js';
import { chunks, isPostgres } from './engine-sql.js';
import type { Database } from './schema.js';

/** A call that wants to start: whose, to whom, when, under which limits. */
export interface CalleeCheck {
  accountId: string;
  calleeKey: string;
  at: number;
  limits: readonly CalleeLimit[];
}

/**
 * The start times on record for a group of callees, plus the calls the group logs as it goes: `allows` then
 * `add` for each call in turn, so two calls to one callee in the same group count against each other.
 */
export class CalleeStarts {
  private constructor(private readonly starts: Map<string, number[]>) {}

  /**
   * Serializes check-and-log per (account, callee) until the transaction ends, then reads every start that any
   * check's widest window can see. PostgreSQL: transaction-scoped advisory locks on a hash of each pair, taken in
   * hash order so two groups never wait on each other in a cycle (no row exists yet to lock). SQLite: BEGIN
   * IMMEDIATE already holds the database's write lock.
   */
  static async load(trx: Transaction<Database>, checks: readonly CalleeCheck[]): Promise<CalleeStarts> {
    const starts = new Map<string, number[]>();
    const limited = checks.filter((c) => c.limits.length > 0);
    if (limited.length === 0) return new CalleeStarts(starts);
    if (isPostgres(trx)) await lockCallees(trx, limited);
    for (const [accountId, group] of groupBy(limited, (c) => c.accountId)) {
      const keys = [...new Set(group.map((c) => c.calleeKey))];
      const since = Math.min(...group.map((c) => c.at - widestWindow(c.limits)));
      const until = Math.max(...group.map((c) => c.at));
      for (const keyChunk of chunks(keys, 1000)) {
        const rows = await trx
          .selectFrom('callee_calls')
          .select(['callee_key', 'started_at'])
          .where('account_id', '=', accountId)
          .where('callee_key', 'in', keyChunk)
          .where('started_at', '>', since)
          .where('started_at', '<=', until)
          .execute();
        for (const row of rows) push(starts, pairKey(accountId, row.callee_key), Number(row.started_at));
      }
    }
    return new CalleeStarts(starts);
  }

  /** True when one more call at `check.at` stays within every limit (calls in (at - windowMs, at] count). */
  allows(check: CalleeCheck): boolean {
    const starts = this.starts.get(pairKey(check.accountId, check.calleeKey)) ?? [];
    return check.limits.every((limit) => starts.filter((t) => t > check.at - limit.windowMs && t <= check.at).length < limit.max);
  }

  /** Counts a call this group logs. */
  add(call: CalleeCall): void {
    push(this.starts, pairKey(call.accountId, call.calleeKey), call.startedAt);
  }
}

const CALLEE_INSERT = new RowInsert('callee_calls', ['account_id', 'callee_key', 'started_at', 'attempt_id']);

/** Appends calls to the log (multi-row inserts). */
export async function insertCalleeCalls(db: Kysely<Database>, calls: readonly CalleeCall[]): Promise<void> {
  await CALLEE_INSERT.run(db, calls.map((c) => ({ account_id: c.accountId, callee_key: c.calleeKey, started_at: c.startedAt, attempt_id: c.attemptId ?? null })));
}

/** One call that wants to be logged under its limits. */
export interface CalleeReservation {
  call: CalleeCall;
  limits: readonly CalleeLimit[];
}

/**
 * Logs each call only if its limits allow it, in one transaction for the whole group and in the given order (two
 * calls of the group to one callee count against each other); per call, false when a limit is reached.
 */
export async function reserveCalleeCalls(db: Kysely<Database>, reservations: readonly CalleeReservation[]): Promise<boolean[]> {
  return db.transaction().execute(async (trx) => {
    const checks = reservations.map(({ call, limits }) => ({ accountId: call.accountId, calleeKey: call.calleeKey, at: call.startedAt, limits }));
    const starts = await CalleeStarts.load(trx, checks);
    const allowed = checks.map((check, i) => {
      if (!starts.allows(check)) return false;
      starts.add(reservations[i]!.call);
      return true;
    });
    const logged = reservations.filter((_, i) => allowed[i]).map((r) => r.call);
    if (logged.length > 0) await insertCalleeCalls(trx, logged);
    return allowed;
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

async function lockCallees(trx: Transaction<Database>, checks: readonly CalleeCheck[]): Promise<void> {
  // Length-prefixed so no two (account, callee) pairs share a key text; PostgreSQL text cannot hold a NUL separator.
  const keys = [...new Set(checks.map((c) => `${c.accountId.length}:${c.accountId}|${c.calleeKey}`))];
  await sql`select pg_advisory_xact_lock(h) from (select hashtextextended(k, 0) as h from unnest(${keys}::text[]) as k order by 1) as ordered`.execute(trx);
}

function widestWindow(limits: readonly CalleeLimit[]): number {
  return Math.max(...limits.map((l) => l.windowMs));
}

function pairKey(accountId: string, calleeKey: string): string {
  return `${accountId}\u0000${calleeKey}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) push(groups, keyOf(item), item);
  return groups;
}
