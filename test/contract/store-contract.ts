/** The Store port's contract: every adapter (SQLite, PostgreSQL, any fake) must pass these same tests. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nonceContract } from './store-contract-nonces.js';
import { simModelContract } from './store-contract-sim-models.js';
import { agentContract } from './store-contract-agents.js';
import { voiceResourceContract } from './store-contract-voice.js';
import { virtualNumberContract } from './store-contract-virtual-numbers.js';
import { receiptContract } from './store-contract-receipts.js';
import { voiceFileContract } from './store-contract-voice-files.js';
import { callTaskContract } from './store-contract-call-tasks.js';
import { hotlineContract } from './store-contract-hotline.js';
import { robotTaskContract } from './store-contract-robot-tasks.js';
import { consoleUserContract } from './store-contract-console-users.js';
import { callStatisticsContract } from './store-contract-call-statistics.js';
import type { Store } from '../../src/ports/store.js';
import { T0, accessKey, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

export type { FreshStoreFactory } from './store-fixtures.js';

/** Registers the whole Store contract for one adapter. */
export function storeContract(label: string, openFreshStore: FreshStoreFactory): void {
  describe(`Store contract: ${label}`, () => {
    migrationContract(openFreshStore);
    accountContract(openFreshStore);
    accessKeyContract(openFreshStore);
    nonceContract(openFreshStore);
    simModelContract(openFreshStore);
    agentContract(openFreshStore);
    voiceResourceContract(openFreshStore);
    virtualNumberContract(openFreshStore);
    robotTaskContract(openFreshStore);
    receiptContract(openFreshStore);
    voiceFileContract(openFreshStore);
    callTaskContract(openFreshStore);
    hotlineContract(openFreshStore);
    consoleUserContract(openFreshStore);
    callStatisticsContract(openFreshStore);
  });
}

function migrationContract(openFreshStore: FreshStoreFactory): void {
  test('migrate is idempotent and keeps the data', async () => {
    const store = await openFreshStore();
    try {
      await store.migrate();
      await store.migrate();
      await store.insertAccount(account('acc-m'));
      await store.migrate();
      assert.deepEqual(await store.getAccount('acc-m'), account('acc-m'));
    } finally {
      await store.close();
    }
  });
}

function accountContract(openFreshStore: FreshStoreFactory): void {
  describe('accounts', () => {
    const store = useMigratedStore(openFreshStore);

    test('a new database has no accounts', async () => {
      assert.deepEqual(await store().listAccounts(), []);
      assert.equal(await store().countAccounts(), 0);
    });

    test('inserted accounts read back exactly, list oldest first and are counted', async () => {
      const [b, a, c] = [account('acc-b', T0 + 2000), account('acc-a', T0 + 1000), account('acc-c', T0 + 3000)];
      for (const x of [b, a, c]) await store().insertAccount(x);
      const got = await store().getAccount('acc-a');
      assert.deepEqual(got, a);
      assert.equal(typeof got?.createdAt, 'number');
      assert.deepEqual(await store().listAccounts(), [a, b, c]);
      assert.equal(await store().countAccounts(), 3);
    });

    test('an account becomes an operator and back; an unknown id is reported', async () => {
      await store().insertAccount(account('acc-op'));
      assert.equal(await store().setAccountOperator('acc-op', true), true);
      assert.equal((await store().getAccount('acc-op'))?.operator, true);
      assert.equal((await store().listAccounts()).find((a) => a.id === 'acc-op')?.operator, true);
      assert.equal(await store().setAccountOperator('acc-op', false), true);
      assert.equal((await store().getAccount('acc-op'))?.operator, false);
      assert.equal(await store().setAccountOperator('acc-nobody', true), false);
    });

    test('an unknown account id reads as undefined', async () => {
      assert.equal(await store().getAccount('acc-nobody'), undefined);
    });

    test('an account id cannot be inserted twice', async () => {
      await store().insertAccount(account('acc-dup'));
      await assert.rejects(store().insertAccount({ ...account('acc-dup'), name: 'impostor' }));
      assert.equal((await store().getAccount('acc-dup'))?.name, 'name of acc-dup');
    });
  });
}

