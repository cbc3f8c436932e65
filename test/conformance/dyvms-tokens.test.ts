// dyvms token actions through both official clients: GetToken, GetMqttToken, RefreshMqttToken, AddRtcAccount and
// GetRtcToken answer in the documented shapes, every token verifies with <dataDir>/token-keys/public-key.pem, and bad
// input is refused with the documented code, the status and a message naming the parameter.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyJwt, type TokenClaims } from '../../src/core/tokens/jwt.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { DYVMS, popCore } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, assertPopCoreError, REQUEST_ID, rejection } from '../support/sdk-errors.js';
import { CLIENTS, otherTenant, type ClientName, type Tenant } from './aiccs-kit.js';

function call(client: ClientName, t: Tenant, action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  if (client === 'pop-core V1') return popCore(t.url, DYVMS, t.key).request(action, params, 'POST');
  return t.core.call({ version: DYVMS, action, params }).then((r) => r.body);
}

async function refused(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, code: string, status: number, message: RegExp) {
  const err = await rejection(call(client, t, action, params));
  const body = client === 'pop-core V1'
    ? assertPopCoreError(err, { code, status }, `${t.url}/`)
    : assertOpenApiCoreError(err, { code, status, kind: 'ClientError' });
  assert.match(String(body.Message), message);
}

