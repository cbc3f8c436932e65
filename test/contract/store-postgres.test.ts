/**
 * The Store contract on a real PostgreSQL. Each store gets its own freshly created schema (via search_path),
 * so runs never see each other's rows, even when several run at once against one server.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/ports/store.js';
import { openStore } from '../../src/store/open-store.js';
import { sharedDatabaseContract } from './shared-database-contract.js';
import { storeContract } from './store-contract.js';
import { SchemaSource } from '../support/pg-schemas.js';

const baseUrl = process.env.WAIHU_TEST_DATABASE_URL;
const HOW_TO_RUN =
  'start one with: export "$(bash scripts/pg-test-server.sh)"  (or eval "$(bash scripts/pg-test-server.sh)" and export WAIHU_TEST_DATABASE_URL)';

function registerPostgresSuites(url: string): void {
  const schemas = new SchemaSource(url);
  const open = async (databaseUrl: string): Promise<Store> => openStore({ databaseUrl, sqliteFile: ':memory:' });
  after(() => schemas.dropAll());

  storeContract('PostgreSQL', async () => open(await schemas.freshUrl()));

  // Two stores mean two separate pools, as two processes would have.
  sharedDatabaseContract('PostgreSQL', async (): Promise<[Store, Store]> => {
    const scoped = await schemas.freshUrl();
    return [await open(scoped), await open(scoped)];
  });

  describe('openStore on PostgreSQL', () => {
    test('reports its engine and returns epoch milliseconds as numbers', async () => {
      const store = await open(await schemas.freshUrl());
      try {
        assert.equal(store.engine, 'postgres');
        await store.migrate();
        await store.insertAccount({ id: 'acc-big', name: 'big', createdAt: 4_102_444_800_000 });
        assert.deepEqual(await store.getAccount('acc-big'), { id: 'acc-big', name: 'big', createdAt: 4_102_444_800_000, operator: false });
        assert.equal(typeof (await store.countAccounts()), 'number');
      } finally {
        await store.close();
      }
    });

    test('other pools in the process keep the default int8 parsing', async () => {
      const { rows } = await schemas.admin.query<{ n: unknown }>('select 42::int8 as n');
      assert.equal(rows[0]?.n, '42');
    });
  });
}

// Registered last: the class above must be initialized before it is used.
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
