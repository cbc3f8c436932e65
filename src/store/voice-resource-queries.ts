/** Queries for an account's voice resources: TTS templates, caller numbers, receipt push URLs; all scoped by account. */
import type { Kysely, Selectable } from 'kysely';
import type { CallerNumberRecord } from '../core/media/caller-number.js';
import type { ReceiptConfigRecord, ReceiptSettingType } from '../core/media/receipt-config.js';
import type { TtsTemplateRecord, TtsTemplateType } from '../core/media/tts-template.js';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import type { TtsTemplateFilter } from '../ports/voice-resource-store.js';
import { nameContains, pageBounds } from './paging.js';
import { guardUnique } from './unique-guards.js';
import { countRows } from './paging.js';
import type { Database } from './schema.js';
import type { TtsTemplatesTable } from './schema-voice.js';

/** The template a row holds; Number() because a driver may return bigint columns in another numeric form. */
function toTemplate(row: Selectable<TtsTemplatesTable>): TtsTemplateRecord {
  return {
    accountId: row.account_id,
    code: row.code,
    name: row.name,
    type: row.type as TtsTemplateType,
    content: row.content,
    publicMode: Number(row.public_mode) === 1,
    status: row.status as TtsTemplateRecord['status'],
    createdAt: Number(row.created_at),
  };
}

/** Adds a template; AlreadyExists (TtsCode) when the account has that code. */
export async function insertTtsTemplate(db: Kysely<Database>, t: TtsTemplateRecord): Promise<void> {
  const guard = { index: 'tts_templates_pk', table: 'tts_templates', columns: ['account_id', 'code'], param: 'TtsCode', message: `a template with code ${t.code} already exists` };
  await guardUnique([guard], () =>
    db
      .insertInto('tts_templates')
      .values({
        account_id: t.accountId, code: t.code, name: t.name, type: t.type, content: t.content,
        public_mode: t.publicMode ? 1 : 0, status: t.status, created_at: t.createdAt,
      })
      .execute(),
  );
}

/** One template of the account. */
export async function getTtsTemplate(db: Kysely<Database>, accountId: string, code: string): Promise<TtsTemplateRecord | undefined> {
  const row = await db.selectFrom('tts_templates').selectAll().where('account_id', '=', accountId).where('code', '=', code).executeTakeFirst();
  return row && toTemplate(row);
}

/** Deletes a template of the account. */
export async function deleteTtsTemplate(db: Kysely<Database>, accountId: string, code: string): Promise<boolean> {
  const result = await db.deleteFrom('tts_templates').where('account_id', '=', accountId).where('code', '=', code).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The account's templates matching the filter, newest first. */
export async function pageTtsTemplates(db: Kysely<Database>, accountId: string, filter: TtsTemplateFilter, page: PageRequest): Promise<Page<TtsTemplateRecord>> {
  let query = db.selectFrom('tts_templates').where('account_id', '=', accountId);
  if (filter.name) query = query.where(nameContains(filter.name));
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('code', 'desc').limit(limit).offset(offset).execute();
  return { total, items: rows.map(toTemplate) };
}

/** Adds a caller number; false when the account has it already (one statement, so concurrent adds cannot both win). */
export async function insertCallerNumber(db: Kysely<Database>, r: CallerNumberRecord): Promise<boolean> {
  const inserted = await db
    .insertInto('caller_numbers')
    .values({ account_id: r.accountId, number: r.number, created_at: r.createdAt })
    .onConflict((oc) => oc.columns(['account_id', 'number']).doNothing())
    .returning('number')
    .execute();
  return inserted.length > 0;
}

/** True when the account has the number. */
export async function hasCallerNumber(db: Kysely<Database>, accountId: string, number: string): Promise<boolean> {
  const row = await db.selectFrom('caller_numbers').select('number').where('account_id', '=', accountId).where('number', '=', number).executeTakeFirst();
  return row !== undefined;
}

/** Removes a caller number of the account. */
export async function deleteCallerNumber(db: Kysely<Database>, accountId: string, number: string): Promise<boolean> {
  const result = await db.deleteFrom('caller_numbers').where('account_id', '=', accountId).where('number', '=', number).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The account's caller numbers, newest first. */
export async function pageCallerNumbers(db: Kysely<Database>, accountId: string, page: PageRequest): Promise<Page<CallerNumberRecord>> {
  const query = db.selectFrom('caller_numbers').where('account_id', '=', accountId);
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('number', 'desc').limit(limit).offset(offset).execute();
  return { total, items: rows.map((row) => ({ accountId: row.account_id, number: row.number, createdAt: Number(row.created_at) })) };
}

/** Sets or replaces the URL of a message type in one statement, so concurrent setters cannot collide on the key. */
export async function putReceiptConfig(db: Kysely<Database>, r: ReceiptConfigRecord): Promise<void> {
  await db
    .insertInto('receipt_configs')
    .values({ account_id: r.accountId, message_type: r.messageType, url: r.url, updated_at: r.updatedAt })
    .onConflict((oc) => oc.columns(['account_id', 'message_type']).doUpdateSet((eb) => ({ url: eb.ref('excluded.url'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

/** Removes the URL of a message type. */
export async function deleteReceiptConfig(db: Kysely<Database>, accountId: string, messageType: ReceiptSettingType): Promise<boolean> {
  const result = await db.deleteFrom('receipt_configs').where('account_id', '=', accountId).where('message_type', '=', messageType).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every URL the account set. */
export async function listReceiptConfigs(db: Kysely<Database>, accountId: string): Promise<ReceiptConfigRecord[]> {
  const rows = await db.selectFrom('receipt_configs').selectAll().where('account_id', '=', accountId).execute();
  return rows.map((row) => ({ accountId: row.account_id, messageType: row.message_type as ReceiptSettingType, url: row.url, updatedAt: Number(row.updated_at) }));
}
