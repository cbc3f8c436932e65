// dyvms SingleCallByTts and SingleCallByVoice through the official clients against a real server whose simulated
// carrier runs 100x faster: a caller number and a template are set up through waihu's own actions, the call speaks
// the filled template PlayTimes times (read back through aiccs GetCallDialogContent and thirdswaicall
// QueryOutboundCallDetail), every refusal answers its documented code, status and message, the per-callee caps are
// shared with the campaign engine's callee log, and one account cannot use another's templates or numbers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatDate } from '../../src/core/local-time.js';
import { calleeKey } from '../../src/core/numbers/number-hash.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { assertOpenApiCoreError, assertPopCoreError, rejection } from '../support/sdk-errors.js';
import { CLIENTS, otherTenant, via, type ClientName, type Tenant } from './aiccs-kit.js';
import { created, waihu } from './waihu-kit.js';
import { dyvmsBody as dyvms } from './dyvms-kit.js';

const SHOW = '057100001111';
// Numbers ending in 0015 answer and never hang up: the notify flow plays its PlayTimes and ends the call.
const CALLEE = '13800000015';
const NOTIFY = '您好${name}，您的订单${order}已发货，请注意查收。';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asserts the call is refused with that code, status and message. */
async function refused(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>, code: string, status: number, message: RegExp) {
  const err = await rejection(dyvms(client, t, action, params));
  const body = client === 'pop-core V1'
    ? assertPopCoreError(err, { code, status }, `${t.url}/`)
    : assertOpenApiCoreError(err, { code, status, kind: status >= 500 ? 'ServerError' : 'ClientError' });
  assert.match(String(body.Message), message);
}

/** Polls GetCallDialogContent until the call has hung up; its turns. */
async function spoken(t: Tenant, callId: string): Promise<{ role: string; content: string }[]> {
  for (let i = 0; i < 200; i++) {
    const body = await via('openapi-core V3', t, 'GetCallDialogContent', { CallId: callId, CallDate: formatDate(Date.now(), 'Asia/Shanghai') });
    const data = body.Data as { CallStatus: number; DialogContent: string };
    if (data.CallStatus === 2) return JSON.parse(data.DialogContent) as { role: string; content: string }[];
    await sleep(50);
  }
  throw new Error(`call ${callId} did not end`);
}

