/** Queries for console users and their sessions; plain functions over Kysely so both engines share one implementation. */
import type { Kysely, Selectable } from 'kysely';
import type { ConsoleSessionRecord, ConsoleUserRecord } from '../ports/console-user-store.js';
import type { ConsoleSessionsTable, ConsoleUsersTable } from './schema-console.js';
import type { Database } from './schema.js';

function toUser(row: Selectable<ConsoleUsersTable>): ConsoleUserRecord {
  // Number() because PostgreSQL's driver may hand bigint columns back in another numeric form.
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    passwordHash: row.password_hash,
    createdAt: Number(row.created_at),
    disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
  };
}

function toSession(row: Selectable<ConsoleSessionsTable>): ConsoleSessionRecord {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    accountId: row.account_id,
    csrfToken: row.csrf_token,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
  };
}

/** Adds a user; rejects when the id or the name is taken (unique constraint). */
export async function insertConsoleUser(db: Kysely<Database>, user: ConsoleUserRecord): Promise<void> {
  await db
    .insertInto('console_users')
    .values({
      id: user.id,
      account_id: user.accountId,
      name: user.name,
      password_hash: user.passwordHash,
      created_at: user.createdAt,
      disabled_at: user.disabledAt,
    })
    .execute();
}

/** One user by id. */
export async function getConsoleUser(db: Kysely<Database>, id: string): Promise<ConsoleUserRecord | undefined> {
  const row = await db.selectFrom('console_users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** One user by sign-in name, whatever the account. */
export async function getConsoleUserByName(db: Kysely<Database>, name: string): Promise<ConsoleUserRecord | undefined> {
  const row = await db.selectFrom('console_users').selectAll().where('name', '=', name).executeTakeFirst();
  return row && toUser(row);
}

/** Users oldest first (id breaks ties), of one account or of all. */
export async function listConsoleUsers(db: Kysely<Database>, accountId?: string): Promise<ConsoleUserRecord[]> {
  let query = db.selectFrom('console_users').selectAll();
  if (accountId !== undefined) query = query.where('account_id', '=', accountId);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map(toUser);
}

/** Disables (a time) or enables (null) a user; false when there is none. */
export async function setConsoleUserDisabled(db: Kysely<Database>, id: string, disabledAt: number | null): Promise<boolean> {
  const result = await db.updateTable('console_users').set({ disabled_at: disabledAt }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends every session of one user; returns how many. */
export async function deleteConsoleSessionsOfUser(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('console_sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes a user and, first, its sessions (SQLite may run without foreign-key cascades); false when there was none. */
export async function deleteConsoleUser(db: Kysely<Database>, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await deleteConsoleSessionsOfUser(trx, id);
    const result = await trx.deleteFrom('console_users').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

/** Start of each user's newest stored session, for one account's users. */
export async function latestConsoleSignIns(db: Kysely<Database>, accountId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('console_sessions')
    .select(['user_id', (eb) => eb.fn.max('created_at').as('latest')])
    .where('account_id', '=', accountId)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((row) => [row.user_id, Number(row.latest)]));
}

/** Adds a session. */
export async function insertConsoleSession(db: Kysely<Database>, session: ConsoleSessionRecord): Promise<void> {
  await db
    .insertInto('console_sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      account_id: session.accountId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** One session by the hash of its token. */
export async function getConsoleSession(db: Kysely<Database>, tokenHash: string): Promise<ConsoleSessionRecord | undefined> {
  const row = await db.selectFrom('console_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && toSession(row);
}

/** Signs a session out; false when there was none. */
export async function deleteConsoleSession(db: Kysely<Database>, tokenHash: string): Promise<boolean> {
  const result = await db.deleteFrom('console_sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Drops sessions whose expiry has passed; returns how many. */
export async function purgeExpiredConsoleSessions(db: Kysely<Database>, now: number): Promise<number> {
  const result = await db.deleteFrom('console_sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
