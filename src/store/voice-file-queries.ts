/** Queries for an account's voice files (metadata; the audio is in the blob store); all scoped by account. */
import type { Kysely, Selectable } from 'kysely';
import type { VoiceFileSourceFormat } from '../core/media/voice-file-audio.js';
import type { VoiceFileRecord } from '../core/media/voice-file.js';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import type { VoiceFileFilter } from '../ports/voice-file-store.js';
import { countRows, nameContains, pageBounds } from './paging.js';
import type { Database } from './schema.js';
import type { VoiceFilesTable } from './schema-voice-files.js';
import { guardUnique } from './unique-guards.js';

/** The file a row holds; Number() because a driver may return bigint columns in another numeric form. */
function toVoiceFile(row: Selectable<VoiceFilesTable>): VoiceFileRecord {
  return {
    accountId: row.account_id,
    code: row.code,
    name: row.name,
    fileName: row.file_name,
    publicMode: Number(row.public_mode) === 1,
    sourceFormat: row.source_format as VoiceFileSourceFormat,
    durationMs: Number(row.duration_ms),
    sampleRate: Number(row.sample_rate),
    sizeBytes: Number(row.size_bytes),
    blobKey: row.blob_key,
    createdAt: Number(row.created_at),
  };
}

/** Adds a voice file; AlreadyExists (VoiceCode) when the account has that code. */
export async function insertVoiceFile(db: Kysely<Database>, f: VoiceFileRecord): Promise<void> {
  const guard = { index: 'voice_files_pk', table: 'voice_files', columns: ['account_id', 'code'], param: 'VoiceCode', message: `a voice file with code ${f.code} already exists` };
  await guardUnique([guard], () =>
    db
      .insertInto('voice_files')
      .values({
        account_id: f.accountId, code: f.code, name: f.name, file_name: f.fileName, public_mode: f.publicMode ? 1 : 0,
        source_format: f.sourceFormat, duration_ms: f.durationMs, sample_rate: f.sampleRate, size_bytes: f.sizeBytes,
        blob_key: f.blobKey, created_at: f.createdAt,
      })
      .execute(),
  );
}

/** One voice file of the account. */
export async function getVoiceFile(db: Kysely<Database>, accountId: string, code: string): Promise<VoiceFileRecord | undefined> {
  const row = await db.selectFrom('voice_files').selectAll().where('account_id', '=', accountId).where('code', '=', code).executeTakeFirst();
  return row && toVoiceFile(row);
}

/** Deletes a voice file of the account in one statement; what the row held. */
export async function deleteVoiceFile(db: Kysely<Database>, accountId: string, code: string): Promise<VoiceFileRecord | undefined> {
  const row = await db.deleteFrom('voice_files').where('account_id', '=', accountId).where('code', '=', code).returningAll().executeTakeFirst();
  return row && toVoiceFile(row);
}

/** The account's voice files matching the filter, newest first. */
export async function pageVoiceFiles(db: Kysely<Database>, accountId: string, filter: VoiceFileFilter, page: PageRequest): Promise<Page<VoiceFileRecord>> {
  let query = db.selectFrom('voice_files').where('account_id', '=', accountId);
  if (filter.name) query = query.where(nameContains(filter.name));
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('code', 'desc').limit(limit).offset(offset).execute();
  return { total, items: rows.map(toVoiceFile) };
}
