/**
 * The IVR flow over a real SIP call, unchanged: a waihu server whose carrier is a SIP trunk pointed at sipp places a
 * dyvms IvrCall; sipp answers and, a second into the start prompt, presses a key by replaying one of sip-tester's
 * RFC 2833 captures (dtmf_2833_1.pcap or dtmf_2833_3.pcap). The call must take that key's menu branch: the dialog
 * holds the start prompt, the key, the branch's prompt and the goodbye, in that order. Skipped only when sipp or
 * espeak-ng is not installed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultTenant } from '../conformance/aiccs-kit.js';
import { dyvms } from '../conformance/dyvms-kit.js';
import { created, waihu } from '../conformance/waihu-kit.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { startSippWith } from '../sipp/run-sipp.js';
import { sipConfig, sipSkip, sippVerdict, sleep } from './sip-e2e-kit.js';

const skip = sipSkip;

const SHOW = '057100003333';
const CLIENT = 'openapi-core V3';

/** Places an IvrCall with a two-entry menu (1 confirms, 3 cancels) to sipp running `scenario`; returns the dialog. */
async function ivrCallThrough(scenario: string) {
  const sipp = await startSippWith(scenario, { timeoutS: 60 });
  let server: TestServer | undefined;
  try {
    server = await startTestServer({
      config: sipConfig(sipp),
    });
    const t = defaultTenant(server);
    await waihu(CLIENT, t, 'AddCallerNumber', { PhoneNumber: SHOW });
    const template = (name: string, content: string) => created(CLIENT, t, 'CreateTtsTemplate', { Name: name, Content: content, Type: 'NOTIFY' });
    const start = await template('开场', '确认订单请按1，取消订单请按3。');
    const confirm = await template('确认', '订单已确认。');
    const cancel = await template('取消', '订单已取消。');
    const bye = await template('结束', '再见。');
    const body = await dyvms(CLIENT, t, 'IvrCall', {
      CalledNumber: '13800000000', CalledShowNumber: SHOW, StartCode: start,
      MenuKeyMap: [{ Key: '1', Code: confirm }, { Key: '3', Code: cancel }], ByeCode: bye, Timeout: 10_000, PlayTimes: 1,
    });
    const callId = String(body.CallId);
    for (let i = 0; i < 600; i++) {
      const stored = await server.app.store.getSingleCall(t.accountId, callId);
      if (stored?.callResult !== undefined) {
        const dialog = await server.app.store.getCallDialog(t.accountId, callId);
        const verdict = await sippVerdict(sipp);
        return { stored, turns: dialog?.turns ?? [], verdict };
      }
      await sleep(100);
    }
    throw new Error(`IvrCall ${callId} has no stored result after 60 s`);
  } finally {
    sipp.kill();
    await server?.stop();
  }
}

describe('telephony sip: an IVR menu driven by RFC 2833 keys from sipp', { skip, timeout: 240_000 }, () => {
  for (const [key, scenario, branch] of [['1', 'answer-dtmf-1-wait-bye', '订单已确认。'], ['3', 'answer-dtmf-3-wait-bye', '订单已取消。']] as const) {
    test(`key ${key} takes its branch: start prompt, key, "${branch}", goodbye`, async () => {
      const { stored, turns, verdict } = await ivrCallThrough(scenario);
      assert.equal(stored.callResult, 'ANSWERED');
      assert.deepEqual(turns.map((turn) => [turn.role, turn.dtmf ?? turn.content]), [
        ['assistant', '确认订单请按1，取消订单请按3。'],
        ['user', key],
        ['assistant', branch],
        ['assistant', '再见。'],
      ]);
      assert.equal(stored.hangupDirection, 'robot');
      assert.equal(verdict.code, 0, `sipp scenario failed:\n${verdict.output}`);
    });
  }
});
