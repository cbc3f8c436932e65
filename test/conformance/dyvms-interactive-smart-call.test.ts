// dyvms SmartCall, SmartCallOperate and GetCallInfo through the official clients against a real server whose
// simulated carrier runs 100x faster, with the customer's callback server played by an HTTP server this test starts:
// the call's events reach it with the call id and DynamicId, its replies are carried out and show in the dialog; a
// parallelBridge ordered while the call is live brings a simulated agent who talks with the callee until the end;
// GetCallInfo follows a call through Calling, Talking and Idle; bad input answers the documented errors.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { BRIDGE_NOTICE } from '../../src/flows/bridge-flow.js';
import { SMART_CALL_CALLBACK_TYPE } from '../../src/gateway/products/dyvmsapi/interactive/interactive-services.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { CLIENTS, otherTenant, type ClientName, type Tenant } from './aiccs-kit.js';
import { callDetail, dialogOf, dyvms, refused, sleep, xmlCall } from './dyvms-interactive-kit.js';
import { waihu } from './waihu-kit.js';

const SHOW = '057100003333';
const SMART_PRODUCT = '11030000180001';
const GREETING = '您好张先生，这里是客服中心，想跟您确认一下订单信息，方便吗？';

/** One event as the callback server received it. */
interface Received {
  callId: string;
  contentType: string;
  dynamicId: string | undefined;
  content: Record<string, unknown>;
}

