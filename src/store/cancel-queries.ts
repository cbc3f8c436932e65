/** CancelAiCallDetails: fails the selected details still in states 0-2 and says why the others were not cancelled. */
import type { ExpressionBuilder, Expression, Kysely, SqlBool } from 'kysely';
import { CANCELLABLE_DETAIL_STATES, FAILURE_REASONS } from '../core/campaigns/detail-state.js';
import type { CancelOutcome, DetailSelector } from '../ports/campaign-store.js';
import { TallyDeltas } from './detail-tallies.js';
import { forUpdate } from './engine-sql.js';
import type { Database } from './schema.js';

type DetailExpressions = ExpressionBuilder<Database, 'campaign_details'>;

/** The details a selector targets, within one task. */
function selected(eb: DetailExpressions, taskId: string, selector: DetailSelector): Expression<SqlBool> {
  const conditions = [eb('task_id', '=', taskId)];
  if ('detailIds' in selector) {
    conditions.push(eb('id', 'in', [...selector.detailIds]));
  } else {
    conditions.push(eb('batch_id', '=', selector.batchId));
    if (selector.numbers) conditions.push(eb('number', 'in', [...selector.numbers]));
    if (selector.encryptionType !== undefined) conditions.push(eb('encryption_type', '=', selector.encryptionType));
  }
  return eb.and(conditions);
}

/** The keys a selector reports by: its detail ids, its numbers, or (a whole batch) the ids found, else the batch id. */
function reportKeys(selector: DetailSelector, found: { id: string }[]): string[] {
  if ('detailIds' in selector) return [...new Set(selector.detailIds)];
  if (selector.numbers) return [...new Set(selector.numbers)];
  return found.length > 0 ? found.map((r) => r.id) : [selector.batchId];
}

function isEmptySelection(selector: DetailSelector): boolean {
  return ('detailIds' in selector && selector.detailIds.length === 0) || ('numbers' in selector && selector.numbers?.length === 0);
}

/** Builds the outcome from what was targeted and what was cancelled. */
function outcome(keys: string[], found: { id: string; number: string }[], cancelledIds: Set<string>, byNumber: boolean): CancelOutcome {
  const keyOf = (row: { id: string; number: string }): string => (byNumber ? row.number : row.id);
  const foundKeys = new Set(found.map(keyOf));
  const cancelledKeys = new Set(found.filter((r) => cancelledIds.has(r.id)).map(keyOf));
  const result: CancelOutcome = { total: keys.length, cancelled: [], failed: {} };
  for (const key of keys) {
    if (cancelledKeys.has(key)) result.cancelled.push(key);
    else result.failed[key] = foundKeys.has(key) ? 'not-cancellable' : 'not-found';
  }
  return result;
}

/**
 * Cancels within one transaction. The UPDATE re-checks the state, so a detail a dialer claims meanwhile (now 3)
 * is reported not-cancellable rather than cancelled under the dialer's feet.
 */
export async function cancelDetails(
  db: Kysely<Database>,
  accountId: string,
  taskId: string,
  selector: DetailSelector,
  at: number,
): Promise<CancelOutcome> {
  return db.transaction().execute(async (trx) => {
    const byNumber = !('detailIds' in selector) && selector.numbers !== undefined;
    const owned = await trx.selectFrom('campaign_tasks').select('id').where('id', '=', taskId).where('account_id', '=', accountId).executeTakeFirst();
    // Locked (PostgreSQL) so the state read here is the state the UPDATE changes, and the tallies stay exact.
    const targeted = trx.selectFrom('campaign_details').select(['id', 'number', 'state', 'task_id', 'batch_id', 'created_at']).where((eb) => selected(eb, taskId, selector));
    const found = owned && !isEmptySelection(selector) ? await forUpdate(trx, targeted).execute() : [];
    const keys = reportKeys(selector, found);
    if (found.length === 0) return outcome(keys, found, new Set(), byNumber);
    const cancelled = await trx
      .updateTable('campaign_details')
      .set({ state: 5, failed_reason: FAILURE_REASONS.cancelled, ended_at: at, updated_at: at })
      .where((eb) => eb.and([selected(eb, taskId, selector), eb('state', 'in', [...CANCELLABLE_DETAIL_STATES])]))
      .returning('id')
      .execute();
    const cancelledIds = new Set(cancelled.map((r) => r.id));
    const tallies = new TallyDeltas();
    for (const row of found) if (cancelledIds.has(row.id)) tallies.move(row, Number(row.state), 5);
    await tallies.write(trx);
    return outcome(keys, found, cancelledIds, byNumber);
  });
}
