/**
 * Indexes for the console's Overview (waihu GetCallStatistics): the calls an account ended in the last minutes, read
 * by (account_id, ended_at) from both tables a call ends in. Without them every refresh would scan the account's
 * whole call history.
 */
import type { Kysely } from 'kysely';

/** Creates the two (account_id, ended_at) indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('call_attempts_account_ended').on('call_attempts').columns(['account_id', 'ended_at']).execute();
  await db.schema.createIndex('single_calls_account_ended').on('single_calls').columns(['account_id', 'ended_at']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('single_calls_account_ended').execute();
  await db.schema.dropIndex('call_attempts_account_ended').execute();
}
