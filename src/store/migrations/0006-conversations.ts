/**
 * What was said on answered calls and what was made of it, kept on the call's own row — the attempt of a campaign
 * call, the single call of an LlmSmartCall — and written by the statement that writes the call's outcome: one row
 * write per call instead of two (docs/performance.md). And single calls: calls placed one at a time outside any
 * campaign, so they have no task, detail or attempt to hang their state on.
 */
import type { Kysely } from 'kysely';

/** Adds call_attempts.dialog and creates single_calls. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON text {turns, summary, tags, analyzedBy, tagsUpdatedAt?}; null until an answered call's outcome is written.
  await db.schema.alterTable('call_attempts').addColumn('dialog', 'text').execute();
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
    .addColumn('major_intent', 'text')
    .addColumn('turn_count', 'integer')
    .addColumn('dialog', 'text')
    .execute();
  await db.schema.createIndex('single_calls_account_created').on('single_calls').columns(['account_id', 'created_at']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('single_calls').execute();
  await db.schema.alterTable('call_attempts').dropColumn('dialog').execute();
}
