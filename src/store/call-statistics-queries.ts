/**
 * Ended calls per time bucket and outcome, over the two tables a call can end in: call_attempts (campaign calls) and
 * single_calls. Both are read by the (account_id, ended_at) index of migration 0017, so the cost follows the calls
 * in the window, not the account's history.
 */
import { sql, type Kysely } from 'kysely';
import type { EndedCallCount, EndedCallRange } from '../ports/call-statistics-store.js';
import type { Database } from './schema.js';

/** The tables whose rows are calls with an `ended_at`. */
const CALL_TABLES = ['call_attempts', 'single_calls'] as const;

/** Counts of one table; the two engines agree on integer division of the integer ended_at, so one SQL serves both. */
async function countIn(db: Kysely<Database>, table: (typeof CALL_TABLES)[number], accountId: string, range: EndedCallRange) {
  // A literal, not a parameter: it is a checked integer, and SQLite's planner and PostgreSQL's typing both prefer it.
  const bucket = sql<number | string>`ended_at / ${sql.lit(Math.trunc(range.bucketMs))}`;
  return db
    .selectFrom(table)
    .select([bucket.as('bucket'), 'call_result', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('account_id', '=', accountId)
    .where('ended_at', '>=', range.from)
    .where('ended_at', '<', range.until)
    .groupBy([bucket, 'call_result'])
    .execute();
}

/** See CallStatisticsStore.countEndedCalls. */
export async function countEndedCalls(db: Kysely<Database>, accountId: string, range: EndedCallRange): Promise<EndedCallCount[]> {
  const merged = new Map<string, EndedCallCount>();
  for (const table of CALL_TABLES) {
    for (const row of await countIn(db, table, accountId, range)) {
      const bucketStart = Number(row.bucket) * range.bucketMs;
      const key = `${bucketStart}\u0000${row.call_result ?? ''}`;
      const entry = merged.get(key) ?? { bucketStart, callResult: row.call_result, count: 0 };
      entry.count += Number(row.n);
      merged.set(key, entry);
    }
  }
  return [...merged.values()].sort((a, b) => a.bucketStart - b.bucketStart);
}
