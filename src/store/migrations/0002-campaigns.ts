/**
 * The campaign engine: tasks, import batches, recipients (details), call attempts, and the account's number lists
 * (directory of hashed numbers, do-not-call, callee call log). Indexes serve the dialer's claims and lease recovery
 * and the filters of QueryAiCallDetailPage / QueryAiCallTaskPage.
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

/** The columns of a task's settings (CreateAiCallTask / UpdateAiCallTask and waihu's extensions). */
function withSettingsColumns(table: CreateTableBuilder<'campaign_tasks'>): CreateTableBuilder<'campaign_tasks'> {
  return table
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('virtual_number', 'text')
    .addColumn('caller_numbers', 'text', (c) => c.notNull())
    .addColumn('start_type', 'text', (c) => c.notNull().check(sql`start_type in ('IMMEDIATE', 'SCHEDULE')`))
    .addColumn('task_start_time', 'bigint')
    .addColumn('call_time_raw', 'text', (c) => c.notNull())
    .addColumn('call_windows', 'text', (c) => c.notNull())
    .addColumn('call_days', 'text', (c) => c.notNull())
    .addColumn('task_cps', 'integer', (c) => c.notNull())
    .addColumn('concurrency', 'integer')
    .addColumn('retry_enabled', 'integer', (c) => c.notNull())
    .addColumn('retry_reasons', 'text', (c) => c.notNull())
    .addColumn('retry_times', 'integer', (c) => c.notNull())
    .addColumn('retry_interval_min', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('application_code', 'text')
    .addColumn('application_name', 'text')
    .addColumn('source', 'bigint')
    .addColumn('phone_type', 'bigint')
    .addColumn('line_encoding', 'text')
    .addColumn('line_phone_num', 'text');
}

async function createTasks(db: Kysely<unknown>): Promise<void> {
  const table = db.schema
    .createTable('campaign_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'));
  await withSettingsColumns(table)
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('INIT', 'RUNNING', 'STOPPED', 'FAILED', 'COMPLETED', 'CANCELLED')`),
    )
    .addColumn('start_failed_reason', 'text')
    .addColumn('scheduled_start_at', 'bigint')
    .addColumn('real_start_time', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The name is unique per account in the database too, so two concurrent creates cannot both succeed.
  await db.schema.createIndex('campaign_tasks_account_name').on('campaign_tasks').columns(['account_id', 'name']).unique().execute();
  await db.schema.createIndex('campaign_tasks_account_created').on('campaign_tasks').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('campaign_tasks_status').on('campaign_tasks').column('status').execute();
  await db.schema
    .createIndex('campaign_tasks_scheduled')
    .on('campaign_tasks')
    .column('scheduled_start_at')
    .where(sql.ref('scheduled_start_at'), 'is not', null)
    .execute();
}

async function createBatches(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaign_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('campaign_tasks.id'))
    .addColumn('encryption_type', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_batches_task').on('campaign_batches').column('task_id').execute();
}

async function createDetails(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaign_details')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull().references('campaign_tasks.id'))
    .addColumn('batch_id', 'text', (c) => c.references('campaign_batches.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('encryption_type', 'integer', (c) => c.notNull())
    .addColumn('out_id', 'text')
    .addColumn('variables', 'text', (c) => c.notNull())
    .addColumn('state', 'integer', (c) => c.notNull().check(sql`state between 0 and 5`))
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('calling_time', 'bigint')
    .addColumn('call_result', 'text')
    .addColumn('failed_reason', 'text')
    .addColumn('duration_s', 'integer')
    .addColumn('major_intent', 'text')
    .addColumn('turn_count', 'integer')
    .addColumn('ended_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await createDetailIndexes(db);
}

async function createDetailIndexes(db: Kysely<unknown>): Promise<void> {
  const index = (name: string) => db.schema.createIndex(name).on('campaign_details');
  // Paging newest first, all states or one Status group (QueryAiCallDetailPage requires Status).
  await index('campaign_details_task_created').columns(['task_id', 'created_at', 'id']).execute();
  await index('campaign_details_task_state').columns(['task_id', 'state', 'created_at', 'id']).execute();
  // The queue: only waiting rows are in it, so claims never walk past finished ones; id keeps rows due at the same
  // instant in import order. Queries must spell the predicate exactly `state in (1, 2)` for SQLite to use it.
  await index('campaign_details_due').columns(['task_id', 'due_at', 'id']).where(sql<boolean>`state in (1, 2)`).execute();
  await index('campaign_details_lease').column('lease_expires_at').where(sql<boolean>`state = 3`).execute();
  await index('campaign_details_batch').columns(['batch_id', 'state']).execute();
  await index('campaign_details_task_number').columns(['task_id', 'number']).execute();
  await index('campaign_details_task_out_id').columns(['task_id', 'out_id']).where(sql.ref('out_id'), 'is not', null).execute();
}

async function createAttempts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('detail_id', 'text', (c) => c.notNull().references('campaign_details.id'))
    .addColumn('attempt_number', 'integer', (c) => c.notNull())
    .addColumn('from_state', 'integer', (c) => c.notNull())
    .addColumn('lease_owner', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'bigint', (c) => c.notNull())
    .addColumn('caller_number', 'text')
    .addColumn('originated_at', 'bigint')
    .addColumn('ring_at', 'bigint')
    .addColumn('answer_at', 'bigint')
    .addColumn('release_at', 'bigint')
    .addColumn('duration_s', 'integer')
    .addColumn('call_result', 'text')
    .addColumn('status_code', 'text')
    .addColumn('failed_reason', 'text')
    .addColumn('hangup_direction', 'text')
    .addColumn('turn_count', 'integer')
    .addColumn('major_intent', 'text')
    .addColumn('interrupted_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema.createIndex('call_attempts_call_id').on('call_attempts').column('call_id').unique().execute();
  await db.schema.createIndex('call_attempts_detail_number').on('call_attempts').columns(['detail_id', 'attempt_number']).unique().execute();
  await db.schema.createIndex('call_attempts_task_claimed').on('call_attempts').columns(['task_id', 'claimed_at']).execute();
}

async function createNumberLists(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('number_directory')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('md5', 'text', (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('number_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_directory_pk', ['account_id', 'sha256'])
    .execute();
  await db.schema.createIndex('number_directory_md5').on('number_directory').columns(['account_id', 'md5']).execute();
  await db.schema.createIndex('number_directory_sm3').on('number_directory').columns(['account_id', 'sm3']).execute();
  await db.schema
    .createTable('do_not_call')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('do_not_call_pk', ['account_id', 'number'])
    .execute();
  await db.schema
    .createTable('callee_calls')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('callee_key', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('attempt_id', 'text')
    .execute();
  await db.schema.createIndex('callee_calls_callee').on('callee_calls').columns(['account_id', 'callee_key', 'started_at']).execute();
  await db.schema.createIndex('callee_calls_started').on('callee_calls').column('started_at').execute();
}

/** Creates the campaign tables and their indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTasks(db);
  await createBatches(db);
  await createDetails(db);
  await createAttempts(db);
  await createNumberLists(db);
}

/** Drops what `up` created, children first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['callee_calls', 'do_not_call', 'number_directory', 'call_attempts', 'campaign_details', 'campaign_batches', 'campaign_tasks']) {
    await db.schema.dropTable(table).execute();
  }
}
