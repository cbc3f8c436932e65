/** The account's number lists: the directory of hashed numbers, the do-not-call list and the callee call log. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../src/core/accounts/secret-box.js';
import { NumberDirectory } from '../../src/core/numbers/number-directory.js';
import { hashNumber, numberHashes } from '../../src/core/numbers/number-hash.js';
import type { Store } from '../../src/ports/store.js';
import { ACC_A, ACC_B, T0, createTenants } from './campaign-fixtures.js';
import { useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

/** Registers the number list tests for one adapter. */
export function numberListContract(openFreshStore: FreshStoreFactory): void {
  describe('number lists', () => {
    const store = useMigratedStore(openFreshStore);
    before(() => createTenants(store()));
    directoryTests(store);
    doNotCallTests(store);
    calleeLogTests(store);
  });
}

function directoryTests(store: () => Store): void {
  const box = new SecretBox(randomBytes(32));

  test('a digest of any type resolves to its plain number, only for the owning account', async () => {
    const directory = new NumberDirectory(store(), box);
    assert.equal(await directory.add(ACC_A, ['13900001111', ' 13900002222 ', '13900001111'], T0), 2);
    assert.equal(await directory.add(ACC_A, ['13900001111'], T0), 0, 'adding again is harmless');
    for (const type of [1, 2, 3] as const) {
      const digest = hashNumber('13900002222', type);
      assert.deepEqual(await directory.resolve(ACC_A, digest, type), { ok: true, plain: '13900002222' });
      assert.deepEqual(await directory.resolve(ACC_A, digest.toUpperCase(), type), { ok: true, plain: '13900002222' });
      assert.equal((await directory.resolve(ACC_B, digest, type)).ok, false);
    }
    assert.deepEqual(await directory.resolve(ACC_A, hashNumber('13900009999', 2), 2), {
      ok: false,
      reason: 'no number in the directory matches this SHA256 hash',
    });
    assert.deepEqual(await directory.resolve(ACC_A, '13900009999', 0), { ok: true, plain: '13900009999' });
    assert.equal(await store().countDirectoryEntries(ACC_A), 2);
    assert.equal(await store().countDirectoryEntries(ACC_B), 0);
  });

  test('plain numbers are sealed at rest and can be removed', async () => {
    const directory = new NumberDirectory(store(), box);
    await directory.add(ACC_B, ['13700003333'], T0);
    const sealed = await store().findDirectoryEntry(ACC_B, 3, numberHashes('13700003333').sm3);
    assert.ok(sealed && !sealed.includes('13700003333'));
    assert.equal(box.open(sealed), '13700003333');
    assert.equal(await directory.remove(ACC_A, ['13700003333']), 0, "another account's number");
    assert.equal(await directory.remove(ACC_B, ['13700003333']), 1);
    assert.equal(await store().findDirectoryEntry(ACC_B, 3, numberHashes('13700003333').sm3), undefined);
  });
}

function doNotCallTests(store: () => Store): void {
  test('the do-not-call list is per account, deduplicated and listed newest first', async () => {
    assert.equal(await store().addDoNotCall(ACC_A, ['1001', '1002', '1001'], T0), 2);
    assert.equal(await store().addDoNotCall(ACC_A, ['1002', '1003'], T0 + 1), 1);
    assert.deepEqual([...(await store().findDoNotCall(ACC_A, ['1001', '1003', '1004']))].sort(), ['1001', '1003']);
    assert.deepEqual([...(await store().findDoNotCall(ACC_B, ['1001']))], []);
    const page = await store().listDoNotCall(ACC_A, { pageNo: 1, pageSize: 2 });
    assert.deepEqual(page, { total: 3, items: [{ number: '1003', createdAt: T0 + 1 }, { number: '1001', createdAt: T0 }] });
    assert.equal(await store().removeDoNotCall(ACC_B, ['1001']), 0);
    assert.equal(await store().removeDoNotCall(ACC_A, ['1001', '1009']), 1);
    assert.deepEqual([...(await store().findDoNotCall(ACC_A, ['1001']))], []);
  });
}

function calleeLogTests(store: () => Store): void {
  const minute = [{ windowMs: 60_000, max: 1 }];

  test('calls are counted per account and callee in a half-open window', async () => {
    await store().recordCalleeCall({ accountId: ACC_A, calleeKey: 'k1', startedAt: T0 });
    await store().recordCalleeCall({ accountId: ACC_A, calleeKey: 'k1', startedAt: T0 + 10 });
    await store().recordCalleeCall({ accountId: ACC_B, calleeKey: 'k1', startedAt: T0 });
    assert.equal(await store().countCalleeCalls(ACC_A, 'k1', T0 - 1, T0 + 10), 2);
    assert.equal(await store().countCalleeCalls(ACC_A, 'k1', T0, T0 + 10), 1);
    assert.equal(await store().countCalleeCalls(ACC_A, 'k2', T0 - 1, T0 + 10), 0);
  });

  test('a reservation respects every limit and frees up when the window has passed', async () => {
    const call = { accountId: ACC_A, calleeKey: 'k-reserve', startedAt: T0 };
    assert.equal(await store().reserveCalleeCall(call, minute), true);
    assert.equal(await store().reserveCalleeCall({ ...call, startedAt: T0 + 59_999 }, minute), false);
    assert.equal(await store().reserveCalleeCall({ ...call, accountId: ACC_B, startedAt: T0 + 1 }, minute), true);
    assert.equal(await store().reserveCalleeCall({ ...call, startedAt: T0 + 60_000 }, minute), true);
    const hourly = [...minute, { windowMs: 3_600_000, max: 2 }];
    assert.equal(await store().reserveCalleeCall({ ...call, startedAt: T0 + 120_000 }, hourly), false);
    assert.equal(await store().reserveCalleeCall({ ...call, startedAt: T0 + 120_000 }, []), true, 'no limits');
  });

  test('20 concurrent reservations for one callee under a limit of 1 let exactly one through', async () => {
    const call = { accountId: ACC_A, calleeKey: 'k-race', startedAt: T0 };
    const results = await Promise.all(Array.from({ length: 20 }, () => store().reserveCalleeCall(call, minute)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  test('reservations arriving together are decided in order: other callees pass, the first call to a callee wins', async () => {
    const at = (calleeKey: string) => ({ accountId: ACC_A, calleeKey, startedAt: T0 });
    const results = await Promise.all([
      store().reserveCalleeCall(at('k-group-1'), minute),
      store().reserveCalleeCall(at('k-group-2'), minute),
      store().reserveCalleeCall(at('k-group-1'), minute),
      store().reserveCalleeCall(at('k-group-3'), []),
    ]);
    assert.deepEqual(results, [true, true, false, true]);
    assert.equal(await store().countCalleeCalls(ACC_A, 'k-group-1', T0 - 1, T0), 1, 'the refused call is not logged');
  });

  test('old calls can be purged', async () => {
    await store().recordCalleeCall({ accountId: ACC_A, calleeKey: 'k-old', startedAt: T0 - 86_400_000 });
    assert.ok((await store().purgeCalleeCalls(T0 - 1)) >= 1);
    assert.equal(await store().countCalleeCalls(ACC_A, 'k-old', 0, T0), 0);
  });
}
