/** dyvms task-center CallTasks: what CreateCallTask was told, layered on the campaign task that runs it. */
import type { Kysely } from 'kysely';

/** Creates call_tasks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_tasks')
    // One CallTask per campaign task, under the same id; the campaign task holds the status and the callees.
    .addColumn('id', 'text', (c) => c.primaryKey().references('campaign_tasks.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('task_name', 'text', (c) => c.notNull())
    .addColumn('biz_type', 'text', (c) => c.notNull())
    .addColumn('template_code', 'text', (c) => c.notNull())
    .addColumn('template_name', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('data_type', 'text', (c) => c.notNull())
    .addColumn('callee_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // ListCallTask pages an account's tasks newest first.
  await db.schema.createIndex('call_tasks_account_created').on('call_tasks').columns(['account_id', 'created_at']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('call_tasks').execute();
}
