/**
 * What was said on answered calls and what was made of it (one row per call id, written with the call's outcome),
 * and single calls (LlmSmartCall and, later, dyvms' single-call actions): calls placed one at a time outside any
 * campaign, so they have no task, detail or attempt to hang their state on.
 */
import type { Kysely } from 'kysely';

/** Creates call_dialogs and single_calls. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_dialogs')
    .addColumn('call_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    // Where the call came from: a campaign attempt (task, detail, attempt) or a single call (all null).
    .addColumn('task_id', 'text')
    .addColumn('detail_id', 'text')
    .addColumn('attempt_id', 'text')
    .addColumn('turns', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('major_intent', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('turn_count', 'integer', (c) => c.notNull())
    .addColumn('analyzed_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('tags_updated_at', 'bigint')
    .execute();
  await db.schema
    .createTable('single_calls')
    .addColumn('call_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    // The action that placed it (LlmSmartCall, ...) and what its flow runs from (an application code, ...).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('flow_ref', 'text')
    .addColumn('caller', 'text', (c) => c.notNull())
    .addColumn('callee', 'text', (c) => c.notNull())
    .addColumn('out_id', 'text')
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('call_result', 'text')
    .addColumn('status_code', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('ring_at', 'bigint')
    .addColumn('answer_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('duration_s', 'integer')
    .addColumn('hangup_direction', 'text')
    .addColumn('failed_reason', 'text')
    .execute();
  await db.schema.createIndex('single_calls_account_created').on('single_calls').columns(['account_id', 'created_at']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('single_calls').execute();
  await db.schema.dropTable('call_dialogs').execute();
}
