/** Imports: a batch and its details in one transaction, as multi-row INSERTs, checked against the task's status. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { taskTransition } from '../core/campaigns/task-status.js';
import type { DetailImport, ImportOutcome, NewDetail } from '../ports/campaign-store.js';
import { TallyDeltas } from './detail-tallies.js';
import { RowInsert } from './compiled-rows.js';
import { forUpdate } from './engine-sql.js';
import type { CampaignDetailsTable, Database } from './schema.js';

const DETAIL_INSERT = new RowInsert('campaign_details', [
  'id', 'account_id', 'task_id', 'batch_id', 'number', 'encryption_type', 'out_id', 'variables', 'state', 'due_at', 'created_at', 'updated_at',
]);

function detailRow(input: DetailImport, detail: NewDetail, state: 0 | 1): Insertable<CampaignDetailsTable> {
  return {
    id: detail.id,
    account_id: input.accountId,
    task_id: input.taskId,
    batch_id: input.batchId,
    number: detail.number,
    encryption_type: detail.encryptionType,
    out_id: detail.outId,
    variables: JSON.stringify(detail.variables),
    state,
    // Due at once, in import order: the queue is first in, first out.
    due_at: input.at,
    created_at: input.at,
    updated_at: input.at,
  };
}

async function insertDetails(trx: Transaction<Database>, input: DetailImport, state: 0 | 1): Promise<void> {
  await DETAIL_INSERT.run(trx, input.details.map((d) => detailRow(input, d, state)));
}

/**
 * Stores the batch and its details. The task row is locked first: a concurrent start (which releases state-0
 * details) or completion check waits for the import, so no detail is left behind in state 0 of a running task and
 * no task completes under rows it cannot see yet.
 */
export async function importDetails(db: Kysely<Database>, input: DetailImport): Promise<ImportOutcome | undefined> {
  return db.transaction().execute((trx) => importDetailsIn(trx, input));
}

/** importDetails inside a transaction the caller holds (a product creating a task and its callees at once). */
export async function importDetailsIn(trx: Transaction<Database>, input: DetailImport): Promise<ImportOutcome | undefined> {
  const taskQuery = trx
    .selectFrom('campaign_tasks')
    .select(['status', 'real_start_time'])
    .where('id', '=', input.taskId)
    .where('account_id', '=', input.accountId);
  const task = await forUpdate(trx, taskQuery).executeTakeFirst();
  if (!task) return undefined;
  const taskStatus = taskTransition(task.status, 'import');
  if (taskStatus !== task.status) {
    await trx.updateTable('campaign_tasks').set({ status: taskStatus, updated_at: input.at }).where('id', '=', input.taskId).execute();
  }
  // Details of a task that never ran wait in 0 until it runs; once it has run they join the queue at once.
  const initialState = taskStatus === 'RUNNING' || task.real_start_time !== null ? 1 : 0;
  if (input.batchId !== null) {
    await trx
      .insertInto('campaign_batches')
      .values({
        id: input.batchId,
        account_id: input.accountId,
        task_id: input.taskId,
        encryption_type: input.encryptionType,
        row_count: input.details.length,
        created_at: input.at,
      })
      .execute();
  }
  await insertDetails(trx, input, initialState);
  const tallies = new TallyDeltas();
  tallies.add({ task_id: input.taskId, batch_id: input.batchId, created_at: input.at }, initialState, input.details.length);
  await tallies.write(trx);
  return { taskStatus, initialState };
}
