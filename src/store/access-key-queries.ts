/** Queries for AccessKey pairs; every change is scoped to the owning account so one tenant cannot touch another's keys. */
import type { Kysely, Selectable } from 'kysely';
import type { AccessKeyRecord, AccessKeyStatus } from '../ports/store.js';
import type { AccessKeysTable, Database } from './schema.js';

function toAccessKey(row: Selectable<AccessKeysTable>): AccessKeyRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    secretCiphertext: row.secret_ciphertext,
    status: row.status,
    description: row.description,
    createdAt: Number(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
  };
}

/** Adds a key; rejects when the id is taken or the account does not exist (foreign key). */
export async function insertAccessKey(db: Kysely<Database>, key: AccessKeyRecord): Promise<void> {
  await db
    .insertInto('access_keys')
    .values({
      id: key.id,
      account_id: key.accountId,
      secret_ciphertext: key.secretCiphertext,
      status: key.status,
      description: key.description,
      created_at: key.createdAt,
      last_used_at: key.lastUsedAt,
    })
    .execute();
}

/** One key by id, whatever its account; authentication starts from the id alone. */
export async function getAccessKey(db: Kysely<Database>, id: string): Promise<AccessKeyRecord | undefined> {
  const row = await db.selectFrom('access_keys').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAccessKey(row);
}

/** Keys of one account, oldest first (id breaks ties so the order is stable). */
export async function listAccessKeys(db: Kysely<Database>, accountId: string): Promise<AccessKeyRecord[]> {
  const rows = await db
    .selectFrom('access_keys')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAccessKey);
}

/** Sets the status of a key of that account; false when the account has no such key. */
export async function setAccessKeyStatus(
  db: Kysely<Database>,
  accountId: string,
  id: string,
  status: AccessKeyStatus,
): Promise<boolean> {
  const result = await db
    .updateTable('access_keys')
    .set({ status })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a key of that account; false when the account has no such key. */
export async function deleteAccessKey(db: Kysely<Database>, accountId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('access_keys')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
