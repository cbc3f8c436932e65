/** An account's voice resources: TTS templates, caller numbers and receipt push URLs, each keyed within the account. */
import type { Kysely } from 'kysely';

/** Creates tts_templates, caller_numbers and receipt_configs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tts_templates')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // Codes are random and only looked up within an account, so the account is part of the key.
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('public_mode', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('tts_templates_pk', ['account_id', 'code'])
    .execute();
  await db.schema.createIndex('tts_templates_account_created').on('tts_templates').columns(['account_id', 'created_at']).execute();

  await db.schema
    .createTable('caller_numbers')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('caller_numbers_pk', ['account_id', 'number'])
    .execute();
  await db.schema.createIndex('caller_numbers_account_created').on('caller_numbers').columns(['account_id', 'created_at']).execute();

  await db.schema
    .createTable('receipt_configs')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('message_type', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('receipt_configs_pk', ['account_id', 'message_type'])
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('receipt_configs').execute();
  await db.schema.dropTable('caller_numbers').execute();
  await db.schema.dropTable('tts_templates').execute();
}
