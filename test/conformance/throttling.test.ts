// Flow control as docs/errors.md promises it (Throttling.User / Throttling.Api, 400, x-acs-retry-after in ms) and
// as openapi-core turns it into a ThrottlingError with retryAfter (vector sdk-15). The server runs on a clock that
// stands still, so buckets refill only when the test moves it and the counts below are exact.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../../src/ports/clock.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { PROBES } from '../support/probes.js';
import { openApiCore, WAIHU, type KeyPair } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, type SdkError } from '../support/sdk-errors.js';
import { TARGET_KEY_PARAM } from '../support/tea-client-suite.js';

/** The documented per-AccessKey QPS of the AccessKey actions (src/gateway/products/waihu/access-keys.ts). */
const PER_USER_QPS = 20;
const API_QPS = 200;

interface Outcome {
  ok: number;
  throttled: SdkError[];
  other: unknown[];
}

async function fire(times: number, send: () => Promise<unknown>): Promise<Outcome> {
  const settled = await Promise.allSettled(Array.from({ length: times }, send));
  const out: Outcome = { ok: 0, throttled: [], other: [] };
  for (const s of settled) {
    if (s.status === 'fulfilled') out.ok += 1;
    else if (String((s.reason as SdkError).code).startsWith('Throttling')) out.throttled.push(s.reason as SdkError);
    else out.other.push(s.reason);
  }
  return out;
}

describe('throttling on a stopped clock', () => {
  let server: TestServer;
  const clock = new ManualClock(Date.now());
  const list = (key: KeyPair) => () => openApiCore(server.host, key).call({ version: WAIHU, action: 'ListAccessKeys' });

  before(async () => {
    server = await startTestServer({ clock });
  });
  after(() => server.stop());

  test(`ListAccessKeys: exactly ${PER_USER_QPS} calls pass, the rest are Throttling.User with retryAfter 50 ms`, async () => {
    const key = await server.app.accessKeys.createAccessKey(server.key.AccountId, 'list');
    const outcome = await fire(PER_USER_QPS + 5, list(key));
    assert.deepEqual(outcome.other, []);
    assert.equal(outcome.ok, PER_USER_QPS);
    assert.equal(outcome.throttled.length, 5);
    for (const err of outcome.throttled) {
      const data = assertOpenApiCoreError(err, { code: 'Throttling.User', status: 400, kind: 'ThrottlingError' });
      assert.equal(data.Message, 'Request was denied due to user flow control.');
      assert.equal(err.retryAfter, 1000 / PER_USER_QPS, 'x-acs-retry-after: one token at 20/s is 50 ms away');
    }
  });

  test('waiting retryAfter lets exactly one more call through; other keys and unthrottled actions are unaffected', async () => {
    const key = await server.app.accessKeys.createAccessKey(server.key.AccountId, 'patient');
    await fire(PER_USER_QPS, list(key));
    const refused = await fire(1, list(key));
    assert.equal(refused.throttled.length, 1);
    clock.advance(refused.throttled[0]?.retryAfter ?? Number.NaN);
    const after = await fire(2, list(key));
    assert.equal(after.ok, 1);
    assert.equal(after.throttled.length, 1);

    const neighbour = await server.app.accessKeys.createAccessKey(server.key.AccountId, 'neighbour');
    assert.equal((await fire(1, list(neighbour))).ok, 1, 'the bucket is per AccessKey');
    const identity = await openApiCore(server.host, key).call({ version: WAIHU, action: 'GetCallerIdentity' });
    assert.equal((identity.body.Data as Record<string, unknown>).AccessKeyId, key.AccessKeyId, 'GetCallerIdentity has no QPS limit');
  });

  test(`UpdateAccessKey fired ${PER_USER_QPS + 10} times: the calls beyond ${PER_USER_QPS} are ThrottlingError with a numeric retryAfter`, async () => {
    const caller = await server.app.accessKeys.createAccessKey(server.key.AccountId, 'updater');
    const target = await server.app.accessKeys.createAccessKey(server.key.AccountId, 'target');
    const client = openApiCore(server.host, caller);
    const outcome = await fire(PER_USER_QPS + 10, () =>
      client.call({ version: WAIHU, action: 'UpdateAccessKey', params: { [TARGET_KEY_PARAM]: target.AccessKeyId, Status: 'Active' } }),
    );
    // Only the throttled share is asserted here: the calls that pass meet the AccessKeyId bug (tea-client-suite.ts).
    assert.equal(outcome.throttled.length, 10);
    for (const err of outcome.throttled) {
      assertOpenApiCoreError(err, { code: 'Throttling.User', status: 400, kind: 'ThrottlingError' });
      assert.equal(typeof err.retryAfter, 'number');
      assert.ok(Number.isInteger(err.retryAfter) && (err.retryAfter ?? 0) > 0, `retryAfter ${String(err.retryAfter)}`);
    }
  });

  test('openapi-client and pop-core report Throttling.User in their own shapes', async () => {
    for (const probe of PROBES.filter((p) => !p.name.startsWith('openapi-core'))) {
      const key = await server.app.accessKeys.createAccessKey(server.key.AccountId, probe.name);
      const outcome = await fire(PER_USER_QPS + 1, () => probe.call(server, key, { version: WAIHU, action: 'ListAccessKeys' }));
      assert.equal(outcome.ok, PER_USER_QPS, probe.name);
      assert.equal(outcome.throttled.length, 1, probe.name);
      probe.check(outcome.throttled[0] as SdkError, { code: 'Throttling.User', status: 400 }, server);
    }
  });

  test(`beyond ${API_QPS} calls per second across keys the action answers Throttling.Api`, async () => {
    clock.advance(1000);
    const keys = await Promise.all(Array.from({ length: 11 }, (_, i) => server.app.accessKeys.createAccessKey(server.key.AccountId, `api ${i}`)));
    const outcomes = [];
    for (const key of keys) outcomes.push(await fire(PER_USER_QPS, list(key)));
    assert.equal(outcomes.reduce((n, o) => n + o.ok, 0), API_QPS);
    const throttled = outcomes.flatMap((o) => o.throttled);
    assert.equal(throttled.length, 11 * PER_USER_QPS - API_QPS);
    for (const err of throttled) {
      const data = assertOpenApiCoreError(err, { code: 'Throttling.Api', status: 400, kind: 'ThrottlingError' });
      assert.equal(data.Message, 'Request was denied due to api flow control.');
      assert.equal(err.retryAfter, 1000 / API_QPS);
    }
  });
});
