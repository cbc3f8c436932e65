/**
 * Campaign tasks of more than one product: aiccs AiCallTasks, dyvms task-center CallTasks and dyvms robot tasks all
 * run on the same engine. `product` says whose task a row is (so each product lists and acts on its own tasks only),
 * and `flow` holds, as JSON, what a call of a non-aiccs task runs (see core/campaigns/task-flow.ts).
 */
import { sql, type Kysely } from 'kysely';

/** Adds campaign_tasks.product and campaign_tasks.flow. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaign_tasks').addColumn('product', 'text', (c) => c.notNull().defaultTo(sql`'aiccs'`)).execute();
  await db.schema.alterTable('campaign_tasks').addColumn('flow', 'text').execute();
  await db.schema.createIndex('campaign_tasks_product').on('campaign_tasks').columns(['account_id', 'product', 'created_at']).execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('campaign_tasks_product').execute();
  await db.schema.alterTable('campaign_tasks').dropColumn('flow').execute();
  await db.schema.alterTable('campaign_tasks').dropColumn('product').execute();
}
