// @alicloud/pop-core RPCClient (V1 only) against a running waihu: POST puts every parameter, Signature included, in a
// form body; GET (its default) puts them in the query; it capitalises action and parameter names itself (§1.4).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import RPCClient from '@alicloud/pop-core';
import type { NewAccessKey } from '../../src/core/accounts/access-keys.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { dataOf } from '../support/probes.js';
import { popCore, WAIHU } from '../support/sdk-clients.js';
import { REQUEST_ID } from '../support/sdk-errors.js';

describe('@alicloud/pop-core against a running waihu', () => {
  let server: TestServer;
  let otherTenant: NewAccessKey;
  before(async () => {
    server = await startTestServer();
    const account = await server.app.accessKeys.createAccount('other tenant');
    otherTenant = await server.app.accessKeys.createAccessKey(account.id);
  });
  after(() => server.stop());

  for (const method of ['POST', 'GET'] as const) {
    test(`${method}: GetCallerIdentity answers with the account and key that signed, ids as exact strings`, async () => {
      for (const key of [server.key, otherTenant]) {
        const body = await popCore(server.url, WAIHU, key).request('GetCallerIdentity', {}, method);
        assert.match(String(body.RequestId), REQUEST_ID);
        assert.equal(body.Code, 'OK');
        assert.equal(body.Success, true);
        const data = dataOf(body);
        assert.deepEqual(data, { AccountId: key.AccountId, AccessKeyId: key.AccessKeyId });
        // json-bigint would turn an 18-digit number into a BigNumber; the id must arrive as the string it is.
        assert.equal(typeof data.AccountId, 'string');
        assert.match(String(data.AccountId), /^\d{18,19}$/);
      }
    });

    test(`${method}: lower-case createAccessKey/description are capitalised by pop-core and the Description arrives intact`, async () => {
      const client = popCore(server.url, WAIHU, server.key);
      const description = `pop-core ${method} 中文 !*()~'+&=% end`;
      const created = dataOf(await client.request('createAccessKey', { description }, method));
      assert.match(String(created.AccessKeyId), /^LTAI[A-Za-z0-9]{20}$/);
      const newKey = { AccessKeyId: String(created.AccessKeyId), AccessKeySecret: String(created.AccessKeySecret) };

      const listed = dataOf(await client.request('ListAccessKeys', {}, method)).AccessKeys as Record<string, unknown>[];
      const mine = listed.find((k) => k.AccessKeyId === newKey.AccessKeyId);
      assert.ok(mine, 'ListAccessKeys shows the new key');
      assert.equal(mine.Description, description);

      const identity = dataOf(await popCore(server.url, WAIHU, newKey).request('GetCallerIdentity', {}, method));
      assert.equal(identity.AccessKeyId, newKey.AccessKeyId);
    });
  }

  test("{method: 'post'} (lower case) signs POST but sends the parameters in the query of a POST; waihu accepts it", async () => {
    const client = new RPCClient({
      endpoint: server.url,
      apiVersion: WAIHU,
      accessKeyId: server.key.AccessKeyId,
      accessKeySecret: server.key.AccessKeySecret,
    });
    const body = await client.request<Record<string, unknown>>('GetCallerIdentity', {}, { method: 'post' });
    assert.deepEqual(dataOf(body), { AccountId: server.key.AccountId, AccessKeyId: server.key.AccessKeyId });
  });
});
