// dyvms IvrCall through the official clients against a real server whose simulated carrier runs 100x faster: a
// simulated key-presser (sim_persona in StartTtsParams) hears "请按2", presses 2, and the call plays that menu entry
// with its TtsParams, then ByeCode; the key and every prompt are in the call's dialog, and QueryCallDetailByCallId
// finds the call under the IVR product. A key off the menu replays the start prompt PlayTimes times. Every refusal
// answers its code, status and message, and none counts against the per-callee caps; XML is answered on request.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { calleeKey } from '../../src/core/numbers/number-hash.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { CLIENTS, otherTenant, type ClientName } from './aiccs-kit.js';
import { callDetail, dialogOf, dyvms, refused, xmlCall } from './dyvms-interactive-kit.js';
import { created, waihu } from './waihu-kit.js';

const SHOW = '057100002222';
const IVR_PRODUCT = '11000000300005';
const START = '您好${name}，确认订单请按2，取消订单请按3。';

describe('dyvms IvrCall', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.01 } });
  });
  after(() => server?.stop());

  /** A fresh account with a caller number and the menu's templates. */
  async function account(client: ClientName, name: string) {
    const t = await otherTenant(server, `${name} ${client}`);
    await waihu(client, t, 'AddCallerNumber', { PhoneNumber: SHOW });
    const template = (n: string, content: string) => created(client, t, 'CreateTtsTemplate', { Name: n, Content: content, Type: 'NOTIFY' });
    return {
      t,
      start: await template('开场', START),
      confirm: await template('确认', '您的订单${order}已确认，我们会尽快发货。'),
      cancel: await template('取消', '您的订单已取消。'),
      bye: await template('结束', '感谢您的接听，再见。'),
    };
  }

  for (const client of CLIENTS) {
    test(`${client}: the key pressed picks its menu entry, and the dialog shows the key and every prompt`, async () => {
      const a = await account(client, 'menu');
      const body = await dyvms(client, a.t, 'IvrCall', {
        CalledNumber: '13800000015', CalledShowNumber: SHOW, StartCode: a.start, StartTtsParams: JSON.stringify({ name: '张先生', sim_persona: 'key-presser' }),
        MenuKeyMap: [{ Key: '2', Code: a.confirm, TtsParams: '{"order":"A1024"}' }, { Key: '3', Code: a.cancel }],
        ByeCode: a.bye, Timeout: 5000, PlayTimes: 2, OutId: 'ivr-7',
      });
      assert.deepEqual([body.Code, body.Message], ['OK', 'OK']);
      const callId = String(body.CallId);
      assert.match(callId, /^\d+\^\d+$/);
      const turns = await dialogOf(a.t, callId);
      assert.deepEqual(turns.map((turn) => turn.role), ['assistant', 'user', 'assistant', 'assistant']);
      assert.match(turns[0]!.content, /^(<客户打断>)?您好张先生，确认订单请按2/);
      assert.equal(turns[1]!.content.replace('<客户打断>', ''), '2');
      assert.deepEqual(turns.slice(2).map((turn) => turn.content), ['您的订单A1024已确认，我们会尽快发货。', '感谢您的接听，再见。']);
      const detail = await callDetail(client, a.t, callId, IVR_PRODUCT);
      assert.deepEqual([detail?.callee, detail?.caller, detail?.state], ['13800000015', SHOW, '200000']);
      const stored = await server.app.store.getSingleCall(a.t.accountId, callId);
      assert.deepEqual([stored?.kind, stored?.outId, stored?.flowRef], ['IvrCall', 'ivr-7', a.start]);
      const dialog = await server.app.store.getCallDialog(a.t.accountId, callId);
      assert.deepEqual(dialog?.turns.filter((turn) => turn.dtmf !== undefined).map((turn) => turn.dtmf), ['2']);
    });
  }

  test('a key off the menu replays the start prompt PlayTimes times, then the bye prompt ends the call', async () => {
    const a = await account('openapi-core V3', 'wrong key');
    const body = await dyvms('openapi-core V3', a.t, 'IvrCall', {
      CalledNumber: '13900000015', CalledShowNumber: SHOW, StartCode: a.start, StartTtsParams: '{"name":"李女士","sim_persona":"key-presser"}',
      MenuKeyMap: [{ Key: '1', Code: a.confirm, TtsParams: '{"order":"B2"}' }], ByeCode: a.bye, PlayTimes: 2,
    });
    const turns = await dialogOf(a.t, String(body.CallId));
    const plain = turns.map((turn) => turn.content.replace('<客户打断>', ''));
    assert.equal(plain.filter((c) => c.startsWith('您好李女士')).length, 2);
    assert.deepEqual(plain.filter((c) => c === '2'), ['2', '2']);
    assert.equal(plain.at(-1), '感谢您的接听，再见。');
    assert.ok(!plain.some((c) => c.includes('已确认')), 'no menu entry was played');
  });

  for (const client of CLIENTS) {
    test(`${client}: every refusal answers its code, status and message, and none counts against the caps`, async () => {
      const a = await account(client, 'refusals');
      const callee = '13700000015';
      const good = { CalledNumber: callee, CalledShowNumber: SHOW, StartCode: a.start, StartTtsParams: '{"name":"王"}', MenuKeyMap: [{ Key: '2', Code: a.cancel }] };
      const cases: [Record<string, unknown>, string, number, RegExp][] = [
        [{ CalledNumber: '12345' }, 'isv.MOBILE_NUMBER_ILLEGAL', 400, /CalledNumber "12345" is not a valid number/],
        [{ StartCode: undefined }, 'MissingStartCode', 400, /StartCode is mandatory/],
        [{ StartCode: 'TTS_100000000' }, 'isv.TTS_TEMPLATE_ILLEGAL', 400, /StartCode "TTS_100000000" is not an approved TTS template/],
        [{ StartCode: 'nosuch-file.wav' }, 'InvalidStartCode.NotFound', 404, /StartCode "nosuch-file.wav" does not exist/],
        [{ StartTtsParams: '{"nom":"王"}' }, 'isv.TEMPLATE_MISSING_PARAMETERS', 400, /StartTtsParams has no value for the template's variable\(s\) "name"/],
        [{ StartTtsParams: '{"name":' }, 'isv.INVALID_PARAMETERS', 400, /StartTtsParams is not JSON text/],
        [{ ByeCode: 'TTS_100000001' }, 'isv.TTS_TEMPLATE_ILLEGAL', 400, /ByeCode "TTS_100000001"/],
        [{ MenuKeyMap: [{ Key: '12345', Code: a.cancel }] }, 'InvalidParameter', 400, /"MenuKeyMap.1.Key" is not valid: "12345" is not a key/],
        [{ MenuKeyMap: [{ Key: 'A', Code: a.cancel }] }, 'InvalidParameter', 400, /"MenuKeyMap.1.Key" is not valid/],
        [{ MenuKeyMap: [{ Key: '2', Code: a.cancel }, { Key: '2', Code: a.confirm, TtsParams: '{"order":"1"}' }] }, 'InvalidParameter', 400, /"MenuKeyMap.2.Key" is not valid: repeats the key "2" of MenuKeyMap.1/],
        [{ MenuKeyMap: [{ Key: '2' }] }, 'InvalidParameter', 400, /"MenuKeyMap.1.Code" is not valid: is missing/],
        [{ MenuKeyMap: [{ Code: a.cancel }] }, 'InvalidParameter', 400, /"MenuKeyMap.1.Key" is not valid: is missing/],
        [{ MenuKeyMap: [{ Key: '2', Code: 'nosuch.wav' }] }, 'InvalidMenuKeyMap.Code.NotFound', 404, /MenuKeyMap.1.Code "nosuch.wav" does not exist/],
        [{ MenuKeyMap: [{ Key: '2', Code: a.confirm }] }, 'isv.TEMPLATE_MISSING_PARAMETERS', 400, /MenuKeyMap.1.TtsParams has no value for the template's variable\(s\) "order"/],
        [{ CalledShowNumber: '057199999999' }, 'isv.DISPLAY_NUMBER_ILLEGAL', 400, /not one of the account's caller numbers/],
        [{ Timeout: 500 }, 'InvalidParameter', 400, /"Timeout" is not valid: must be between 1000 and 60000 milliseconds/],
        [{ PlayTimes: 4 }, 'InvalidParameter', 400, /"PlayTimes" is not valid/],
        [{ OutId: 'PROD#20210428102712****' }, 'InvalidParameter', 400, /"OutId" is not valid/],
      ];
      for (const [change, code, status, message] of cases) {
        const params = Object.fromEntries(Object.entries({ ...good, ...change }).filter(([, v]) => v !== undefined));
        await refused(client, a.t, 'IvrCall', params, code, status, message);
      }
      assert.equal(await server.app.store.countCalleeCalls(a.t.accountId, calleeKey(callee), 0, Date.now() + 1), 0, 'refusals are not logged');
      const first = await dyvms(client, a.t, 'IvrCall', good);
      assert.equal(first.Code, 'OK');
      await refused(client, a.t, 'IvrCall', good, 'isv.BUSINESS_LIMIT_CONTROL', 400, /Calls to 13700000015 exceed the per-callee frequency limit/);
      await dialogOf(a.t, String(first.CallId));
    });
  }

  test('a V1 caller asking for XML gets <IvrCallResponse> with the CallId, and errors as <Error>', async () => {
    const a = await account('pop-core V1', 'xml');
    const ok = await xmlCall(a.t, 'IvrCall', {
      CalledNumber: '13600000015', CalledShowNumber: SHOW, StartCode: a.start, StartTtsParams: '{"name":"赵"}', 'MenuKeyMap.1.Key': '3', 'MenuKeyMap.1.Code': a.cancel,
    });
    assert.equal(ok.status, 200);
    const callId = /<CallId>(\d+\^\d+)<\/CallId>/.exec(ok.text)?.[1];
    assert.ok(ok.text.includes('<IvrCallResponse>') && ok.text.includes('<Code>OK</Code>') && callId, ok.text);
    const bad = await xmlCall(a.t, 'IvrCall', { CalledNumber: '13600000016', CalledShowNumber: SHOW, StartCode: a.start, StartTtsParams: '{"name":"赵"}', 'MenuKeyMap.1.Key': '#*#*#' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<Error>.*<Code>InvalidParameter<\/Code>.*MenuKeyMap\.1\.Key/s);
    await dialogOf(a.t, callId!);
  });
});