describe('dyvms SingleCallByTts and SingleCallByVoice', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.01 } });
  });
  after(() => server?.stop());

  /** A fresh account with a caller number, a NOTIFY template and a CODE template. */
  async function account(client: ClientName, name: string) {
    const t = await otherTenant(server, `${name} ${client}`);
    await waihu(client, t, 'AddCallerNumber', { PhoneNumber: SHOW });
    const notify = await created(client, t, 'CreateTtsTemplate', { Name: '发货通知', Content: NOTIFY, Type: 'NOTIFY' });
    const code = await created(client, t, 'CreateTtsTemplate', { Name: '验证码', Content: '您的验证码是${code}，五分钟内有效。', Type: 'CODE' });
    const open = await created(client, t, 'CreateTtsTemplate', { Name: '公共', Content: '系统维护通知。', Type: 'NOTIFY', PublicMode: true });
    return { t, notify, code, open };
  }

  for (const client of CLIENTS) {
    test(`${client}: the call speaks the filled template PlayTimes times, read back through both call queries`, async () => {
      const { t, notify } = await account(client, 'good call');
      const body = await dyvms(client, t, 'SingleCallByTts', {
        CalledNumber: CALLEE, CalledShowNumber: SHOW, TtsCode: notify, TtsParam: JSON.stringify({ name: '张先生', order: 'A1024' }), PlayTimes: 2, Speed: 100, Volume: 80, OutId: 'ship-7',
      });
      assert.deepEqual([body.Code, body.Message], ['OK', 'OK']);
      const callId = String(body.CallId);
      assert.match(callId, /^\d+\^\d+$/);
      const text = '您好张先生，您的订单A1024已发货，请注意查收。';
      assert.deepEqual(await spoken(t, callId), [{ role: 'assistant', content: text }, { role: 'assistant', content: text }]);
      const detail = (await t.core.call({ version: '2025-11-27', action: 'QueryOutboundCallDetail', params: { CallId: callId } })).body as { Data: Record<string, unknown> };
      assert.deepEqual([detail.Data.CallId, detail.Data.PhoneNumber, detail.Data.CallStatus], [callId, CALLEE, 'ANSWERED']);
      assert.equal((JSON.parse(String(detail.Data.DialogContent)) as unknown[]).length, 2);
      const stored = await server.app.store.getSingleCall(t.accountId, callId);
      assert.deepEqual([stored?.kind, stored?.caller, stored?.callee, stored?.outId, stored?.flowRef], ['SingleCallByTts', SHOW, CALLEE, 'ship-7', notify]);
    });

    test(`${client}: a verification code is spoken three times by default; a public-mode template needs no CalledShowNumber`, async () => {
      const { t, code, open } = await account(client, 'defaults');
      const body = await dyvms(client, t, 'SingleCallByTts', { CalledNumber: '13900000015', CalledShowNumber: SHOW, TtsCode: code, TtsParam: '{"code":"4821"}' });
      const turns = await spoken(t, String(body.CallId));
      assert.deepEqual(turns.map((turn) => turn.content), Array(3).fill('您的验证码是4821，五分钟内有效。'));
      const publicCall = await dyvms(client, t, 'SingleCallByTts', { CalledNumber: '057188880015', TtsCode: open, PlayTimes: 1 });
      assert.deepEqual((await spoken(t, String(publicCall.CallId))).map((turn) => turn.content), ['系统维护通知。']);
    });

    test(`${client}: every refusal answers its documented code, status and message, and none counts against the caps`, async () => {
      const { t, notify, code, open } = await account(client, 'refusals');
      const good = { CalledNumber: CALLEE, CalledShowNumber: SHOW, TtsCode: notify, TtsParam: '{"name":"李女士","order":"B7"}' };
      const cases: [Record<string, unknown>, string, number, RegExp][] = [
        [{ CalledNumber: '12345' }, 'isv.MOBILE_NUMBER_ILLEGAL', 400, /CalledNumber "12345" is not a valid number/],
        [{ CalledNumber: '1380000001a' }, 'isv.MOBILE_NUMBER_ILLEGAL', 400, /not a valid number/],
        [{ TtsCode: 'TTS_100000000' }, 'isv.TTS_TEMPLATE_ILLEGAL', 400, /TtsCode "TTS_100000000" is not an approved TTS template/],
        [{ CalledShowNumber: '057199999999' }, 'isv.DISPLAY_NUMBER_ILLEGAL', 400, /"057199999999" is not one of the account's caller numbers/],
        [{ CalledShowNumber: '' }, 'isv.DISPLAY_NUMBER_ILLEGAL', 400, /required unless the template is public-mode/],
        [{ TtsCode: open, CalledShowNumber: '057199999999' }, 'isv.DISPLAY_NUMBER_ILLEGAL', 400, /not one of the account's caller numbers/],
        [{ TtsParam: '{"name":' }, 'isv.INVALID_PARAMETERS', 400, /TtsParam is not JSON text/],
        [{ TtsParam: '["张先生"]' }, 'isv.INVALID_PARAMETERS', 400, /must be a JSON object/],
        [{ TtsParam: '{"name":{"first":"张"},"order":"1"}' }, 'isv.INVALID_PARAMETERS', 400, /variable "name" must be a string or a number/],
        [{ TtsParam: '{"name":"张","order":"见 https://t.cn/x"}' }, 'isv.INVALID_PARAMETERS', 400, /"order" contains a link/],
        [{ TtsParam: JSON.stringify({ name: '张', order: 'x'.repeat(999) }) }, 'isv.PARAM_LENGTH_LIMIT', 400, /total 1000 characters; they must stay under 1000/],
        [{ TtsParam: '{"name":"张"}' }, 'isv.TEMPLATE_MISSING_PARAMETERS', 400, /no value for the template's variable\(s\) "order"/],
        [{ TtsCode: code, TtsParam: '{"code":"48-21"}' }, 'isv.INVALID_PARAMETERS', 400, /"code" of a verification-code template may only contain digits and English letters/],
        [{ PlayTimes: 4 }, 'InvalidParameter', 400, /"PlayTimes" is not valid/],
        [{ Volume: 101 }, 'InvalidParameter', 400, /"Volume" is not valid/],
        [{ Speed: -501 }, 'InvalidParameter', 400, /"Speed" is not valid/],
        [{ OutId: '一二三四五六' }, 'InvalidParameter', 400, /"OutId" is not valid: is 18 bytes long; at most 15/],
        [{ TtsCode: undefined }, 'MissingTtsCode', 400, /TtsCode is mandatory/],
      ];
      for (const [change, errorCode, status, message] of cases) {
        const params = Object.fromEntries(Object.entries({ ...good, ...change }).filter(([, v]) => v !== undefined));
        await refused(client, t, 'SingleCallByTts', params, errorCode, status, message);
      }
      const voice = { CalledNumber: CALLEE, CalledShowNumber: SHOW, VoiceCode: '2d4c-4e78-8d2a-afbb06cf0001.wav' };
      await refused(client, t, 'SingleCallByVoice', voice, 'InvalidVoiceCode.NotFound', 404, /VoiceCode "2d4c-4e78-8d2a-afbb06cf0001.wav" does not exist: it is not a voice file of this account/);
      await refused(client, t, 'SingleCallByVoice', { ...voice, CalledNumber: '+86 138' }, 'isv.MOBILE_NUMBER_ILLEGAL', 400, /not a valid number/);
      await refused(client, t, 'SingleCallByVoice', { ...voice, PlayTimes: 0 }, 'InvalidParameter', 400, /"PlayTimes" is not valid/);
      assert.equal(await server.app.store.countCalleeCalls(t.accountId, calleeKey(CALLEE), 0, Date.now() + 1), 0, 'refusals are not logged');
      assert.equal((await dyvms(client, t, 'SingleCallByTts', good)).Code, 'OK', 'so the first real call goes through');
    });

    test(`${client}: a second call to the same number within a minute is refused; campaign calls count too`, async () => {
      const { t, notify } = await account(client, 'caps');
      const params = { CalledNumber: CALLEE, CalledShowNumber: SHOW, TtsCode: notify, TtsParam: '{"name":"王","order":"C1"}', PlayTimes: 1 };
      const first = await dyvms(client, t, 'SingleCallByTts', params);
      await refused(client, t, 'SingleCallByTts', params, 'isv.BUSINESS_LIMIT_CONTROL', 400, /Calls to 13800000015 exceed the per-callee frequency limit \(1 per minute, 5 per hour, 20 per day\)/);
      assert.equal((await dyvms(client, t, 'SingleCallByTts', { ...params, CalledNumber: '13700000015' })).Code, 'OK', 'another number is not capped');
      await spoken(t, String(first.CallId));

      // What the dialer logs for campaign calls: five calls to this number in the last hour, none in the last minute.
      const other = '13600000015';
      const now = Date.now();
      for (let i = 2; i <= 6; i++) await server.app.store.recordCalleeCall({ accountId: t.accountId, calleeKey: calleeKey(other), startedAt: now - i * 60_000 });
      await refused(client, t, 'SingleCallByTts', { ...params, CalledNumber: other }, 'isv.BUSINESS_LIMIT_CONTROL', 400, /frequency limit/);
    });

    test(`${client}: another account can use neither the caller's templates nor its caller numbers`, async () => {
      const owner = await account(client, 'owner');
      const stranger = await otherTenant(server, `stranger ${client}`);
      const params = { CalledNumber: CALLEE, CalledShowNumber: SHOW, TtsCode: owner.notify, TtsParam: '{"name":"赵","order":"D4"}' };
      await refused(client, stranger, 'SingleCallByTts', params, 'isv.TTS_TEMPLATE_ILLEGAL', 400, new RegExp(`"${owner.notify}" is not an approved TTS template of this account`));
      const own = await created(client, stranger, 'CreateTtsTemplate', { Name: '自己的', Content: NOTIFY, Type: 'NOTIFY' });
      await refused(client, stranger, 'SingleCallByTts', { ...params, TtsCode: own }, 'isv.DISPLAY_NUMBER_ILLEGAL', 400, /"057100001111" is not one of the account's caller numbers/);
      const publicOfOwner = { CalledNumber: CALLEE, TtsCode: owner.open };
      await refused(client, stranger, 'SingleCallByTts', publicOfOwner, 'isv.TTS_TEMPLATE_ILLEGAL', 400, /not an approved TTS template/);
    });
  }
});
