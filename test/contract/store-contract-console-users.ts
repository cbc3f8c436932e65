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

    test('a user is disabled and enabled again; an unknown id changes nothing', async () => {
      await store().insertConsoleUser(user('u-6', 'cu-a', 'eve'));
      assert.equal(await store().setConsoleUserDisabled('u-6', T0 + 5), true);
      assert.equal((await store().getConsoleUser('u-6'))?.disabledAt, T0 + 5);
      assert.equal(await store().setConsoleUserDisabled('u-6', null), true);
      assert.equal((await store().getConsoleUser('u-6'))?.disabledAt, null);
      assert.equal(await store().setConsoleUserDisabled('nobody', T0), false);
    });

    test("ending a user's sessions leaves other users' sessions; the newest session start is per user and account", async () => {
      await store().insertConsoleUser(user('u-7', 'cu-b', 'fay'));
      await store().insertConsoleUser(user('u-8', 'cu-b', 'gus'));
      await store().insertConsoleSession({ ...session('h-f1', 'u-7', 'cu-b', T0 + 1000), createdAt: T0 + 1 });
      await store().insertConsoleSession({ ...session('h-f2', 'u-7', 'cu-b', T0 + 1000), createdAt: T0 + 7 });
      await store().insertConsoleSession({ ...session('h-g1', 'u-8', 'cu-b', T0 + 1000), createdAt: T0 + 3 });
      const latest = await store().latestConsoleSignIns('cu-b');
      assert.equal(latest.get('u-7'), T0 + 7);
      assert.equal(latest.get('u-8'), T0 + 3);
      assert.equal((await store().latestConsoleSignIns('cu-a')).has('u-7'), false);
      assert.equal(await store().deleteConsoleSessionsOfUser('u-7'), 2);
      assert.equal(await store().getConsoleSession('h-f2'), undefined);
      assert.ok(await store().getConsoleSession('h-g1'));
    });

    test('deleting a user drops its sessions and frees its name', async () => {
      await store().insertConsoleUser(user('u-9', 'cu-a', 'hal'));
      await store().insertConsoleSession(session('h-h1', 'u-9', 'cu-a', T0 + 1000));
      assert.equal(await store().deleteConsoleUser('u-9'), true);
      assert.equal(await store().getConsoleUser('u-9'), undefined);
      assert.equal(await store().getConsoleSession('h-h1'), undefined);
      assert.equal(await store().deleteConsoleUser('u-9'), false);
      await store().insertConsoleUser(user('u-10', 'cu-b', 'hal'));
      assert.equal((await store().getConsoleUserByName('hal'))?.accountId, 'cu-b');
    });
  });
}
