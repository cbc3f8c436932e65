/** The virtual-number half of the Store contract: relations bound per account, filtered and paged; route types. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const PAGE = { pageNo: 1, pageSize: 10 };

/** Registers the virtual-number tests for one adapter. */
export function virtualNumberContract(openFreshStore: FreshStoreFactory): void {
  describe('virtual numbers', () => {
    const store = useMigratedStore(openFreshStore);
    before(async () => {
      for (const id of ['vn-a', 'vn-b']) await store().insertAccount(account(id));
      await store().insertCallerNumber({ accountId: 'vn-a', number: '057100000001', createdAt: T0 });
      await store().insertCallerNumber({ accountId: 'vn-a', number: '17000000001', createdAt: T0 + 1 });
    });

    test('relations bind once, read back exactly and only in their account', async () => {
      const first = await store().insertVirtualNumberRelations('vn-a', '057100000001', 0, [{ relatedNum: '13800000001', corpName: '公司1' }, { relatedNum: '13800000002', corpName: '公司2' }], T0 + 5);
      assert.deepEqual(first.sort(), ['13800000001', '13800000002']);
      const again = await store().insertVirtualNumberRelations('vn-a', '057100000001', 0, [{ relatedNum: '13800000002', corpName: 'x' }, { relatedNum: '13800000003', corpName: '' }], T0 + 6);
      assert.deepEqual(again, ['13800000003']);
      const page = await store().pageVirtualNumberRelations('vn-a', { relatedNum: '13800000002' }, PAGE);
      assert.deepEqual(page, { total: 1, items: [{ accountId: 'vn-a', phoneNum: '057100000001', relatedNum: '13800000002', corpName: '公司2', routeType: 0, specId: 2, createdAt: T0 + 5 }] });
      assert.equal(typeof page.items[0]?.createdAt, 'number');
      assert.deepEqual(await store().pageVirtualNumberRelations('vn-b', {}, PAGE), { total: 0, items: [] });
    });

    test('relations filter by virtual number, route type and number type, and page newest first', async () => {
      await store().insertVirtualNumberRelations('vn-a', '17000000001', 1, [{ relatedNum: '13900000001', corpName: 'm' }, { relatedNum: '13900000002', corpName: 'm' }], T0 + 10);
      const mvno = await store().pageVirtualNumberRelations('vn-a', { specId: 1, routeType: 1 }, { pageNo: 2, pageSize: 1 });
      assert.deepEqual([mvno.total, mvno.items.map((r) => r.relatedNum)], [2, ['13900000001']]);
      assert.equal((await store().pageVirtualNumberRelations('vn-a', { phoneNum: '057100000001' }, PAGE)).total, 3);
      assert.equal((await store().pageVirtualNumberRelations('vn-a', { specId: 3 }, PAGE)).total, 0);
      const all = await store().pageVirtualNumberRelations('vn-a', {}, { pageNo: 1, pageSize: 2 });
      assert.deepEqual([all.total, all.items.map((r) => r.relatedNum)], [5, ['13900000002', '13900000001']]);
    });

    test('binding again sets the route type of every relation of that virtual number', async () => {
      await store().insertVirtualNumberRelations('vn-a', '057100000001', 1, [{ relatedNum: '13800000001', corpName: '' }], T0 + 20);
      const page = await store().pageVirtualNumberRelations('vn-a', { phoneNum: '057100000001' }, PAGE);
      assert.ok(page.items.every((r) => r.routeType === 1));
      await store().insertVirtualNumberRelations('vn-a', '057100000001', 0, [], T0 + 21);
    });

    test('virtual numbers are the caller numbers, with the route type of their relations', async () => {
      await store().insertCallerNumber({ accountId: 'vn-a', number: '057100000009', createdAt: T0 + 2 });
      const all = await store().pageVirtualNumbers('vn-a', {}, PAGE);
      assert.deepEqual(all, { total: 3, items: [
        { phoneNum: '057100000009', routeType: 0, createdAt: T0 + 2 },
        { phoneNum: '17000000001', routeType: 1, createdAt: T0 + 1 },
        { phoneNum: '057100000001', routeType: 1, createdAt: T0 },
      ] });
      assert.deepEqual((await store().pageVirtualNumbers('vn-a', { routeType: 0 }, PAGE)).items.map((n) => n.phoneNum), ['057100000009']);
      assert.equal((await store().pageVirtualNumbers('vn-a', { routeType: 1 }, { pageNo: 1, pageSize: 1 })).total, 2);
      assert.deepEqual(await store().pageVirtualNumbers('vn-b', {}, PAGE), { total: 0, items: [] });
    });
  });
}
