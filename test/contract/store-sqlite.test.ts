/** The Store contract on the embedded engine: real database files in a temp folder, so WAL is exercised. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { sharedDatabaseContract } from './shared-database-contract.js';
import { storeContract } from './store-contract.js';
import { account } from './store-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'waihu-store-'));
let files = 0;
const nextFile = (): string => join(dir, `store-${++files}.db`);

after(() => rmSync(dir, { recursive: true, force: true }));

storeContract('SQLite file', () => openStore({ sqliteFile: nextFile() }));

storeContract('SQLite in memory', () => openStore({ sqliteFile: ':memory:' }));

sharedDatabaseContract('SQLite file', async () => {
  const file = nextFile();
  return [await openStore({ sqliteFile: file }), await openStore({ sqliteFile: file })];
});

describe('openStore on SQLite', () => {
  test('creates missing parent folders and writes through a WAL file', async () => {
    const file = join(dir, 'nested', 'deeper', 'waihu.db');
    const store = await openStore({ sqliteFile: file });
    try {
      assert.equal(store.engine, 'sqlite');
      await store.migrate();
      await store.insertAccount(account('acc-wal'));
      assert.ok(existsSync(`${file}-wal`), 'expected a -wal file next to the database');
    } finally {
      await store.close();
    }
  });

  test('data survives closing and reopening the file', async () => {
    const file = nextFile();
    const first = await openStore({ sqliteFile: file });
    await first.migrate();
    await first.insertAccount(account('acc-durable'));
    await first.close();
    const second = await openStore({ sqliteFile: file });
    try {
      await second.migrate();
      assert.deepEqual(await second.listAccounts(), [account('acc-durable')]);
    } finally {
      await second.close();
    }
  });

  test('an empty database URL means SQLite; an unknown scheme is refused', async () => {
    const store = await openStore({ databaseUrl: '', sqliteFile: ':memory:' });
    assert.equal(store.engine, 'sqlite');
    await store.close();
    await assert.rejects(openStore({ databaseUrl: 'postgress://u:secret@h/db', sqliteFile: ':memory:' }), (error: Error) => {
      assert.match(error.message, /unsupported database URL/);
      assert.doesNotMatch(error.message, /secret/);
      return true;
    });
  });
});
