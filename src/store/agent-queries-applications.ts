/** Queries for LLM applications, keyed by (account, code); names unique per account. */
import type { Kysely, Selectable } from 'kysely';
import type { LlmApplicationRecord } from '../core/agents/llm-application.js';
import type { NameFilter } from '../ports/agent-store.js';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import { nameContains, pageBounds } from './paging.js';
import { guardUnique, type UniqueGuard } from './unique-guards.js';
import { countRows } from './paging.js';
import type { Database, LlmApplicationsTable } from './schema.js';

const nameGuard = (name: string): UniqueGuard => ({
  index: 'llm_applications_account_name',
  table: 'llm_applications',
  columns: ['account_id', 'name'],
  param: 'Name',
  message: `an application named "${name}" already exists`,
});

const codeGuard = (code: string): UniqueGuard => ({
  index: 'llm_applications_pk',
  table: 'llm_applications',
  columns: ['account_id', 'code'],
  param: 'ApplicationCode',
  message: `an application with code ${code} already exists`,
});

/** The row's columns for an application, without its key. */
function columns(app: LlmApplicationRecord) {
  return {
    name: app.name,
    description: app.description,
    prompt: app.prompt,
    start_word: app.startWord,
    tts_voice_code: app.ttsVoiceCode,
    tts_speed: app.ttsSpeed,
    tts_volume: app.ttsVolume,
    revision: app.revision,
    created_at: app.createdAt,
    updated_at: app.updatedAt,
  };
}

/** The application a row holds. */
function toApplication(row: Selectable<LlmApplicationsTable>): LlmApplicationRecord {
  return {
    code: row.code,
    accountId: row.account_id,
    name: row.name,
    description: row.description,
    prompt: row.prompt,
    startWord: row.start_word,
    ttsVoiceCode: row.tts_voice_code,
    ttsSpeed: Number(row.tts_speed),
    ttsVolume: Number(row.tts_volume),
    revision: Number(row.revision),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Adds an application; AlreadyExists on a taken name or code. */
export async function insertLlmApplication(db: Kysely<Database>, app: LlmApplicationRecord): Promise<void> {
  await guardUnique([nameGuard(app.name), codeGuard(app.code)], () =>
    db.insertInto('llm_applications').values({ account_id: app.accountId, code: app.code, ...columns(app) }).execute(),
  );
}

/** One application of the account. */
export async function getLlmApplication(db: Kysely<Database>, accountId: string, code: string): Promise<LlmApplicationRecord | undefined> {
  const row = await db.selectFrom('llm_applications').selectAll().where('account_id', '=', accountId).where('code', '=', code).executeTakeFirst();
  return row && toApplication(row);
}

/** Writes the application if its stored revision is still `expectedRevision`. */
export async function replaceLlmApplication(db: Kysely<Database>, app: LlmApplicationRecord, expectedRevision: number): Promise<boolean> {
  const result = await guardUnique([nameGuard(app.name)], () =>
    db
      .updateTable('llm_applications')
      .set(columns(app))
      .where('account_id', '=', app.accountId)
      .where('code', '=', app.code)
      .where('revision', '=', expectedRevision)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes an application of the account. */
export async function deleteLlmApplication(db: Kysely<Database>, accountId: string, code: string): Promise<boolean> {
  const result = await db.deleteFrom('llm_applications').where('account_id', '=', accountId).where('code', '=', code).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The account's applications matching the filter, newest first. */
export async function pageLlmApplications(db: Kysely<Database>, accountId: string, filter: NameFilter, page: PageRequest): Promise<Page<LlmApplicationRecord>> {
  let query = db.selectFrom('llm_applications').where('account_id', '=', accountId);
  if (filter.name) query = query.where(nameContains(filter.name));
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('code', 'desc').limit(limit).offset(offset).execute();
  return { total, items: rows.map(toApplication) };
}
