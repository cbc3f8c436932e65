/** Schema of voice files uploaded for SingleCallByVoice and call tasks (WAV/MP3 stored as 8 kHz mono). */
import type { Kysely } from 'kysely';

/** Creates voice_files. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('voice_files')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // Codes are random UUIDs, looked up only within an account, so the account leads the key like tts_templates.
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('public_mode', 'integer', (c) => c.notNull())
    .addColumn('source_format', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'bigint', (c) => c.notNull())
    .addColumn('sample_rate', 'integer', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('voice_files_pk', ['account_id', 'code'])
    .execute();
  await db.schema.createIndex('voice_files_account_created').on('voice_files').columns(['account_id', 'created_at']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('voice_files').execute();
}
