// dyvms QueryCallDetailByCallId through the official clients against a real server whose simulated carrier runs 100x
// faster: a finished LlmSmartCall and a finished SingleCallByTts are found under their product's ProdId and today's
// QueryDate with the documented Data fields; another day, another product, another account or an unknown CallId
// answers Code OK with Data null; malformed parameters are refused in the documented error format.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatDate } from '../../src/core/local-time.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { WAIHU } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import { CLIENTS, defaultTenant, otherTenant, via, type ClientName, type Tenant } from './aiccs-kit.js';
import { created, waihu } from './waihu-kit.js';
import { dyvmsBody as dyvms } from './dyvms-kit.js';

const ZONE = 'Asia/Shanghai';
const SMART_CALL = '11030000180001';
const NOTIFICATION = '11000000300006';
const VERIFICATION_CODE = '11010000138001';
const DAY_MS = 86_400_000;
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** QueryCallDetailByCallId's parsed Data (null when nothing was found), after checking the envelope. */
async function detail(client: ClientName, t: Tenant, callId: string, prodId: string, queryDate = Date.now()): Promise<Record<string, unknown> | null> {
  const body = await dyvms(client, t, 'QueryCallDetailByCallId', { CallId: callId, ProdId: prodId, QueryDate: queryDate });
  assert.deepEqual([body.Code, body.Message, typeof body.RequestId], ['OK', 'OK', 'string']);
  assert.ok(body.Data === null || typeof body.Data === 'string', `Data is JSON text or null, not ${typeof body.Data}`);
  return body.Data === null ? null : (JSON.parse(String(body.Data)) as Record<string, unknown>);
}

/** Polls until the call has a final state; its Data. */
async function finished(t: Tenant, callId: string, prodId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const data = await detail('openapi-core V3', t, callId, prodId);
    if (data && data.endDate !== '' && !['200101', '200201', '200102'].includes(String(data.state))) return data;
    await sleep(50);
  }
  throw new Error(`call ${callId} did not end`);
}

/** Asserts the query is refused with that code and status; the error body. */
async function refused(client: ClientName, t: Tenant, params: Record<string, unknown>, code: string, message: RegExp) {
  const err = await rejection(dyvms(client, t, 'QueryCallDetailByCallId', params));
  const body = client === 'pop-core V1' ? assertPopCoreError(err, { code, status: 400 }, `${t.url}/`) : assertOpenApiCoreError(err, { code, status: 400, kind: 'ClientError' });
  assert.match(String(body.Message), message);
}

describe('dyvms QueryCallDetailByCallId', () => {
  let server: TestServer;
  let t: Tenant;
  let smartCallId: string;
  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.01 } });
    t = defaultTenant(server);
    const app = String((await t.core.call({ version: WAIHU, action: 'CreateLlmApplication', params: { Name: '回访', Prompt: '你是回访专员。', StartWord: '您好，我是客服小云，方便吗？' } })).body.Data);
    const placed = await via('openapi-core V3', t, 'LlmSmartCall', {
      CalledNumber: '13800000015', CallerNumber: '057100000001', ApplicationCode: app, StartWordParam: { sim_persona: 'cooperative' },
    });
    smartCallId = String(placed.CallId);
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: a finished LlmSmartCall is found as a smart call with today's QueryDate`, async () => {
      const data = await finished(t, smartCallId, SMART_CALL);
      const again = await detail(client, t, smartCallId, SMART_CALL);
      assert.deepEqual(again, data);
      assert.deepEqual(Object.keys(data), [
        'caller', 'startDate', 'stateDesc', 'duration', 'callerShowNumber', 'gmtCreate', 'state', 'endDate', 'calleeShowNumber', 'bRingTime', 'bEndTime', 'callee',
      ]);
      assert.deepEqual([data.caller, data.callerShowNumber, data.calleeShowNumber, data.callee], ['057100000001', '057100000001', '057100000001', '13800000015']);
      assert.deepEqual([data.state, data.stateDesc], ['200000', '用户接通']);
      for (const field of ['gmtCreate', 'startDate', 'endDate', 'bRingTime', 'bEndTime']) assert.match(String(data[field]), TIME, field);
      assert.equal(String(data.gmtCreate).slice(0, 10), formatDate(Date.now(), ZONE));
      assert.equal(typeof data.duration, 'number');
      assert.ok(String(data.startDate) <= String(data.endDate));
    });

    test(`${client}: another day, another product, another account or an unknown CallId answers Data null`, async () => {
      await finished(t, smartCallId, SMART_CALL);
      assert.equal(await detail(client, t, smartCallId, SMART_CALL, Date.now() - DAY_MS), null);
      assert.equal(await detail(client, t, smartCallId, SMART_CALL, Date.now() + DAY_MS), null);
      for (const prodId of [NOTIFICATION, VERIFICATION_CODE, '11000000300005', '11000000300004', '11000000300009']) {
        assert.equal(await detail(client, t, smartCallId, prodId), null, prodId);
      }
      const other = await otherTenant(server, `call detail stranger ${client}`);
      assert.equal(await detail(client, other, smartCallId, SMART_CALL), null);
      assert.equal(await detail(client, t, '1^2', SMART_CALL), null);
    });

    test(`${client}: malformed parameters are refused naming the parameter`, async () => {
      const good = { CallId: smartCallId, ProdId: SMART_CALL, QueryDate: Date.now() };
      await refused(client, t, { ...good, ProdId: '12345' }, 'InvalidParameter', /ProdId/);
      await refused(client, t, { ...good, ProdId: 'abc' }, 'InvalidParameter', /ProdId/);
      await refused(client, t, { ...good, QueryDate: '2026-03-02' }, 'InvalidParameter', /QueryDate/);
      await refused(client, t, { ...good, QueryDate: -1 }, 'InvalidParameter', /QueryDate/);
      const { CallId: _c, ...noCallId } = good;
      await refused(client, t, noCallId, 'MissingCallId', /CallId/);
      const { QueryDate: _q, ...noDate } = good;
      await refused(client, t, noDate, 'MissingQueryDate', /QueryDate/);
      const { ProdId: _p, ...noProd } = good;
      await refused(client, t, noProd, 'MissingProdId', /ProdId/);
    });
  }

  test('a SingleCallByTts with a verification-code template is found as a notification or a verification code', async () => {
    const client = 'pop-core V1';
    const owner = await otherTenant(server, 'call detail tts');
    await waihu(client, owner, 'AddCallerNumber', { PhoneNumber: '057100001111' });
    const code = await created(client, owner, 'CreateTtsTemplate', { Name: '验证码', Content: '您的验证码是${code}。', Type: 'CODE' });
    const placed = await dyvms(client, owner, 'SingleCallByTts', { CalledNumber: '13800000015', CalledShowNumber: '057100001111', TtsCode: code, TtsParam: '{"code":"1234"}' });
    const callId = String(placed.CallId);
    const data = await finished(owner, callId, VERIFICATION_CODE);
    assert.deepEqual([data.caller, data.callee, data.state], ['057100001111', '13800000015', '200000']);
    assert.deepEqual(await detail('openapi-core V3', owner, callId, NOTIFICATION), data);
    assert.equal(await detail(client, owner, callId, SMART_CALL), null);
  });
});
