/** dyvms robot tasks: the doc's fields of each robot task, next to the campaign task it runs as. */
import { sql, type Kysely } from 'kysely';

/** Creates robot_tasks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('robot_tasks')
    .addColumn('task_id', 'text', (c) => c.primaryKey().references('campaign_tasks.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('task_name', 'text', (c) => c.notNull())
    .addColumn('dialog_id', 'text', (c) => c.notNull())
    .addColumn('robot_name', 'text', (c) => c.notNull())
    .addColumn('corp_name', 'text', (c) => c.notNull())
    .addColumn('caller', 'text', (c) => c.notNull())
    .addColumn('number_status_ident', 'integer', (c) => c.notNull())
    .addColumn('retry_type', 'integer', (c) => c.notNull())
    .addColumn('recall_state_codes', 'text', (c) => c.notNull())
    .addColumn('recall_times', 'integer', (c) => c.notNull())
    .addColumn('recall_interval', 'integer', (c) => c.notNull())
    .addColumn('is_self_line', 'integer', (c) => c.notNull())
    .addColumn('schedule_type', 'text', (c) => c.notNull())
    .addColumn('number_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .execute();
  // QueryRobotTaskList pages the account's live tasks newest first.
  await db.schema
    .createIndex('robot_tasks_account_created')
    .on('robot_tasks')
    .columns(['account_id', 'created_at'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('robot_tasks').execute();
}
