/** Schema of the receipt outbox, its deliveries and the pull queue. */
import type { Kysely } from 'kysely';

/** Creates receipt_outbox and receipt_secrets. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('receipt_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('message_type', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('round_attempts', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('last_http_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // The dispatcher's and the pull's scan: pending messages of a mode, oldest due first.
  await db.schema.createIndex('receipt_outbox_due').on('receipt_outbox').columns(['status', 'mode', 'due_at']).execute();
  // Order per call: is an earlier message of the same call and type still pending?
  await db.schema.createIndex('receipt_outbox_call').on('receipt_outbox').columns(['call_id', 'message_type', 'seq']).execute();
  // Deleting by receipt handle and settling a dispatcher's leases.
  await db.schema.createIndex('receipt_outbox_lease').on('receipt_outbox').columns(['lease_owner']).execute();
  // The delivery log, newest first per account.
  await db.schema.createIndex('receipt_outbox_account').on('receipt_outbox').columns(['account_id', 'created_at']).execute();
  await db.schema
    .createTable('receipt_secrets')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('receipt_secrets').execute();
  await db.schema.dropTable('receipt_outbox').execute();
}
