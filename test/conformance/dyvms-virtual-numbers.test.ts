// dyvms number management through the official clients: a caller number (AddCallerNumber) is a virtual number;
// AddVirtualNumberRelation binds real numbers to it, QueryVirtualNumber and QueryVirtualNumberRelation read them back
// as Data JSON text; bad input is refused naming the parameter; accounts are isolated.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import { CLIENTS, otherTenant, type ClientName, type Tenant } from './aiccs-kit.js';
import { waihu } from './waihu-kit.js';
import { dyvmsBody as dyvms } from './dyvms-kit.js';

const X = '057188330001';

/** Data of a paged query, parsed from its JSON text. */
async function paged(client: ClientName, t: Tenant, action: string, params: Record<string, unknown> = {}) {
  const body = await dyvms(client, t, action, params);
  assert.equal(body.Code, '200');
  assert.equal(typeof body.Data, 'string', 'Data is JSON text, as the doc types it');
  return JSON.parse(String(body.Data)) as { data: Record<string, unknown>[]; pageNo: number; pageSize: number; total: number };
}

/** Asserts a dyvms call is refused with InvalidParameter 400 naming the parameter. */
async function invalid(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, param: string) {
  const err = await rejection(dyvms(client, t, action, params));
  const body = client === 'pop-core V1'
    ? assertPopCoreError(err, { code: 'InvalidParameter', status: 400 }, `${t.url}/`)
    : assertOpenApiCoreError(err, { code: 'InvalidParameter', status: 400, kind: 'ClientError' });
  assert.match(String(body.Message), new RegExp(`"${param}" is not valid`));
}

describe('dyvms virtual numbers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: relations bind to a caller number, report repeats in Data and read back filtered`, async () => {
      const t = await otherTenant(server, `vn ${client}`);
      await waihu(client, t, 'AddCallerNumber', { PhoneNumber: X });
      const add = { PhoneNum: X, NumberList: '13211110001,13222220002', CorpNameList: '公司1,公司2', ProdCode: 'dyvms', RouteType: 1 };
      const first = await dyvms(client, t, 'AddVirtualNumberRelation', add);
      assert.deepEqual([first.Code, first.Data], ['200', undefined], 'Data is absent when every number was bound');
      const second = await dyvms(client, t, 'AddVirtualNumberRelation', { ...add, NumberList: '13211110001,13233330003', RouteType: 1 });
      assert.equal(second.Data, '13211110001');

      const numbers = await paged(client, t, 'QueryVirtualNumber', { ProdCode: 'dyvms', PageNo: 1, PageSize: 10 });
      assert.equal(numbers.total, 1);
      assert.deepEqual({ ...numbers.data[0], createTime: '' }, {
        createTime: '', qualificationCount: 0, cityCount: 0, phoneNumCount: 1, remark: '', phoneNum: X, routeType: 1, canCancel: true, specCount: 0, status: '1',
      });
      assert.match(String(numbers.data[0]?.createTime), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      assert.equal((await paged(client, t, 'QueryVirtualNumber', { RouteType: 0 })).total, 0);

      const all = await paged(client, t, 'QueryVirtualNumberRelation', { PageSize: 2 });
      assert.deepEqual([all.total, all.pageNo, all.pageSize, all.data.length], [3, 1, 2, 2]);
      const one = await paged(client, t, 'QueryVirtualNumberRelation', { PhoneNum: X, RelatedNum: '13222220002', RouteType: 1, SpecId: 2 });
      assert.deepEqual(one.data.map((r) => [r.relatedNum, r.corpName, r.phoneNum]), [['13222220002', '公司2', X]]);
      assert.equal((await paged(client, t, 'QueryVirtualNumberRelation', { SpecId: 1 })).total, 0);
      assert.equal((await paged(client, t, 'QueryVirtualNumberRelation', { RegionNameCity: '杭州市' })).total, 0);
    });

    test(`${client}: bad input is refused naming the parameter`, async () => {
      const t = await otherTenant(server, `vn bad ${client}`);
      await waihu(client, t, 'AddCallerNumber', { PhoneNumber: X });
      const add = { PhoneNum: X, NumberList: '13211110001', CorpNameList: '公司1', RouteType: 0 };
      await invalid(client, t, 'AddVirtualNumberRelation', { ...add, PhoneNum: '057199999999' }, 'PhoneNum');
      await invalid(client, t, 'AddVirtualNumberRelation', { ...add, NumberList: '1321111****' }, 'NumberList');
      await invalid(client, t, 'AddVirtualNumberRelation', { ...add, NumberList: '13211110001,13211110002' }, 'CorpNameList');
      await invalid(client, t, 'AddVirtualNumberRelation', { ...add, ProdCode: 'dysms' }, 'ProdCode');
      await invalid(client, t, 'AddVirtualNumberRelation', { ...add, RouteType: 2 }, 'RouteType');
      await invalid(client, t, 'QueryVirtualNumberRelation', { PageSize: 101 }, 'PageSize');
      await invalid(client, t, 'QueryVirtualNumber', { PageNo: 0 }, 'PageNo');
    });

    test(`${client}: another account sees none of the numbers or relations and cannot bind to them`, async () => {
      const owner = await otherTenant(server, `vn owner ${client}`);
      await waihu(client, owner, 'AddCallerNumber', { PhoneNumber: X });
      await dyvms(client, owner, 'AddVirtualNumberRelation', { PhoneNum: X, NumberList: '13211110001', RouteType: 0 });
      const stranger = await otherTenant(server, `vn stranger ${client}`);
      assert.equal((await paged(client, stranger, 'QueryVirtualNumber')).total, 0);
      assert.equal((await paged(client, stranger, 'QueryVirtualNumberRelation', { PhoneNum: X })).total, 0);
      await invalid(client, stranger, 'AddVirtualNumberRelation', { PhoneNum: X, NumberList: '13211110002', RouteType: 0 }, 'PhoneNum');
      assert.equal((await paged(client, owner, 'QueryVirtualNumberRelation')).total, 1);
    });
  }
});
