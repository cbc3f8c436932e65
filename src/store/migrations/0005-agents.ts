/**
 * AI voice agents, LLM applications and robots. Their configurations are JSON text: they are read and written
 * whole, never queried by field, and the same text works on both engines.
 */
import type { Kysely } from 'kysely';

/** Creates ai_voice_agents, llm_applications and robots. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_voice_agents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('application_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // {model, call}: the draft being edited, and the version last published (null before the first publish).
    .addColumn('draft', 'text', (c) => c.notNull())
    .addColumn('online', 'text')
    .addColumn('online_version', 'integer', (c) => c.notNull())
    .addColumn('last_online_at', 'bigint')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ai_voice_agents_account_name').unique().on('ai_voice_agents').columns(['account_id', 'name']).execute();
  await db.schema.createIndex('ai_voice_agents_account_created').on('ai_voice_agents').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('ai_voice_agents_account_application').on('ai_voice_agents').columns(['account_id', 'application_code']).execute();

  await db.schema
    .createTable('llm_applications')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // Codes are random and only ever looked up within an account, so the account is part of the key.
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('start_word', 'text', (c) => c.notNull())
    .addColumn('tts_voice_code', 'text', (c) => c.notNull())
    .addColumn('tts_speed', 'integer', (c) => c.notNull())
    .addColumn('tts_volume', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('llm_applications_pk', ['account_id', 'code'])
    .execute();
  await db.schema.createIndex('llm_applications_account_name').unique().on('llm_applications').columns(['account_id', 'name']).execute();
  await db.schema.createIndex('llm_applications_account_created').on('llm_applications').columns(['account_id', 'created_at']).execute();

  await db.schema
    .createTable('robots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('script', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('robots_account_name').unique().on('robots').columns(['account_id', 'name']).execute();
  await db.schema.createIndex('robots_account_created').on('robots').columns(['account_id', 'created_at']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('robots').execute();
  await db.schema.dropTable('llm_applications').execute();
  await db.schema.dropTable('ai_voice_agents').execute();
}
