/**
 * The conformance cases both tea cores (openapi-client and openapi-core) must pass, run once per core:
 * every signature / method / parameter-location combination reaches the right account and key, and AccessKeys
 * created and deleted through the API behave as a user expects.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { NewAccessKey } from '../../src/core/accounts/access-keys.js';
import { startTestServer, type TestServer } from './conformance-server.js';
import { TEA_VARIANTS, WAIHU, type ApiCaller, type ApiResponse, type KeyPair, type TeaClientOptions, type TeaVariant } from './sdk-clients.js';
import { REQUEST_ID, rejection, type Expected, type SdkError } from './sdk-errors.js';

/** The request parameter naming the key DeleteAccessKey and UpdateAccessKey act on (`AccessKeyId` is the V1 signer's). */
export const TARGET_KEY_PARAM = 'UserAccessKeyId';

/** Builds a client of one core. */
export type MakeCaller = (host: string, key: KeyPair, options?: TeaClientOptions) => ApiCaller;
/** Asserts the shape that core gives an error response. */
export type AssertError = (err: SdkError, expected: Expected) => void;

/** Checks the waihu success envelope and returns its Data. */
export function okData(res: ApiResponse): Record<string, unknown> {
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/json;charset=utf-8');
  assert.match(String(res.body.RequestId), REQUEST_ID, 'every success body carries a RequestId');
  assert.equal(res.body.Code, 'OK');
  assert.equal(res.body.Message, 'OK');
  assert.equal(res.body.Success, true);
  const data = res.body.Data;
  assert.ok(data && typeof data === 'object', 'Data is an object');
  return data as Record<string, unknown>;
}

function caller(make: MakeCaller, server: TestServer, key: KeyPair, variant: TeaVariant) {
  const client = make(server.host, key, { v1: variant.v1 });
  return (action: string, params?: Record<string, unknown>) =>
    client.call({ version: WAIHU, action, params, where: variant.where, method: variant.method });
}

async function listedKeys(call: ReturnType<typeof caller>): Promise<Record<string, unknown>[]> {
  const data = okData(await call('ListAccessKeys'));
  assert.ok(Array.isArray(data.AccessKeys));
  return data.AccessKeys as Record<string, unknown>[];
}

/** Registers the shared cases for one core. */
export function teaClientSuite(name: string, make: MakeCaller, assertError: AssertError): void {
  describe(`${name} against a running waihu`, () => {
    let server: TestServer;
    let otherTenant: NewAccessKey;
    before(async () => {
      server = await startTestServer();
      const account = await server.app.accessKeys.createAccount('other tenant');
      otherTenant = await server.app.accessKeys.createAccessKey(account.id);
    });
    after(() => server.stop());

    for (const variant of TEA_VARIANTS) {
      test(`${variant.label}: GetCallerIdentity answers with the account and key that signed`, async () => {
        for (const key of [server.key, otherTenant]) {
          const data = okData(await caller(make, server, key, variant)('GetCallerIdentity'));
          assert.deepEqual(data, { AccountId: key.AccountId, AccessKeyId: key.AccessKeyId });
        }
      });

      test(`${variant.label}: CreateAccessKey reads Description from there, ListAccessKeys shows it, the new key signs`, async () => {
        const call = caller(make, server, server.key, variant);
        const description = `${variant.label} 中文 !*()~'+&=% end`;
        const created = okData(await call('CreateAccessKey', { Description: description }));
        assert.equal(created.AccountId, server.key.AccountId);
        assert.match(String(created.AccessKeyId), /^LTAI[A-Za-z0-9]{20}$/);
        assert.match(String(created.AccessKeySecret), /^[A-Za-z0-9]{30}$/);
        const newKey = { AccessKeyId: String(created.AccessKeyId), AccessKeySecret: String(created.AccessKeySecret) };

        const listed = (await listedKeys(call)).find((k) => k.AccessKeyId === newKey.AccessKeyId);
        assert.ok(listed, 'ListAccessKeys shows the new key');
        assert.equal(listed.Description, description, 'the Description arrived byte for byte');
        assert.equal(listed.Status, 'Active');
        assert.equal('AccessKeySecret' in listed, false, 'ListAccessKeys never shows a secret');

        const identity = okData(await caller(make, server, newKey, variant)('GetCallerIdentity'));
        assert.deepEqual(identity, { AccountId: server.key.AccountId, AccessKeyId: newKey.AccessKeyId });
      });

      test(`${variant.label}: DeleteAccessKey removes a key; its next request is InvalidAccessKeyId.NotFound`, async () => {
        const call = caller(make, server, server.key, variant);
        const doomed = await server.app.accessKeys.createAccessKey(server.key.AccountId, 'to delete');
        okData(await caller(make, server, doomed, variant)('GetCallerIdentity'));
        const deleted = okData(await call('DeleteAccessKey', { [TARGET_KEY_PARAM]: doomed.AccessKeyId }));
        assert.equal(deleted.AccessKeyId, doomed.AccessKeyId);
        assert.equal((await listedKeys(call)).some((k) => k.AccessKeyId === doomed.AccessKeyId), false);
        const err = await rejection(caller(make, server, doomed, variant)('GetCallerIdentity'));
        assertError(err, { code: 'InvalidAccessKeyId.NotFound', status: 404 });
      });
    }

    test(`a key can neither delete nor disable itself through the API (IncorrectStatus)`, async () => {
      const client = make(server.host, server.key);
      for (const [action, params] of [
        ['DeleteAccessKey', { [TARGET_KEY_PARAM]: server.key.AccessKeyId }],
        ['UpdateAccessKey', { [TARGET_KEY_PARAM]: server.key.AccessKeyId, Status: 'Inactive' }],
      ] as const) {
        const err = await rejection(client.call({ version: WAIHU, action, params }));
        assertError(err, { code: 'IncorrectStatus', status: 400 });
      }
      okData(await client.call({ version: WAIHU, action: 'GetCallerIdentity' }));
    });

    test(`another tenant's key is invisible: deleting it answers InvalidAccessKeyId.NotFound and it keeps working`, async () => {
      const client = make(server.host, server.key);
      const err = await rejection(client.call({ version: WAIHU, action: 'DeleteAccessKey', params: { [TARGET_KEY_PARAM]: otherTenant.AccessKeyId } }));
      assertError(err, { code: 'InvalidAccessKeyId.NotFound', status: 404 });
      const data = okData(await make(server.host, otherTenant).call({ version: WAIHU, action: 'GetCallerIdentity' }));
      assert.equal(data.AccessKeyId, otherTenant.AccessKeyId);
    });

    test(`UpdateAccessKey disables a key (InvalidAccessKeyId.Inactive) and enables it again`, async () => {
      const client = make(server.host, server.key);
      const second = await server.app.accessKeys.createAccessKey(server.key.AccountId);
      const update = (Status: string) => client.call({ version: WAIHU, action: 'UpdateAccessKey', params: { [TARGET_KEY_PARAM]: second.AccessKeyId, Status } });
      assert.deepEqual(okData(await update('Inactive')), { AccessKeyId: second.AccessKeyId, Status: 'Inactive' });
      assertError(await rejection(make(server.host, second).call({ version: WAIHU, action: 'GetCallerIdentity' })), {
        code: 'InvalidAccessKeyId.Inactive',
        status: 400,
      });
      assert.deepEqual(okData(await update('Active')), { AccessKeyId: second.AccessKeyId, Status: 'Active' });
      const data = okData(await make(server.host, second).call({ version: WAIHU, action: 'GetCallerIdentity' }));
      assert.equal(data.AccessKeyId, second.AccessKeyId);
    });
  });
}
