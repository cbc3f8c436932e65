/** Tenants, their AccessKey pairs and the replay-protection nonces that authentication needs. */
import { SqliteAdapter, sql, type Kysely } from 'kysely';

/** Creates accounts, access_keys and request_nonces. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('access_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('Active', 'Inactive')`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .execute();
  await db.schema.createIndex('access_keys_account_id').on('access_keys').column('account_id').execute();
  // SQLite keeps nonces in their own attached file, created when the connection opens (sqlite-nonce-file.ts).
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await db.schema
    .createTable('request_nonces')
    .addColumn('access_key_id', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_nonces_pk', ['access_key_id', 'nonce'])
    .execute();
  await db.schema.createIndex('request_nonces_expires_at').on('request_nonces').column('expires_at').execute();
}

/** Drops what `up` created, children first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) await db.schema.dropTable('request_nonces').execute();
  await db.schema.dropTable('access_keys').execute();
  await db.schema.dropTable('accounts').execute();
}
