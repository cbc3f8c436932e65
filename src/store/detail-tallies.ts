/**
 * Detail tallies (migration 0004): how many of a task's details of one import are in each state, kept as delta rows.
 * Every write that adds details or moves them between states appends its deltas in the same transaction, from rows
 * it holds locked, so the sums are exact on both engines. Appending (never updating a shared counter row) means
 * concurrent dialers on PostgreSQL never wait on each other here; `compactTallies` merges the deltas now and then.
 */
import { sql, type Kysely, type Transaction, type UpdateQueryBuilder } from 'kysely';
import { RowInsert } from './compiled-rows.js';
import { isPostgres } from './engine-sql.js';
import type { CampaignDetailTalliesTable, Database } from './schema.js';

/** The columns that place a detail in a tally. */
export interface TallyKey {
  task_id: string;
  batch_id: string | null;
  created_at: number | string;
}

const TALLY_INSERT = new RowInsert('campaign_detail_tallies', ['task_id', 'batch_key', 'created_at', 'state', 'n']);

/** Collects the state changes of one transaction and writes them as one delta row per (import, state). */
export class TallyDeltas {
  private readonly rows = new Map<string, CampaignDetailTalliesTable>();

  /** `n` details of the import entered (n > 0) or left (n < 0) `state`. */
  add(detail: TallyKey, state: number, n: number): void {
    const batchKey = detail.batch_id ?? '';
    const createdAt = Number(detail.created_at);
    const key = `${detail.task_id}\u0000${batchKey}\u0000${createdAt}\u0000${state}`;
    const row = this.rows.get(key);
    if (row) row.n += n;
    else this.rows.set(key, { task_id: detail.task_id, batch_key: batchKey, created_at: createdAt, state, n });
  }

  /** One detail went from `from` to `to`. */
  move(detail: TallyKey, from: number, to: number): void {
    if (from === to) return;
    this.add(detail, from, -1);
    this.add(detail, to, 1);
  }

  /** Appends the non-zero deltas. */
  async write(trx: Transaction<Database>): Promise<void> {
    const rows = [...this.rows.values()].filter((r) => r.n !== 0);
    this.rows.clear();
    await TALLY_INSERT.run(trx, rows);
  }
}

type DetailUpdate = UpdateQueryBuilder<Database, 'campaign_details', 'campaign_details', object>;

/**
 * Moves every detail of the task in state `from` to `to` with `update` (which must set state = to and filter on
 * task and state) and tallies exactly the rows it moved. PostgreSQL: the UPDATE is a data-modifying CTE whose
 * RETURNING rows are tallied in the same statement, so a concurrent writer cannot slip in between. SQLite: the
 * transaction holds the only write lock, so counting first and then updating sees the same rows.
 */
export async function moveAllInState(trx: Transaction<Database>, taskId: string, from: number, to: number, update: DetailUpdate): Promise<void> {
  const signs = sql`(select cast(${from} as integer) as state, -1 as sign union all select cast(${to} as integer), 1)`;
  const tally = (source: ReturnType<typeof sql>) => sql`
    insert into campaign_detail_tallies (task_id, batch_key, created_at, state, n)
    select cast(${taskId} as text), coalesce(m.batch_id, ''), m.created_at, s.state, s.sign * count(*)
    from ${source} as m cross join ${signs} as s
    group by m.batch_id, m.created_at, s.state, s.sign`;
  if (isPostgres(trx)) {
    await sql`with moved as (${update.returning(['batch_id', 'created_at'])}) ${tally(sql`moved`)}`.execute(trx);
    return;
  }
  const before = sql`(select batch_id, created_at from campaign_details where task_id = ${taskId} and state = ${from})`;
  await tally(before).execute(trx);
  await update.execute();
}

/** Merges the task's delta rows into one row per (import, state); zero rows go. */
export async function compactTallies(db: Kysely<Database>, taskId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // DELETE … RETURNING takes exactly the rows it removes, so deltas committed meanwhile stay and are counted later.
    const removed = await trx.deleteFrom('campaign_detail_tallies').where('task_id', '=', taskId).returning(['batch_key', 'created_at', 'state', 'n']).execute();
    const merged = new TallyDeltas();
    for (const r of removed) merged.add({ task_id: taskId, batch_id: r.batch_key, created_at: r.created_at }, Number(r.state), Number(r.n));
    await merged.write(trx);
  });
}
