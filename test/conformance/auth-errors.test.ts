// The authentication errors docs/errors.md and docs/authentication.md promise, provoked by real clients, and each
// client's view of them as its vectors record it (openapi-client-10/11/19, sdk-11/12/14, pop-core-05).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { NewAccessKey } from '../../src/core/accounts/access-keys.js';
import { shiftedClock, startTestServer, type TestServer } from '../support/conformance-server.js';
import { dataOf, PROBES } from '../support/probes.js';
import { WAIHU } from '../support/sdk-clients.js';
import { rejection } from '../support/sdk-errors.js';

const IDENTITY = { version: WAIHU, action: 'GetCallerIdentity' };
const TWENTY_MINUTES = 20 * 60 * 1000;

describe('authentication errors seen through every client', () => {
  let server: TestServer;
  let disabled: NewAccessKey;
  before(async () => {
    server = await startTestServer();
    disabled = await server.app.accessKeys.createAccessKey(server.key.AccountId, 'disabled');
    await server.app.accessKeys.setStatus(server.key.AccountId, disabled.AccessKeyId, 'Inactive');
  });
  after(() => server.stop());

  for (const probe of PROBES) {
    test(`${probe.name}: an unknown AccessKeyId is InvalidAccessKeyId.NotFound (404)`, async () => {
      const stranger = { AccessKeyId: 'LTAI0000000000000000None', AccessKeySecret: 'whatever-secret' };
      const err = await rejection(probe.call(server, stranger, IDENTITY));
      const data = probe.check(err, { code: 'InvalidAccessKeyId.NotFound', status: 404 }, server);
      assert.equal(data.Message, 'Specified access key is not found.');
    });

    test(`${probe.name}: a disabled key with its right secret is InvalidAccessKeyId.Inactive (400)`, async () => {
      const err = await rejection(probe.call(server, disabled, IDENTITY));
      probe.check(err, { code: 'InvalidAccessKeyId.Inactive', status: 400 }, server);
    });

    test(`${probe.name}: a disabled key with a wrong secret learns nothing about its status (SignatureDoesNotMatch)`, async () => {
      const err = await rejection(probe.call(server, { ...disabled, AccessKeySecret: 'not-the-secret' }, IDENTITY));
      probe.check(err, { code: 'SignatureDoesNotMatch', status: 400 }, server);
    });

    test(`${probe.name}: a wrong secret is SignatureDoesNotMatch (400) and shows the server's string to sign`, async () => {
      const err = await rejection(probe.call(server, { ...server.key, AccessKeySecret: 'wrong' }, IDENTITY));
      const data = probe.check(err, { code: 'SignatureDoesNotMatch', status: 400 }, server);
      const message = String(data.Message);
      assert.ok(message.includes('server string to sign is:'), message);
      const stringToSign = message.slice(message.indexOf('server string to sign is:') + 'server string to sign is:'.length);
      if (probe.signature === 'v3') {
        assert.match(stringToSign, /^ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
      } else {
        assert.ok(stringToSign.startsWith(`${probe.method}&%2F&`), stringToSign);
        assert.ok(stringToSign.includes(`AccessKeyId%3D${server.key.AccessKeyId}`), stringToSign);
        assert.ok(stringToSign.includes('Action%3DGetCallerIdentity'), stringToSign);
      }
    });

    test(`${probe.name}: an STS security token is InvalidSecurityToken.NotSupported (400)`, async () => {
      const err = await rejection(probe.call(server, server.key, IDENTITY, 'STS.token+/='));
      probe.check(err, { code: 'InvalidSecurityToken.NotSupported', status: 400 }, server);
    });
  }

  test('the right key still works after all those refusals', async () => {
    for (const probe of PROBES) {
      const body = await probe.call(server, server.key, IDENTITY);
      assert.deepEqual(dataOf(body), { AccountId: server.key.AccountId, AccessKeyId: server.key.AccessKeyId }, probe.name);
    }
  });
});

for (const [label, offset] of [['20 minutes ahead', TWENTY_MINUTES], ['20 minutes behind', -TWENTY_MINUTES]] as const) {
  describe(`a server clock ${label} of the client's`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ clock: shiftedClock(offset) });
    });
    after(() => server.stop());

    for (const probe of PROBES) {
      test(`${probe.name}: the request time is InvalidTimeStamp.Expired (400), naming the header or parameter`, async () => {
        const err = await rejection(probe.call(server, server.key, IDENTITY));
        const data = probe.check(err, { code: 'InvalidTimeStamp.Expired', status: 400 }, server);
        assert.ok(String(data.Message).includes(probe.signature === 'v3' ? 'x-acs-date=' : 'Timestamp='), String(data.Message));
      });
    }
  });
}

describe('a server clock 10 minutes off is still within the 15-minute window', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ clock: shiftedClock(10 * 60 * 1000) });
  });
  after(() => server.stop());

  for (const probe of PROBES) {
    test(`${probe.name}: GetCallerIdentity succeeds`, async () => {
      const body = await probe.call(server, server.key, IDENTITY);
      assert.deepEqual(dataOf(body), { AccountId: server.key.AccountId, AccessKeyId: server.key.AccessKeyId });
    });
  }
});
