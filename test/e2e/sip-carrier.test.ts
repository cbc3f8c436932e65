/**
 * `telephony: sip` chosen by configuration, end to end: a real waihu server whose carrier is a SIP trunk pointed at a
 * sipp UAS on loopback, a dyvms SingleCallByTts placed through the official client, and the call's stored outcome
 * checked against what sipp did (486 -> USER_BUSY; answered with RTP echo, the template spoken with espeak-ng and the
 * call hung up by us -> ANSWERED, with a stereo recording served through the signed RecordUrl). sipp's exit code 0
 * says every message of its scenario was exchanged as written.
 * Skipped only when sipp or espeak-ng is not installed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SingleCallRecord } from '../../src/ports/conversation-store.js';
import { created, waihu } from '../conformance/waihu-kit.js';
import { dyvms } from '../conformance/dyvms-kit.js';
import { defaultTenant, via } from '../conformance/aiccs-kit.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { startSippWith, type SippRun } from '../sipp/run-sipp.js';
import { sipConfig, sipSkip, sippVerdict, sleep } from './sip-e2e-kit.js';
import { stereoChannels } from '../support/stereo-wav.js';

const skip = sipSkip;

const SHOW = '057100001111';
const CLIENT = 'openapi-core V3';

/** A server whose carrier is the SIP trunk at sipp's port, with SIP and RTP on loopback. */
function sipServer(sipp: SippRun): Promise<TestServer> {
  return startTestServer({ config: sipConfig(sipp, { sipUsername: 'waihu-test' }) });
}

/** Places one SingleCallByTts and waits for its stored ending. */
async function placeCall(server: TestServer, callee: string): Promise<SingleCallRecord & { callId: string }> {
  const t = defaultTenant(server);
  await waihu(CLIENT, t, 'AddCallerNumber', { PhoneNumber: SHOW });
  await waihu(CLIENT, t, 'SetReceiptConfig', { MessageType: 'VoiceRecordReport', Url: 'pull:' });
  const template = await created(CLIENT, t, 'CreateTtsTemplate', { Name: '通知', Content: '您好，您的订单已发货。', Type: 'NOTIFY' });
  const body = await dyvms(CLIENT, t, 'SingleCallByTts', { CalledNumber: callee, CalledShowNumber: SHOW, TtsCode: template, PlayTimes: 1 });
  const callId = String(body.CallId);
  for (let i = 0; i < 600; i++) {
    const stored = await server.app.store.getSingleCall(t.accountId, callId);
    if (stored?.callResult !== undefined) return { ...stored, callId };
    await sleep(100);
  }
  throw new Error(`call ${callId} has no stored result after 60 s`);
}

/**
 * Runs `scenario` in sipp, places one call to it through a fresh server, runs `inspect` while the server is still up,
 * and returns the stored call and sipp's verdict.
 */
async function callThrough(scenario: string, extraArgs: string[] = [], inspect?: (server: TestServer, callId: string) => Promise<void>) {
  const sipp = await startSippWith(scenario, { timeoutS: 60, extraArgs });
  let server: TestServer | undefined;
  try {
    server = await sipServer(sipp);
    const stored = await placeCall(server, '13800000000');
    const verdict = await sippVerdict(sipp);
    await inspect?.(server, stored.callId);
    return { stored, verdict };
  } finally {
    sipp.kill();
    await server?.stop();
  }
}


/** 20 ms frames whose peak is well above G.711 idle noise. */
function loudFrames(samples: Int16Array): number {
  let count = 0;
  for (let at = 0; at + 160 <= samples.length; at += 160) {
    let peak = 0;
    for (let i = at; i < at + 160; i++) peak = Math.max(peak, Math.abs(samples[i]!));
    if (peak > 2000) count++;
  }
  return count;
}

