/** The console-user half of the Store contract: users with platform-unique names, sessions keyed by token hash. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConsoleSessionRecord, ConsoleUserRecord } from '../../src/ports/console-user-store.js';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

function user(id: string, accountId: string, name: string, createdAt = T0): ConsoleUserRecord {
  return { id, accountId, name, passwordHash: `scrypt$32768$8$1$salt-${id}$hash-${id}`, createdAt, disabledAt: null };
}

function session(tokenHash: string, userId: string, accountId: string, expiresAt: number): ConsoleSessionRecord {
  return { tokenHash, userId, accountId, csrfToken: `csrf-${tokenHash}`, createdAt: T0, expiresAt };
}

/** Registers the console-user tests for one adapter. */
export function consoleUserContract(openFreshStore: FreshStoreFactory): void {
  describe('console users', () => {
    const store = useMigratedStore(openFreshStore);
    before(async () => {
      for (const id of ['cu-a', 'cu-b']) await store().insertAccount(account(id));
    });

    test('a user reads back exactly by id and by name, times as numbers', async () => {
      const disabled = { ...user('u-1', 'cu-a', 'ann'), disabledAt: T0 + 9 };
      await store().insertConsoleUser(disabled);
      assert.deepEqual(await store().getConsoleUser('u-1'), disabled);
      assert.deepEqual(await store().getConsoleUserByName('ann'), disabled);
      assert.equal(typeof (await store().getConsoleUser('u-1'))?.createdAt, 'number');
      assert.equal(await store().getConsoleUserByName('nobody'), undefined);
    });

    test('a name is unique across accounts', async () => {
      await store().insertConsoleUser(user('u-2', 'cu-a', 'ben'));
      await assert.rejects(store().insertConsoleUser(user('u-3', 'cu-b', 'ben')));
      assert.equal((await store().getConsoleUserByName('ben'))?.accountId, 'cu-a');
    });

    test('an account lists only its own users, oldest first; no account lists all', async () => {
      await store().insertConsoleUser(user('u-5', 'cu-b', 'cid', T0 + 20));
      await store().insertConsoleUser(user('u-4', 'cu-b', 'dee', T0 + 10));
      assert.deepEqual((await store().listConsoleUsers('cu-b')).map((u) => u.name), ['dee', 'cid']);
      assert.ok((await store().listConsoleUsers()).length >= 4);
    });

    test('sessions read back by hash, delete once, and expired ones are purged', async () => {
      const live = session('hash-live', 'u-2', 'cu-a', T0 + 1000);
      await store().insertConsoleSession(live);
      await store().insertConsoleSession(session('hash-old', 'u-2', 'cu-a', T0 + 10));
      assert.deepEqual(await store().getConsoleSession('hash-live'), live);
      assert.equal(await store().purgeExpiredConsoleSessions(T0 + 10), 1);
      assert.equal(await store().getConsoleSession('hash-old'), undefined);
      assert.equal(await store().deleteConsoleSession('hash-live'), true);
      assert.equal(await store().deleteConsoleSession('hash-live'), false);
      assert.equal(await store().getConsoleSession('hash-live'), undefined);
    });
  });
}
