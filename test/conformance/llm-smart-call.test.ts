// LlmSmartCall and its companions through the official clients against a real server whose simulated carrier runs
// 100x faster: a call to an LLM application (on the script engine: no model is configured) is placed, talked through
// with a simulated callee, and its dialog read back through aiccs GetCallDialogContent and thirdswaicall
// QueryOutboundCallDetail; tags are replaced; HangupOperate ends a live call; ListAvailableTts lists the voices; bad
// input and other accounts' calls are refused in the documented error format.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { formatDate } from '../../src/core/local-time.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { popCore, WAIHU } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import { CLIENTS, defaultTenant, expectError, otherTenant, shrink, via, type Tenant } from './aiccs-kit.js';

const THIRD = '2025-11-27';
const ZONE = 'Asia/Shanghai';
const today = () => formatDate(Date.now(), ZONE);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A waihu or thirdswaicall action through openapi-core (V3, query) — the way both products' samples call. */
async function call(t: Tenant, version: string, action: string, params: Record<string, unknown>) {
  return (await t.core.call({ version, action, params: shrink(params) })).body;
}

/** Polls GetCallDialogContent until the call has ended (CallStatus 0 or 2); returns its Data. */
async function ended(t: Tenant, callId: string): Promise<{ CallStatus: number; DialogContent: string; CallId: string }> {
  for (let i = 0; i < 200; i++) {
    const body = await via('openapi-core V3', t, 'GetCallDialogContent', { CallId: callId, CallDate: today() });
    const data = body.Data as { CallStatus: number; DialogContent: string; CallId: string };
    if (data.CallStatus !== 1 && (data.CallStatus === 2 || i > 20)) return data;
    await sleep(50);
  }
  throw new Error(`call ${callId} did not end`);
}

