/**
 * Running counts of each task's details by import and state, so QueryAiCallDetailPage's Total and a task's
 * progress are sums over a few rows instead of counts over up to millions (docs/performance.md). Rows are deltas,
 * appended by every write that adds details or moves them between states and merged now and then (detail-tallies.ts).
 * Also narrows the batch index to batch_id (a batch holds at most 1000 details, and an index that included the state
 * cost two page writes on every state change), and extends the number and OutId indexes with the page order
 * (created_at, id), so a page of a number's details is read from its index without walking the whole task.
 * Drops the lease index: every claim, outcome and lease extension rewrote its entries, and recovery finds expired
 * claims through the (task_id, state) index instead. And gives tasks a place for their TaskCps token bucket, so
 * dialer processes sharing a task share its rate.
 */
import { sql, type Kysely } from 'kysely';

/** Creates campaign_detail_tallies from the details already stored, and reshapes three detail indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaign_detail_tallies')
    .addColumn('task_id', 'text', (c) => c.notNull())
    // The batch id, or '' for details imported one at a time (ImportOneTaskPhoneNumber without a batch).
    .addColumn('batch_key', 'text', (c) => c.notNull())
    // The details' import time: every detail of one import shares it, so the imported-time filter sums tallies too.
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('state', 'integer', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_detail_tallies_task').on('campaign_detail_tallies').columns(['task_id', 'state', 'created_at']).execute();
  await db.schema.createIndex('campaign_detail_tallies_batch').on('campaign_detail_tallies').columns(['task_id', 'batch_key']).execute();
  await sql`
    insert into campaign_detail_tallies (task_id, batch_key, created_at, state, n)
    select task_id, coalesce(batch_id, ''), created_at, state, count(*) from campaign_details
    group by task_id, coalesce(batch_id, ''), created_at, state`.execute(db);
  await db.schema.dropIndex('campaign_details_batch').execute();
  await db.schema.createIndex('campaign_details_batch').on('campaign_details').column('batch_id').execute();
  await db.schema.dropIndex('campaign_details_task_number').execute();
  await db.schema.createIndex('campaign_details_task_number').on('campaign_details').columns(['task_id', 'number', 'created_at', 'id']).execute();
  await db.schema.dropIndex('campaign_details_task_out_id').execute();
  await outIdIndex(db, ['task_id', 'out_id', 'created_at', 'id']);
  await db.schema.dropIndex('campaign_details_lease').execute();
  await db.schema.alterTable('campaign_tasks').addColumn('pace_tokens', 'double precision').execute();
  await db.schema.alterTable('campaign_tasks').addColumn('pace_at', 'bigint').execute();
}

function outIdIndex(db: Kysely<unknown>, columns: string[]) {
  return db.schema.createIndex('campaign_details_task_out_id').on('campaign_details').columns(columns).where(sql.ref('out_id'), 'is not', null).execute();
}

/** Drops what `up` created and restores the earlier detail indexes. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('campaign_details_lease').on('campaign_details').column('lease_expires_at').where(sql<boolean>`state = 3`).execute();
  await db.schema.alterTable('campaign_tasks').dropColumn('pace_at').execute();
  await db.schema.alterTable('campaign_tasks').dropColumn('pace_tokens').execute();
  await db.schema.dropTable('campaign_detail_tallies').execute();
  await db.schema.dropIndex('campaign_details_batch').execute();
  await db.schema.createIndex('campaign_details_batch').on('campaign_details').columns(['batch_id', 'state']).execute();
  await db.schema.dropIndex('campaign_details_task_number').execute();
  await db.schema.createIndex('campaign_details_task_number').on('campaign_details').columns(['task_id', 'number']).execute();
  await db.schema.dropIndex('campaign_details_task_out_id').execute();
  await outIdIndex(db, ['task_id', 'out_id']);
}