function accessKeyContract(openFreshStore: FreshStoreFactory): void {
  describe('access keys', () => {
    const store = useMigratedStore(openFreshStore);
    before(async () => {
      await store().insertAccount(account('tenant-a'));
      await store().insertAccount(account('tenant-b'));
    });
    accessKeyReadTests(store);
    accessKeyChangeTests(store);
  });
}

function accessKeyReadTests(store: () => Store): void {
  test('an inserted key reads back exactly, with and without lastUsedAt', async () => {
    const never = accessKey('LTAInever', 'tenant-a', T0 + 5);
    const used = { ...accessKey('LTAIused', 'tenant-a', T0 + 6, T0 + 99), status: 'Inactive' as const };
    await store().insertAccessKey(never);
    await store().insertAccessKey(used);
    assert.deepEqual(await store().getAccessKey('LTAInever'), never);
    assert.deepEqual(await store().getAccessKey('LTAIused'), used);
    assert.equal(await store().getAccessKey('LTAInothing'), undefined);
  });

  test('an account lists only its own keys, oldest first', async () => {
    const keys = [accessKey('LTAIlist3', 'tenant-b', T0 + 300), accessKey('LTAIlist1', 'tenant-b', T0 + 100)];
    for (const k of [...keys, accessKey('LTAIlist2', 'tenant-b', T0 + 200)]) await store().insertAccessKey(k);
    const listed = await store().listAccessKeys('tenant-b');
    assert.deepEqual(listed.map((k) => k.id), ['LTAIlist1', 'LTAIlist2', 'LTAIlist3']);
    assert.ok(listed.every((k) => k.accountId === 'tenant-b'));
    assert.ok((await store().listAccessKeys('tenant-a')).every((k) => !k.id.startsWith('LTAIlist')));
    assert.deepEqual(await store().listAccessKeys('tenant-nobody'), []);
  });

  test('a key for an unknown account is rejected', async () => {
    await assert.rejects(store().insertAccessKey(accessKey('LTAIorphan', 'tenant-nobody')));
    assert.equal(await store().getAccessKey('LTAIorphan'), undefined);
  });

  test('a key id cannot be inserted twice, even under another account', async () => {
    await store().insertAccessKey(accessKey('LTAItwice', 'tenant-a'));
    await assert.rejects(store().insertAccessKey(accessKey('LTAItwice', 'tenant-b')));
    assert.equal((await store().getAccessKey('LTAItwice'))?.accountId, 'tenant-a');
  });
}

function accessKeyChangeTests(store: () => Store): void {
  test('the owner can disable and re-enable a key', async () => {
    await store().insertAccessKey(accessKey('LTAIstatus', 'tenant-a'));
    assert.equal(await store().setAccessKeyStatus('tenant-a', 'LTAIstatus', 'Inactive'), true);
    assert.equal((await store().getAccessKey('LTAIstatus'))?.status, 'Inactive');
    assert.equal(await store().setAccessKeyStatus('tenant-a', 'LTAIstatus', 'Active'), true);
    assert.equal((await store().getAccessKey('LTAIstatus'))?.status, 'Active');
    assert.equal(await store().setAccessKeyStatus('tenant-a', 'LTAIunknown', 'Inactive'), false);
  });

  test("an account cannot list, disable or delete another account's key", async () => {
    const victim = accessKey('LTAIvictim', 'tenant-b');
    await store().insertAccessKey(victim);
    assert.ok(!(await store().listAccessKeys('tenant-a')).some((k) => k.id === victim.id));
    assert.equal(await store().setAccessKeyStatus('tenant-a', victim.id, 'Inactive'), false);
    assert.equal(await store().deleteAccessKey('tenant-a', victim.id), false);
    assert.deepEqual(await store().getAccessKey(victim.id), victim);
  });

  test('the owner can delete a key, once', async () => {
    await store().insertAccessKey(accessKey('LTAIdoomed', 'tenant-a'));
    assert.equal(await store().deleteAccessKey('tenant-a', 'LTAIdoomed'), true);
    assert.equal(await store().getAccessKey('LTAIdoomed'), undefined);
    assert.ok(!(await store().listAccessKeys('tenant-a')).some((k) => k.id === 'LTAIdoomed'));
    assert.equal(await store().deleteAccessKey('tenant-a', 'LTAIdoomed'), false);
  });
}
