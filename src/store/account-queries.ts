/** Queries for tenants; plain functions over Kysely so both engines share one implementation. */
import type { Kysely, Selectable } from 'kysely';
import type { AccountRecord } from '../ports/store.js';
import type { AccountsTable, Database } from './schema.js';

function toAccount(row: Selectable<AccountsTable>): AccountRecord {
  // Number() because a driver may hand back bigint columns in another numeric form.
  return { id: row.id, name: row.name, createdAt: Number(row.created_at), operator: Number(row.operator) === 1 };
}

/** Adds a tenant; rejects when the id is taken. */
export async function insertAccount(db: Kysely<Database>, account: AccountRecord): Promise<void> {
  await db
    .insertInto('accounts')
    .values({ id: account.id, name: account.name, created_at: account.createdAt, operator: account.operator ? 1 : 0 })
    .execute();
}

/** One tenant by id. */
export async function getAccount(db: Kysely<Database>, id: string): Promise<AccountRecord | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAccount(row);
}

/** All tenants, oldest first (id breaks ties so the order is stable). */
export async function listAccounts(db: Kysely<Database>): Promise<AccountRecord[]> {
  const rows = await db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toAccount);
}

/** Sets the operator flag; false when there is no such account. */
export async function setAccountOperator(db: Kysely<Database>, id: string, operator: boolean): Promise<boolean> {
  const result = await db.updateTable('accounts').set({ operator: operator ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How many tenants exist. */
export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