/** The customer's callback server: replies by how many events of the call came before. */
async function startCallbackServer(reply: (event: Received, nth: number) => unknown): Promise<{ url: string; events: Received[]; server: Server }> {
  const events: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      const event: Received = {
        callId: query.get('call_id') ?? '', contentType: query.get('content_type') ?? '', dynamicId: query.get('dynamic_id') ?? undefined,
        content: JSON.parse(query.get('content') ?? '{}') as Record<string, unknown>,
      };
      const nth = events.filter((e) => e.callId === event.callId).length;
      events.push(event);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply(event, nth)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/smartcall?token=t1`, events, server };
}

const play = (text: string) => ({ result: 'success', msg: '成功', data: { action: 'play', action_code: '$line$', action_code_param: { line: text } } });
const hangup = (text: string) => ({ result: 'success', msg: '成功', data: { action: 'hangup', action_code: '$line$', action_code_param: { line: text } } });

describe('dyvms SmartCall, SmartCallOperate and GetCallInfo', () => {
  let server: TestServer;
  let scripted: Awaited<ReturnType<typeof startCallbackServer>>;
  let endless: Awaited<ReturnType<typeof startCallbackServer>>;
  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.01 } });
    // Two turns, then the customer ends the call.
    scripted = await startCallbackServer((_e, nth) => (nth === 0 ? play('好的，您的订单明天发货，请注意查收。') : hangup('感谢您的接听，再见。')));
    // Keeps the robot talking until something else ends the call (a bridge, a hang-up).
    endless = await startCallbackServer(() => play('请问还有其他问题吗？'));
  });
  after(async () => {
    scripted?.server.close();
    endless?.server.close();
    await server?.stop();
  });

  /** A fresh account with a caller number and, unless told otherwise, its SmartCall callback URL. */
  async function account(client: ClientName, name: string, url: string | undefined): Promise<Tenant> {
    const t = await otherTenant(server, `${name} ${client}`);
    await waihu(client, t, 'AddCallerNumber', { PhoneNumber: SHOW });
    if (url) await waihu(client, t, 'SetReceiptConfig', { MessageType: SMART_CALL_CALLBACK_TYPE, Url: url });
    return t;
  }

  const request = (callee: string, persona = 'cooperative', extra: Record<string, unknown> = {}) => ({
    CalledNumber: callee, CalledShowNumber: SHOW, VoiceCode: '$greet$', VoiceCodeParam: JSON.stringify({ greet: GREETING, sim_persona: persona }),
    DynamicId: 'dyn-1', MuteTime: 5000, OutId: 'sc-1', ...extra,
  });

  for (const client of CLIENTS) {
    test(`${client}: the customer's server drives the call; its events carry the call id and DynamicId`, async () => {
      const t = await account(client, 'driven', scripted.url);
      const body = await dyvms(client, t, 'SmartCall', request('13800000015'));
      assert.deepEqual([body.Code, body.Message], ['OK', 'OK']);
      const callId = String(body.CallId);
      const turns = await dialogOf(t, callId);
      const ours = turns.filter((turn) => turn.role === 'assistant').map((turn) => turn.content);
      assert.deepEqual(ours, [GREETING, '好的，您的订单明天发货，请注意查收。', '感谢您的接听，再见。']);
      assert.ok(turns.some((turn) => turn.role === 'user'), 'the simulated callee answered');
      const events = scripted.events.filter((e) => e.callId === callId);
      assert.equal(events.length, 2);
      assert.ok(events.every((e) => e.dynamicId === 'dyn-1' && ['normal', 'mute'].includes(e.contentType)), JSON.stringify(events));
      const detail = await callDetail(client, t, callId, SMART_PRODUCT);
      assert.deepEqual([detail?.callee, detail?.state], ['13800000015', '200000']);
      const stored = await server.app.store.getSingleCall(t.accountId, callId);
      assert.deepEqual([stored?.kind, stored?.outId, stored?.params.MuteTime], ['SmartCall', 'sc-1', 5000]);
    });
  }

  test('SmartCallOperate parallelBridge hands a live call to an agent, who talks with the callee until the end', async () => {
    const t = await account('openapi-core V3', 'bridge', endless.url);
    const callId = String((await dyvms('openapi-core V3', t, 'SmartCall', request('13900000015'))).CallId);
    await waitForPhase(t, callId, 'Talking');
    const operated = await dyvms('pop-core V1', t, 'SmartCallOperate', { CallId: callId, Command: 'parallelBridge', Param: '1001' });
    assert.deepEqual([operated.Code, operated.Status], ['OK', true]);
    await refused('openapi-core V3', t, 'SmartCallOperate', { CallId: callId, Command: 'parallelBridge' }, 'IncorrectStatus', 400, /is already being bridged/);
    const turns = await dialogOf(t, callId);
    const notice = turns.findIndex((turn) => turn.content === BRIDGE_NOTICE);
    assert.ok(notice > 0, JSON.stringify(turns));
    const after = turns.slice(notice + 1);
    assert.match(after[0]!.content, /^坐席 1001：您好，我是人工客服/);
    assert.ok(after.some((turn) => turn.role === 'user'), 'the callee talked with the agent');
    assert.ok(!after.some((turn) => turn.content === '请问还有其他问题吗？'), 'the robot stepped aside');
    const dialog = await server.app.store.getCallDialog(t.accountId, callId);
    assert.equal(dialog?.analysis.tags.find((tag) => tag.name === 'parallel_bridge')?.value, '坐席 1001');
    assert.deepEqual((await dyvms('openapi-core V3', t, 'GetCallInfo', { RtcId: callId })).Data, { ChannelId: callId, Status: 'Idle' });
    await refused('openapi-core V3', t, 'SmartCallOperate', { CallId: callId, Command: 'parallelBridge' }, 'IncorrectStatus', 400, /has ended/);
  });

  /** Polls GetCallInfo until the call reaches `phase`. */
  async function waitForPhase(t: Tenant, callId: string, phase: string): Promise<void> {
    for (let i = 0; i < 400; i++) {
      const data = (await dyvms('openapi-core V3', t, 'GetCallInfo', { RtcId: callId })).Data as Record<string, unknown>;
      if (data.Status === phase) return;
      await sleep(10);
    }
    throw new Error(`call ${callId} never reached ${phase}`);
  }

  test('GetCallInfo: Calling while it rings, Talking once answered, Idle after; RTC accounts are Idle', async () => {
    const t = await account('openapi-core V3', 'states', endless.url);
    // 0002 rings until the network gives up (a simulated minute: 0.6 s here).
    const ringing = String((await dyvms('openapi-core V3', t, 'SmartCall', request('13800000002'))).CallId);
    const first = await dyvms('pop-core V1', t, 'GetCallInfo', { RtcId: ringing });
    assert.deepEqual([first.Code, first.Message], ['OK', '请求成功']);
    assert.deepEqual(JSON.parse(JSON.stringify(first.Data)), { ChannelId: ringing, Status: 'Calling' });
    await waitForPhase(t, ringing, 'Idle');
    const talking = String((await dyvms('openapi-core V3', t, 'SmartCall', request('13700000015', 'silent'))).CallId);
    await waitForPhase(t, talking, 'Talking');
    await dyvms('openapi-core V3', t, 'SmartCallOperate', { CallId: talking, Command: 'parallelBridge' });
    await dialogOf(t, talking);
    await waitForPhase(t, talking, 'Idle');
    const rtcId = String((await dyvms('openapi-core V3', t, 'AddRtcAccount', { DeviceId: 'phone-1' })).Module);
    assert.deepEqual(JSON.parse(JSON.stringify((await dyvms('pop-core V1', t, 'GetCallInfo', { RtcId: rtcId })).Data)), { ChannelId: '', Status: 'Idle' });
    const xml = await xmlCall(t, 'GetCallInfo', { RtcId: talking });
    assert.equal(xml.status, 200);
    assert.ok(xml.text.includes(`<Data><ChannelId>${talking}</ChannelId><Status>Idle</Status></Data>`), xml.text);
  });

  for (const client of CLIENTS) {
    test(`${client}: bad SmartCall, SmartCallOperate and GetCallInfo input answers the documented errors`, async () => {
      const bare = await account(client, 'no callback', undefined);
      await refused(client, bare, 'SmartCall', request('13600000015'), 'IncorrectStatus', 400, /SmartCall needs the account's callback URL.*SetReceiptConfig \(MessageType SmartCallCallback\)/);
      const t = await account(client, 'bad input', scripted.url);
      const good = request('13500000015');
      const cases: [Record<string, unknown>, string, number, RegExp][] = [
        [{ VoiceCode: undefined }, 'MissingVoiceCode', 400, /VoiceCode is mandatory/],
        [{ VoiceCode: '$greet$,$who$' }, 'isv.TEMPLATE_MISSING_PARAMETERS', 400, /VoiceCodeParam has no value for the VoiceCode variable\(s\) "who"/],
        [{ VoiceCodeParam: '{"greet":"a=b"}' }, 'isv.INVALID_PARAMETERS', 400, /VoiceCodeParam variable "greet" holds "="/],
        [{ VoiceCodeParam: '["x"]' }, 'isv.INVALID_PARAMETERS', 400, /VoiceCodeParam must be a JSON object/],
        [{ VoiceCode: '2d4c-4e78-8d2a-afbb06cf0001.wav' }, 'InvalidVoiceCode.NotFound', 404, /VoiceCode item "2d4c-4e78-8d2a-afbb06cf0001.wav" does not exist/],
        [{ CalledNumber: 'abc' }, 'isv.MOBILE_NUMBER_ILLEGAL', 400, /not a valid number/],
        [{ CalledShowNumber: '057199999999' }, 'isv.DISPLAY_NUMBER_ILLEGAL', 400, /not one of the account's caller numbers/],
        [{ AsrBaseId: 'english_8k' }, 'InvalidParameter', 400, /"AsrBaseId" is not valid/],
        [{ TtsSpeed: 300 }, 'InvalidParameter', 400, /"TtsSpeed" is not valid/],
        [{ SessionTimeout: 0 }, 'InvalidParameter', 400, /"SessionTimeout" is not valid/],
        [{ Volume: 5 }, 'InvalidParameter', 400, /"Volume" is not valid/],
      ];
      for (const [change, code, status, message] of cases) {
        const params = Object.fromEntries(Object.entries({ ...good, ...change }).filter(([, v]) => v !== undefined));
        await refused(client, t, 'SmartCall', params, code, status, message);
      }
      // Out-of-range MuteTime and PauseTime fall back to their defaults, as documented, instead of failing.
      const lenient = await dyvms(client, t, 'SmartCall', { ...good, MuteTime: 50_000, PauseTime: 5 });
      assert.equal(lenient.Code, 'OK');
      await refused(client, t, 'SmartCall', good, 'isv.BUSINESS_LIMIT_CONTROL', 400, /per-callee frequency limit/);
      const lenientId = String(lenient.CallId);
      await refused(client, t, 'SmartCallOperate', { CallId: '1^2', Command: 'parallelBridge' }, 'InvalidCallId.NotFound', 404, /CallId "1\^2" does not exist/);
      await refused(client, t, 'SmartCallOperate', { CallId: lenientId, Command: 'hangup' }, 'InvalidParameter', 400, /"Command" is not valid/);
      await refused(client, t, 'SmartCallOperate', { Command: 'parallelBridge' }, 'MissingCallId', 400, /CallId is mandatory/);
      await refused(client, t, 'GetCallInfo', { RtcId: '1^2' }, 'InvalidRtcId.NotFound', 404, /RtcId "1\^2" names no call of this account/);
      await refused(client, t, 'GetCallInfo', { RtcId: 'abc' }, 'InvalidParameter', 400, /"RtcId" is not valid/);
      await refused(client, t, 'GetCallInfo', {}, 'MissingRtcId', 400, /RtcId is mandatory/);
      const stranger = await otherTenant(server, `stranger ${client}`);
      await refused(client, stranger, 'GetCallInfo', { RtcId: lenientId }, 'InvalidRtcId.NotFound', 404, /names no call/);
      await refused(client, stranger, 'SmartCallOperate', { CallId: lenientId, Command: 'parallelBridge' }, 'InvalidCallId.NotFound', 404, /does not exist/);
      await dialogOf(t, lenientId);
    });
  }
});
