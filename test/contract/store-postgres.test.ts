/**
 * The Store contract on a real PostgreSQL. Each store gets its own freshly created schema (via search_path),
 * so runs never see each other's rows, even when several run at once against one server.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../../src/ports/store.js';
import { openStore } from '../../src/store/open-store.js';
import { sharedDatabaseContract } from './shared-database-contract.js';
import { storeContract } from './store-contract.js';

const baseUrl = process.env.WAIHU_TEST_DATABASE_URL;
const HOW_TO_RUN = 'start one with: export "$(bash scripts/pg-test-server.sh)"  (or eval "$(bash scripts/pg-test-server.sh)" and export WAIHU_TEST_DATABASE_URL)';

if (!baseUrl) {
  if (process.env.CI) {
    test('Store contract: PostgreSQL', () => {
      throw new Error(`WAIHU_TEST_DATABASE_URL is required in CI; ${HOW_TO_RUN}`);
    });
  } else {
    test('Store contract: PostgreSQL', { skip: `WAIHU_TEST_DATABASE_URL is not set; ${HOW_TO_RUN}` }, () => {});
  }
} else {
  registerPostgresSuites(baseUrl);
}

function registerPostgresSuites(url: string): void {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const schemas: string[] = [];
  const runId = `${process.pid}_${randomBytes(4).toString('hex')}`;

  /** Creates an empty schema and returns a URL whose connections use it as their search_path. */
  async function freshSchemaUrl(): Promise<string> {
    const schema = `waihu_contract_${runId}_${schemas.length + 1}`;
    await admin.query(`create schema ${pg.escapeIdentifier(schema)}`);
    schemas.push(schema);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    return scoped.toString();
  }

  after(async () => {
    for (const schema of schemas) await admin.query(`drop schema ${pg.escapeIdentifier(schema)} cascade`);
    await admin.end();
  });

  storeContract('PostgreSQL', async () => openStore({ databaseUrl: await freshSchemaUrl(), sqliteFile: ':memory:' }));

  // Two stores mean two separate pools, as two processes would have.
  sharedDatabaseContract('PostgreSQL', async (): Promise<[Store, Store]> => {
    const scoped = await freshSchemaUrl();
    return [await openStore({ databaseUrl: scoped, sqliteFile: ':memory:' }), await openStore({ databaseUrl: scoped, sqliteFile: ':memory:' })];
  });

  describe('openStore on PostgreSQL', () => {
    test('reports its engine and stores epoch milliseconds as numbers', async () => {
      const store = await openStore({ databaseUrl: await freshSchemaUrl(), sqliteFile: ':memory:' });
      try {
        assert.equal(store.engine, 'postgres');
        await store.migrate();
        await store.insertAccount({ id: 'acc-big', name: 'big', createdAt: 4_102_444_800_000 });
        assert.deepEqual(await store.getAccount('acc-big'), { id: 'acc-big', name: 'big', createdAt: 4_102_444_800_000 });
        assert.equal(typeof (await store.countAccounts()), 'number');
      } finally {
        await store.close();
      }
    });

    test('other pools in the process keep the default int8 parsing', async () => {
      const { rows } = await admin.query<{ n: unknown }>('select 42::int8 as n');
      assert.equal(rows[0]?.n, '42');
    });
  });
}
