/** How far tasks have come: detail counts per state, summed from the detail tallies (detail-tallies.ts). */
import { sql, type Kysely } from 'kysely';
import { DETAIL_STATES, isTerminalDetailState, type DetailState } from '../core/campaigns/detail-state.js';
import type { TaskCallCounters, TaskProgress } from '../ports/campaign-store.js';
import type { Database } from './schema.js';

function emptyCounts(): Record<DetailState, number> {
  return { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
}

function summarize(byState: Record<DetailState, number>): TaskProgress {
  const total = DETAIL_STATES.reduce<number>((sum, s) => sum + byState[s], 0);
  const open = DETAIL_STATES.filter((s) => !isTerminalDetailState(s)).reduce<number>((sum, s) => sum + byState[s], 0);
  return { byState, total, allTerminal: total > 0 && open === 0 };
}

/**
 * Counts per state for the account's tasks among `taskIds`. Ownership is checked on the tasks first; the tallies
 * carry no account id.
 */
export async function taskProgress(db: Kysely<Database>, accountId: string, taskIds: readonly string[]): Promise<Map<string, TaskProgress>> {
  const result = new Map<string, TaskProgress>();
  if (taskIds.length === 0) return result;
  const owned = await db.selectFrom('campaign_tasks').select('id').where('account_id', '=', accountId).where('id', 'in', [...taskIds]).execute();
  if (owned.length === 0) return result;
  const counts = new Map(owned.map((t) => [t.id, emptyCounts()]));
  const rows = await db
    .selectFrom('campaign_detail_tallies')
    .select(['task_id', 'state', (eb) => eb.fn.sum<number | string>('n').as('n')])
    .where('task_id', 'in', [...counts.keys()])
    .groupBy(['task_id', 'state'])
    .execute();
  for (const row of rows) {
    const byState = counts.get(row.task_id);
    if (byState) byState[Number(row.state) as DetailState] = Number(row.n);
  }
  for (const [id, byState] of counts) result.set(id, summarize(byState));
  return result;
}

/**
 * The counters QueryAiCallTaskPage shows besides the per-state counts, in one pass over the task's details (five
 * separate counts cost five passes over a large task).
 */
export async function taskCallCounters(db: Kysely<Database>, accountId: string, taskId: string, since: number): Promise<TaskCallCounters> {
  const answered = sql<boolean>`call_result = 'ANSWERED'`;
  const calledSince = sql<boolean>`calling_time >= ${since}`;
  const row = await db
    .selectFrom('campaign_details')
    .select([
      sql<number | string>`count(calling_time)`.as('called'),
      sql<number | string>`count(case when ${answered} then 1 end)`.as('answered'),
      sql<number | string>`count(case when created_at >= ${since} then 1 end)`.as('imported_since'),
      sql<number | string>`count(case when ${calledSince} then 1 end)`.as('called_since'),
      sql<number | string>`count(case when ${calledSince} and ${answered} then 1 end)`.as('answered_since'),
    ])
    .where('task_id', '=', taskId)
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return {
    called: Number(row.called), answered: Number(row.answered), importedSince: Number(row.imported_since),
    calledSince: Number(row.called_since), answeredSince: Number(row.answered_since),
  };
}
