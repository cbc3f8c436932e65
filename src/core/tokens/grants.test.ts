import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ManualClock } from '../../ports/clock.js';
import { SecretBox } from '../accounts/secret-box.js';
import { DomainError } from '../errors.js';
import { MQTT_CLIENT_PREFIX, MQTT_TOKEN_SECONDS } from './mqtt-grants.js';
import { tokenServices } from './token-services.js';

const root = mkdtempSync(path.join(tmpdir(), 'waihu-grants-'));
after(() => rmSync(root, { recursive: true, force: true }));
const clock = new ManualClock(1_700_000_000_000);
const master = randomBytes(32);
const services = tokenServices(root, new SecretBox(master), clock);

function refusal(code: string, param: string) {
  return (error: unknown) => error instanceof DomainError && error.code === code && error.param === param;
}

test('GetToken tokens: 30 minutes, account as sub, refused once expired', async () => {
  const { token, claims } = await services.tokens.issueAccessToken('1001', 'dyvms');
  assert.deepEqual([claims.sub, claims.token_type, claims.exp - claims.iat, claims.iat - claims.nbf], ['1001', 'dyvms', 1800, 60]);
  assert.equal((await services.tokens.verifyToken(token)).ok, true);
  const halfHourLater = tokenServices(root, new SecretBox(master), new ManualClock(clock.now() + 1800_000));
  assert.deepEqual(await halfHourLater.tokens.verifyToken(token).then((v) => !v.ok && v.reason), 'expired');
});

test('MQTT: a grant verifies, refresh extends it under the same session nonce, and ends when it expired', async () => {
  const grant = await services.mqtt.issue('1001');
  assert.match(grant.clientId, new RegExp(`^${MQTT_CLIENT_PREFIX.replace(/\W/g, '\\$&')}[0-9a-f]{40}$`));
  assert.equal(grant.expireTime, (Math.floor(clock.now() / 1000) + MQTT_TOKEN_SECONDS) * 1000);
  const verdict = await services.tokens.verifyToken(grant.token);
  assert.ok(verdict.ok && verdict.claims.token_type === 'mqtt' && verdict.claims.client_id === grant.clientId);

  clock.advance(MQTT_TOKEN_SECONDS * 1000 - 1000);
  const refreshed = await services.mqtt.refresh('1001', grant.clientId);
  assert.ok(refreshed.expireTime > grant.expireTime);
  assert.equal(refreshed.clientId.slice(0, 31), grant.clientId.slice(0, 31), 'prefix and session nonce stay');
  clock.advance(2000);
  assert.equal((await services.tokens.verifyToken(grant.token)).ok, false, 'the first token has expired');
  await assert.rejects(services.mqtt.refresh('1001', grant.clientId), refusal('InvalidArgument', 'ClientId'));
  const again = await services.mqtt.refresh('1001', refreshed.clientId);
  assert.equal((await services.tokens.verifyToken(again.token)).ok, true, 'the refreshed client can refresh again');
});

test('MQTT: another account, a forged expiry or a made-up id is refused', async () => {
  const grant = await services.mqtt.issue('1001');
  await assert.rejects(services.mqtt.refresh('2002', grant.clientId), refusal('NotFound', 'ClientId'));
  const body = grant.clientId.slice(MQTT_CLIENT_PREFIX.length);
  const later = (Number.parseInt(body.slice(16, 24), 16) + 86_400).toString(16).padStart(8, '0');
  await assert.rejects(services.mqtt.refresh('1001', `${MQTT_CLIENT_PREFIX}${body.slice(0, 16)}${later}${body.slice(24)}`), refusal('NotFound', 'ClientId'));
  await assert.rejects(services.mqtt.refresh('1001', 'GID_VOIP_CRC@@@709923dcd8fa41ef'), refusal('InvalidArgument', 'ClientId'));
});

test('RTC: one id per device and account, random without a device; the login token names user and device', async () => {
  const a = await services.rtc.accountId('1001', 'device-1');
  assert.match(a, /^2\d{9}$/);
  assert.equal(await services.rtc.accountId('1001', 'device-1'), a);
  assert.notEqual(await services.rtc.accountId('1001', 'device-2'), a);
  assert.notEqual(await services.rtc.accountId('2002', 'device-1'), a);
  assert.match(await services.rtc.accountId('1001'), /^2\d{9}$/);
  const { module, issued } = await services.rtc.login('1001', { userId: a, deviceId: 'device-1', isCustomAccount: false });
  assert.equal(module.tokenData, issued.token);
  const verdict = await services.tokens.verifyToken(String(module.tokenData));
  assert.ok(verdict.ok);
  assert.deepEqual([verdict.claims.token_type, verdict.claims.user_id, verdict.claims.device_id, verdict.claims.custom_account], ['rtc', a, 'device-1', false]);
});
