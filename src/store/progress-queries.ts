/** How far tasks have come: detail counts per state, summed from the detail tallies (detail-tallies.ts). */
import type { Kysely } from 'kysely';
import { DETAIL_STATES, isTerminalDetailState, type DetailState } from '../core/campaigns/detail-state.js';
import type { TaskProgress } from '../ports/campaign-store.js';
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