describe('telephony sip: a dyvms single call through a SIP trunk (sipp)', { skip, timeout: 180_000 }, () => {
  test('486 Busy Here is stored as USER_BUSY, never answered', async () => {
    const { stored, verdict } = await callThrough('reject-486');
    assert.equal(stored.callResult, 'USER_BUSY');
    assert.equal(stored.answerAt, undefined);
    assert.equal(stored.durationSeconds, 0);
    assert.equal(verdict.code, 0, `sipp scenario failed:\n${verdict.output}`);
  });

  test('an answered call speaks the template with espeak-ng, is stored as ANSWERED and its recording holds both legs', async () => {
    let recordUrl = '';
    const { stored, verdict } = await callThrough('answer-rtp-echo-wait-bye', ['-rtp_echo'], async (server, callId) => {
      const t = defaultTenant(server);
      const detail = (await t.core.call({ version: '2025-11-27', action: 'QueryOutboundCallDetail', params: { CallId: callId } })).body as { Data: Record<string, unknown> };
      recordUrl = String(detail.Data.RecordUrl ?? '');
      assert.match(recordUrl, new RegExp(`^${server.url}/recordings/.+\\.wav\\?Expires=\\d+&Signature=`));
      const response = await fetch(recordUrl);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'audio/wav');
      const { left, right } = stereoChannels(new Uint8Array(await response.arrayBuffer()));
      // Right: the template as espeak-ng spoke it; left: what sipp echoed back, the same speech a moment later.
      assert.ok(loudFrames(right) >= 25, `${loudFrames(right)} frames of speech sent`);
      assert.ok(loudFrames(left) >= 25, `${loudFrames(left)} frames of speech received`);
      const range = await fetch(recordUrl, { headers: { range: 'bytes=0-43' } });
      assert.equal(range.status, 206);
      assert.equal(Buffer.from(await range.arrayBuffer()).subarray(0, 4).toString(), 'RIFF');
      // The recording receipt carries a link of its own, made when the message is received.
      const messages = (await waihu(CLIENT, t, 'ReceiveMessages', { MessageType: 'VoiceRecordReport' })).Messages as { Body: string }[];
      assert.equal(messages.length, 1);
      const receipt = JSON.parse(messages[0]!.Body) as Record<string, string | number>;
      assert.equal(receipt.call_id, callId);
      const viaReceipt = await fetch(String(receipt.record_url));
      assert.equal(viaReceipt.status, 200);
      assert.equal((await viaReceipt.arrayBuffer()).byteLength, receipt.file_size);
      const forged = await fetch(recordUrl.replace(/Signature=./, (m) => `${m.slice(0, -1)}${m.endsWith('A') ? 'B' : 'A'}`));
      assert.equal(forged.status, 403);
      assert.equal(((await forged.json()) as { Code: string }).Code, 'SignatureDoesNotMatch');
    });
    assert.ok(recordUrl !== '');
    assert.equal(stored.callResult, 'ANSWERED');
    assert.ok(stored.answerAt !== undefined);
    // The spoken template (about two seconds of espeak-ng audio) is the talk time, and the flow hung up when it ended.
    assert.ok((stored.durationSeconds ?? 0) >= 1, `talked ${stored.durationSeconds} s`);
    assert.equal(stored.hangupDirection, 'robot');
    assert.equal(verdict.code, 0, `sipp scenario failed:\n${verdict.output}`);
  });

  test('ListAvailableTts lists the configured speech provider\'s voices, the configured voice first', async () => {
    const voicesOf = async (config: Record<string, unknown>) => {
      const server = await startTestServer({ config: { telephony: 'sip', sipProxy: '127.0.0.1:5999', sipBind: '127.0.0.1:0', ...config } });
      try {
        const data = (await via('openapi-core V3', defaultTenant(server), 'ListAvailableTts', {})).Data as Record<string, unknown>[];
        return data.map((voice) => [voice.TtsVoiceCode, voice.TtsEngine]);
      } finally {
        await server.stop();
      }
    };
    const espeak = await voicesOf({ ttsVoice: 'en-us' });
    assert.deepEqual(espeak[0], ['en-us', 'espeak-ng']);
    assert.ok(espeak.some(([code]) => code === 'cmn-latn-pinyin'), 'Mandarin is offered');
    assert.ok(espeak.every(([, engine]) => engine === 'espeak-ng'));
    const openai = await voicesOf({ ttsProvider: 'openai', ttsBaseUrl: 'http://127.0.0.1:9/v1' });
    assert.ok(openai.length > 0 && openai.every(([, engine]) => engine !== 'espeak-ng'), `OpenAI-compatible voices: ${JSON.stringify(openai)}`);
  });
});