describe('LlmSmartCall and the call queries', () => {
  let server: TestServer;
  let t: Tenant;
  let app: string;
  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.01 } });
    t = defaultTenant(server);
    const created = await call(t, WAIHU, 'CreateLlmApplication', { Name: '回访', Prompt: '你是回访专员，为${product}做满意度回访。', StartWord: '您好${name}，我是客服小云，想做个简短回访，方便吗？' });
    app = String(created.Data);
  });
  after(() => server?.stop());

  const smartCall = (extra: Record<string, unknown> = {}) => ({
    CalledNumber: '13800000015', CallerNumber: '057100000001', ApplicationCode: app,
    StartWordParam: { name: '张先生', sim_persona: 'cooperative' }, PromptParam: { product: '信用卡' }, OutId: 'order-1', ...extra,
  });

  for (const client of CLIENTS) {
    test(`${client}: the call is talked through and its dialog, summary and tags are read back`, async () => {
      const body = await via(client, t, 'LlmSmartCall', smartCall());
      assert.equal(body.Code, 'OK');
      const callId = String(body.CallId);
      assert.match(callId, /^\d+\^\d+$/);
      const dialog = await ended(t, callId);
      assert.equal(dialog.CallStatus, 2);
      const turns = JSON.parse(dialog.DialogContent) as { role: string; content: string }[];
      assert.deepEqual(turns[0], { role: 'assistant', content: '您好张先生，我是客服小云，想做个简短回访，方便吗？' });
      assert.ok(turns.some((turn) => turn.role === 'user'), 'the simulated callee answered');
      const detail = (await call(t, THIRD, 'QueryOutboundCallDetail', { CallId: callId })) as { Success: boolean; Code: unknown; Data: Record<string, unknown> };
      assert.equal(detail.Success, true);
      assert.equal(detail.Code, null);
      assert.equal(detail.Data.CallId, callId);
      assert.equal(detail.Data.PhoneNumber, '13800000015');
      assert.equal(detail.Data.CallStatus, 'ANSWERED');
      assert.match(String(detail.Data.CallTime), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      assert.equal((JSON.parse(String(detail.Data.DialogContent)) as unknown[]).length, turns.length);
      assert.equal(typeof detail.Data.Summary, 'string');
    });
  }

  test('UpdateOutboundCallTags replaces the tags, which QueryOutboundCallDetail then returns exactly; a bad list is refused', async () => {
    const callId = String((await via('openapi-core V3', t, 'LlmSmartCall', smartCall())).CallId);
    await ended(t, callId);
    for (const tags of [['有意向', '需跟进'], ['已成交']]) {
      const updated = await call(t, THIRD, 'UpdateOutboundCallTags', { CallId: callId, Tags: JSON.stringify(tags) });
      assert.deepEqual(updated.Data, { Success: true, Message: '标签更新成功' });
      const detail = await call(t, THIRD, 'QueryOutboundCallDetail', { CallId: callId });
      assert.deepEqual(JSON.parse(String((detail.Data as Record<string, unknown>).Tags)), tags);
    }
    const err = await rejection(call(t, THIRD, 'UpdateOutboundCallTags', { CallId: callId, Tags: '{"not":"an array"}' }));
    assertOpenApiCoreError(err, { code: 'InvalidParameter', status: 400, kind: 'ClientError' });
  });

  test('HangupOperate ends a live call (Result true), then answers false; an unknown CallId is InvalidParameter.CallId', async () => {
    const callId = String((await via('openapi-core V3', t, 'LlmSmartCall', smartCall({ StartWordParam: { name: '李女士', sim_persona: 'silent' } }))).CallId);
    const live = await via('pop-core V1', t, 'HangupOperate', { CallId: callId, ImmediateHangup: true });
    assert.equal(live.Result, true);
    assert.equal(live.Code, 'OK');
    await ended(t, callId);
    assert.equal((await via('openapi-core V3', t, 'HangupOperate', { CallId: callId })).Result, false);
    for (const client of CLIENTS) {
      await expectError(client, t, 'HangupOperate', { CallId: '1^2' }, { code: 'InvalidParameter.CallId', status: 400 });
    }
  });

  test('LlmSmartCallEncrypt dials the number behind a SHA-256 digest from the number directory', async () => {
    await call(t, WAIHU, 'AddDirectoryNumbers', { PhoneNumbers: ['13800000015'] });
    const digest = createHash('sha256').update('13800000015').digest('hex');
    const body = await via('pop-core V1', t, 'LlmSmartCallEncrypt', { EncryptCalledNumber: digest, CallerNumber: '057100000001', ApplicationCode: app, StartWordParam: { name: '王先生' } });
    const callId = String((body.Data as Record<string, unknown>).CallId);
    const detail = await call(t, THIRD, 'QueryOutboundCallDetail', { CallId: callId });
    assert.equal((detail.Data as Record<string, unknown>).PhoneNumber, '13800000015');
    const unknown = createHash('sha256').update('13900000000').digest('hex');
    await expectError('openapi-core V3', t, 'LlmSmartCallEncrypt', { EncryptCalledNumber: unknown, CallerNumber: '057100000001', ApplicationCode: app }, { code: 'InvalidParameter', status: 400, message: /EncryptCalledNumber/ });
  });

  for (const client of CLIENTS) {
    test(`${client}: bad LlmSmartCall input is refused with the documented codes`, async () => {
      const { CallerNumber: _omitted, ...noCaller } = smartCall();
      await expectError(client, t, 'LlmSmartCall', noCaller, { code: 'MissingParameter.CallerNumber', status: 400 });
      await expectError(client, t, 'LlmSmartCall', smartCall({ ApplicationCode: 'ANOSUCHAPP1' }), { code: 'InvalidParameter.ApplicationCode', status: 400 });
      await expectError(client, t, 'LlmSmartCall', smartCall({ TtsSpeed: 500 }), { code: 'InvalidParameter', status: 400, message: /TtsSpeed/ });
      await expectError(client, t, 'LlmSmartCall', smartCall({ TtsVoiceCode: 'NOVOICE' }), { code: 'InvalidParameter', status: 400, message: /TtsVoiceCode/ });
      await expectError(client, t, 'LlmSmartCall', smartCall({ CalledNumber: 'abc' }), { code: 'InvalidParameter', status: 400, message: /CalledNumber/ });
    });
  }

  test('GetCallDialogContent: CallDate must be a recent yyyy-MM-dd day, and the call must be from that day', async () => {
    const callId = String((await via('openapi-core V3', t, 'LlmSmartCall', smartCall())).CallId);
    await expectError('openapi-core V3', t, 'GetCallDialogContent', { CallId: callId, CallDate: '2026/01/01' }, { code: 'InvalidParameter', status: 400, message: /CallDate/ });
    const old = formatDate(Date.now() - 40 * 86_400_000, ZONE);
    await expectError('openapi-core V3', t, 'GetCallDialogContent', { CallId: callId, CallDate: old }, { code: 'InvalidParameter', status: 400, message: /CallDate/ });
    const yesterday = formatDate(Date.now() - 86_400_000, ZONE);
    await expectError('pop-core V1', t, 'GetCallDialogContent', { CallId: callId, CallDate: yesterday }, { code: 'InvalidParameter.CallId', status: 400 });
    await ended(t, callId);
  });

  test('another account sees none of these calls', async () => {
    const callId = String((await via('openapi-core V3', t, 'LlmSmartCall', smartCall())).CallId);
    await ended(t, callId);
    const other = await otherTenant(server, 'other');
    await expectError('openapi-core V3', other, 'GetCallDialogContent', { CallId: callId, CallDate: today() }, { code: 'InvalidParameter.CallId', status: 400 });
    await expectError('pop-core V1', other, 'HangupOperate', { CallId: callId }, { code: 'InvalidParameter.CallId', status: 400 });
    const err = await rejection(call(other, THIRD, 'QueryOutboundCallDetail', { CallId: callId }));
    assertOpenApiCoreError(err, { code: 'InvalidCallId.NotFound', status: 404, kind: 'ClientError' });
    const tagErr = await rejection(popCore(other.url, THIRD, other.key).request('UpdateOutboundCallTags', { CallId: callId, Tags: '["x"]' }, 'POST'));
    assertPopCoreError(tagErr, { code: 'InvalidCallId.NotFound', status: 404 }, `${other.url}/`);
  });

  test('ListAvailableTts lists the simulated voices, or the one named', async () => {
    const all = (await via('openapi-core V3', t, 'ListAvailableTts', {})).Data as Record<string, unknown>[];
    assert.ok(all.length >= 2);
    for (const voice of all) assert.deepEqual(Object.keys(voice).sort(), ['TtsEngine', 'TtsStyle', 'TtsVoiceCode', 'TtsVoiceName']);
    const one = (await via('pop-core V1', t, 'ListAvailableTts', { TtsVoiceCode: all[0]?.TtsVoiceCode })).Data as unknown[];
    assert.equal(one.length, 1);
    assert.deepEqual((await via('pop-core V1', t, 'ListAvailableTts', { TtsVoiceCode: 'NONE' })).Data, []);
  });
});

