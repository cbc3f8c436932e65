/** The account's number directory (digests to sealed plain numbers) and do-not-call list. */
import type { Kysely } from 'kysely';
import type { HashType } from '../core/numbers/encryption-type.js';
import type { DirectoryEntry, Page, PageRequest } from '../ports/campaign-store.js';
import { chunks, rowsPerInsert } from './engine-sql.js';
import { countRows, pageOffset } from './paging.js';
import type { Database } from './schema.js';

const HASH_COLUMN = { 1: 'md5', 2: 'sha256', 3: 'sm3' } as const;

/** Adds entries, leaving numbers already present (same SHA256) untouched; returns how many were new. */
export async function upsertDirectoryEntries(db: Kysely<Database>, accountId: string, entries: readonly DirectoryEntry[], at: number): Promise<number> {
  if (entries.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const chunk of chunks(entries, rowsPerInsert(6))) {
      const rows = chunk.map((e) => ({ account_id: accountId, sha256: e.sha256, md5: e.md5, sm3: e.sm3, number_ciphertext: e.numberCiphertext, created_at: at }));
      const inserted = await trx
        .insertInto('number_directory')
        .values(rows)
        .onConflict((oc) => oc.columns(['account_id', 'sha256']).doNothing())
        .returning('sha256')
        .execute();
      added += inserted.length;
    }
    return added;
  });
}

/** The sealed plain number whose digest of that type is `hash`. */
export async function findDirectoryEntry(db: Kysely<Database>, accountId: string, hashType: HashType, hash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('number_directory')
    .select('number_ciphertext')
    .where('account_id', '=', accountId)
    .where(HASH_COLUMN[hashType], '=', hash)
    .limit(1)
    .executeTakeFirst();
  return row?.number_ciphertext;
}

/** Removes entries by SHA256. */
export async function deleteDirectoryEntries(db: Kysely<Database>, accountId: string, sha256s: readonly string[]): Promise<number> {
  if (sha256s.length === 0) return 0;
  const result = await db.deleteFrom('number_directory').where('account_id', '=', accountId).where('sha256', 'in', [...sha256s]).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** How many numbers the account's directory holds. */
export async function countDirectoryEntries(db: Kysely<Database>, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('number_directory')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds numbers to the do-not-call list; returns how many were new. */
export async function addDoNotCall(db: Kysely<Database>, accountId: string, numbers: readonly string[], at: number): Promise<number> {
  const unique = [...new Set(numbers)];
  if (unique.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const chunk of chunks(unique, rowsPerInsert(3))) {
      const inserted = await trx
        .insertInto('do_not_call')
        .values(chunk.map((number) => ({ account_id: accountId, number, created_at: at })))
        .onConflict((oc) => oc.columns(['account_id', 'number']).doNothing())
        .returning('number')
        .execute();
      added += inserted.length;
    }
    return added;
  });
}

/** Removes numbers from the do-not-call list. */
export async function removeDoNotCall(db: Kysely<Database>, accountId: string, numbers: readonly string[]): Promise<number> {
  if (numbers.length === 0) return 0;
  const result = await db.deleteFrom('do_not_call').where('account_id', '=', accountId).where('number', 'in', [...numbers]).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Which of `numbers` the account must not call. */
export async function findDoNotCall(db: Kysely<Database>, accountId: string, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db.selectFrom('do_not_call').select('number').where('account_id', '=', accountId).where('number', 'in', [...numbers]).execute();
  return new Set(rows.map((r) => r.number));
}

/** The do-not-call list, newest first. */
export async function listDoNotCall(db: Kysely<Database>, accountId: string, page: PageRequest): Promise<Page<{ number: string; createdAt: number }>> {
  const query = db.selectFrom('do_not_call').where('account_id', '=', accountId);
  const total = await countRows(query);
  const rows = await query
    .select(['number', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('number')
    .limit(page.pageSize)
    .offset(pageOffset(page))
    .execute();
  return { total, items: rows.map((r) => ({ number: r.number, createdAt: Number(r.created_at) })) };
}