describe('dyvms tokens', () => {
  let server: TestServer;
  let verify: (token: string) => TokenClaims;
  before(async () => {
    server = await startTestServer();
    verify = (token) => {
      const pem = readFileSync(path.join(server.app.config.dataDir, 'token-keys', 'public-key.pem'), 'utf8');
      const verdict = verifyJwt(token, pem, Date.now());
      assert.ok(verdict.ok, `the token verifies with the public key: ${verdict.ok ? '' : verdict.detail}`);
      return verdict.claims;
    };
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: GetToken returns a 30-minute RS256 JWT for the account`, async () => {
      const t = await otherTenant(server, `get token ${client}`);
      const body = await call(client, t, 'GetToken', { TokenType: 'dyvms' });
      assert.deepEqual(Object.keys(body).sort(), ['Code', 'Message', 'RequestId', 'Success', 'Token']);
      assert.deepEqual([body.Code, body.Message, body.Success], ['OK', 'OK', true]);
      assert.match(String(body.RequestId), REQUEST_ID);
      const header = JSON.parse(Buffer.from(String(body.Token).split('.')[0] ?? '', 'base64url').toString()) as Record<string, unknown>;
      assert.equal(header.alg, 'RS256');
      const claims = verify(String(body.Token));
      assert.deepEqual([claims.iss, claims.sub, claims.token_type, claims.exp - claims.iat], ['waihu', t.accountId, 'dyvms', 1800]);
      const tampered = String(body.Token).replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url')}.`);
      assert.equal(verifyJwt(tampered, readFileSync(path.join(server.app.config.dataDir, 'token-keys', 'public-key.pem'), 'utf8'), Date.now()).ok, false);
    });

    test(`${client}: GetToken without TokenType or with an unknown one gets InvalidParameters naming TokenType`, async () => {
      const t = await otherTenant(server, `bad token ${client}`);
      await refused(client, t, 'GetToken', {}, 'InvalidParameters', 400, /TokenType is mandatory/);
      await refused(client, t, 'GetToken', { TokenType: 'sms' }, 'InvalidParameters', 400, /TokenType "sms"/);
    });

    test(`${client}: GetMqttToken and RefreshMqttToken answer Code 200 with Data; refresh extends the client's token`, async () => {
      const t = await otherTenant(server, `mqtt ${client}`);
      const got = await call(client, t, 'GetMqttToken');
      assert.deepEqual([got.Code, got.Message], ['200', 'OK']);
      const data = got.Data as Record<string, unknown>;
      assert.deepEqual(Object.keys(data).sort(), ['ClientId', 'ExpireTime', 'Host', 'InstanceId', 'P2pTopic', 'ServerId', 'Token', 'Username']);
      assert.equal(data.Username, t.key.AccessKeyId);
      assert.match(String(data.ClientId), /^GID_VOIP_CRC@@@[0-9a-f]{40}$/);
      const claims = verify(String(data.Token));
      assert.deepEqual([claims.sub, claims.token_type, claims.client_id, String(claims.exp * 1000)], [t.accountId, 'mqtt', data.ClientId, data.ExpireTime]);

      const refreshed = await call(client, t, 'RefreshMqttToken', { ClientId: data.ClientId });
      assert.equal(refreshed.Code, '200');
      const next = refreshed.Data as Record<string, unknown>;
      assert.ok(Number(next.ExpireTime) >= Number(data.ExpireTime));
      assert.equal(verify(String(next.Token)).client_id, next.ClientId);
    });

    test(`${client}: RefreshMqttToken refuses a missing, made-up or another account's ClientId`, async () => {
      const owner = await otherTenant(server, `mqtt owner ${client}`);
      const stranger = await otherTenant(server, `mqtt stranger ${client}`);
      const clientId = String(((await call(client, owner, 'GetMqttToken')).Data as Record<string, unknown>).ClientId);
      await refused(client, stranger, 'RefreshMqttToken', { ClientId: clientId }, 'InvalidClientId.NotFound', 404, /not issued to this account/);
      await refused(client, owner, 'RefreshMqttToken', {}, 'MissingClientId', 400, /ClientId is mandatory/);
      await refused(client, owner, 'RefreshMqttToken', { ClientId: 'GID_VOIP_CRC@@@abc' }, 'InvalidParameter', 400, /parameter "ClientId"/);
    });

    test(`${client}: AddRtcAccount gives one id per device; GetRtcToken returns the token object as JSON text`, async () => {
      const t = await otherTenant(server, `rtc ${client}`);
      const added = await call(client, t, 'AddRtcAccount', { DeviceId: 'device-1' });
      assert.deepEqual([added.Code, added.Message], ['OK', '请求成功']);
      assert.match(String(added.Module), /^2\d{9}$/);
      assert.equal((await call(client, t, 'AddRtcAccount', { DeviceId: 'device-1' })).Module, added.Module);
      assert.match(String((await call(client, t, 'AddRtcAccount')).Module), /^2\d{9}$/);

      const body = await call(client, t, 'GetRtcToken', { UserId: added.Module, DeviceId: 'device-1', IsCustomAccount: false });
      assert.deepEqual([body.Code, body.Message, typeof body.Module], ['OK', '请求成功', 'string']);
      const module = JSON.parse(String(body.Module)) as Record<string, unknown>;
      const documented = ['cleansession', 'clientId', 'conferenceTopic', 'host', 'meetingEventKeepAliveInterval', 'phoneTopic', 'port',
        'reconnectTimeout', 'registerTime', 'sdkClientPort', 'serverId', 'sgwServerTopic', 'tlsport', 'tokenData', 'useTLS'];
      assert.deepEqual(Object.keys(module).sort(), documented.sort());
      const claims = verify(String(module.tokenData));
      assert.deepEqual([claims.sub, claims.token_type, claims.user_id, claims.device_id], [t.accountId, 'rtc', String(added.Module), 'device-1']);
    });

    test(`${client}: GetRtcToken without UserId or DeviceId is refused naming the parameter`, async () => {
      const t = await otherTenant(server, `bad rtc ${client}`);
      await refused(client, t, 'GetRtcToken', { DeviceId: 'd' }, 'MissingUserId', 400, /UserId is mandatory/);
      await refused(client, t, 'GetRtcToken', { UserId: '2000000001' }, 'MissingDeviceId', 400, /DeviceId is mandatory/);
      await refused(client, t, 'GetRtcToken', { UserId: 'u', DeviceId: 'd', IsCustomAccount: 'maybe' }, 'InvalidParameter', 400, /"IsCustomAccount"/);
    });
  }
});
