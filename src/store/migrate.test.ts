/** Migration failures must name the migration and leave the database as it was. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { KyselyStore } from './kysely-store.js';
import { storeMigrations } from './migrations/store-migrations.js';
import type { Database } from './schema.js';
import { openSqliteFile, WaihuSqliteDialect } from './sqlite-database.js';

function storeWith(migrations: Record<string, Migration>): { store: KyselyStore; db: Kysely<Database> } {
  const db = new Kysely<Database>({ dialect: new WaihuSqliteDialect(openSqliteFile(':memory:')) });
  return { store: new KyselyStore(db, 'sqlite', migrations), db };
}

async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'kysely%'`.execute(db);
  return rows.map((r) => r.name).sort();
}

test('a failing migration is named in the error and rolls back the whole batch', async () => {
  const broken: Migration = {
    async up(db) {
      await db.schema.createTable('half_done').addColumn('id', 'text').execute();
      throw new Error('boom');
    },
  };
  const { store, db } = storeWith({ ...storeMigrations, '0002-broken': broken });
  try {
    await assert.rejects(store.migrate(), /migration 0002-broken failed: boom/);
    assert.deepEqual(await tableNames(db), []);
  } finally {
    await store.close();
  }
});

test('the real migrations create the accounts, campaign and simulator-model tables', async () => {
  const { store, db } = storeWith({ ...storeMigrations });
  try {
    await store.migrate();
    const campaignTables = ['call_attempts', 'callee_calls', 'campaign_batches', 'campaign_detail_tallies', 'campaign_details', 'campaign_tasks', 'do_not_call', 'number_directory'];
    assert.deepEqual(await tableNames(db), ['access_keys', 'accounts', 'sim_models', ...campaignTables].sort());
    // Nonces live in the attached nonce file on SQLite (sqlite-nonce-file.ts).
    const { rows } = await sql<{ name: string }>`select name from nonces.sqlite_master where type = 'table'`.execute(db);
    assert.deepEqual(rows.map((r) => r.name), ['request_nonces']);
  } finally {
    await store.close();
  }
});
