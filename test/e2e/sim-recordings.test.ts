// Simulated calls' recordings end to end: a SingleCallByTts placed through the official SDK on a real server whose
// simulated carrier runs 100x faster gets a RecordUrl; downloading it renders the transcript with espeak-ng into a
// stereo WAV (the prompt on the right channel, where the prompt turn is, the file as long as the talk time), which is
// then kept in the blob store and read from there; with WAIHU_SIM_RECORDINGS=false there is no link at all.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { defaultTenant, type Tenant } from '../conformance/aiccs-kit.js';
import { dyvms } from '../conformance/dyvms-kit.js';
import { created, waihu } from '../conformance/waihu-kit.js';
import { espeakSkip } from '../support/installed.js';

const CLIENT = 'openapi-core V3';
const SHOW = '057100001111';
// Ends in 0015: answers and stays on the line, so the notify flow plays its prompt and ends the call itself.
const CALLEE = '13800000015';
const PROMPT = '您好，您的订单已发货，请注意查收。';
const RATE = 8000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


async function callDetail(t: Tenant, callId: string): Promise<Record<string, unknown>> {
  const res = await t.core.call({ version: '2025-11-27', action: 'QueryOutboundCallDetail', params: { CallId: callId } });
  return (res.body as { Data: Record<string, unknown> }).Data;
}

/** Places one SingleCallByTts speaking PROMPT and waits until its result and dialog are stored. */
async function placeCall(server: TestServer): Promise<string> {
  const t = defaultTenant(server);
  await waihu(CLIENT, t, 'AddCallerNumber', { PhoneNumber: SHOW });
  const template = await created(CLIENT, t, 'CreateTtsTemplate', { Name: '通知', Content: PROMPT, Type: 'NOTIFY' });
  const callId = String((await dyvms(CLIENT, t, 'SingleCallByTts', { CalledNumber: CALLEE, CalledShowNumber: SHOW, TtsCode: template, PlayTimes: 1 })).CallId);
  for (let i = 0; i < 600; i++) {
    const stored = await server.app.store.getSingleCall(t.accountId, callId);
    if (stored?.callResult !== undefined && (await server.app.store.getCallDialog(t.accountId, callId))) return callId;
    await sleep(100);
  }
  throw new Error(`call ${callId} has no stored result after 60 s`);
}

/** Loudest sample of one channel (0 left, 1 right) between two times, as a fraction of full scale. */
function peak(wav: Uint8Array, channel: 0 | 1, fromMs: number, toMs: number): number {
  const view = new DataView(wav.buffer, wav.byteOffset + 44, wav.byteLength - 44);
  const frames = view.byteLength / 4;
  let max = 0;
  for (let f = Math.floor((fromMs * RATE) / 1000); f < Math.min(frames, Math.floor((toMs * RATE) / 1000)); f++) {
    max = Math.max(max, Math.abs(view.getInt16(f * 4 + channel * 2, true)));
  }
  return max / 32768;
}

describe('simulated recordings', { skip: espeakSkip }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.01 } });
  });
  after(() => server?.stop());

  test('the call has a RecordUrl whose download is a stereo WAV of the prompt, as long as the talk time, kept for the next download', async () => {
    const t = defaultTenant(server);
    const callId = await placeCall(server);
    const detail = await callDetail(t, callId);
    const url = String(detail.RecordUrl ?? '');
    assert.match(url, /\/recordings\/.+\/\d+-\d+\.wav\?Expires=\d+&Signature=/, 'the detail links the recording');
    const dialog = await server.app.store.getCallDialog(t.accountId, callId);
    const recording = dialog?.recording;
    assert.ok(recording?.simulated, 'the dialog keeps the simulated mark');
    assert.equal(await server.app.recordings.blobs.get(recording.key), undefined, 'nothing was synthesized before the download');

    const res = await fetch(url);
    assert.equal(res.status, 200, await res.clone().text().catch(() => ''));
    assert.equal(res.headers.get('content-type'), 'audio/wav');
    const wav = new Uint8Array(await res.arrayBuffer());
    const header = new DataView(wav.buffer);
    assert.equal(Buffer.from(wav.subarray(0, 4)).toString(), 'RIFF');
    assert.deepEqual([header.getUint16(22, true), header.getUint32(24, true), header.getUint16(34, true)], [2, RATE, 16], 'stereo 8 kHz 16-bit');
    const lengthMs = ((wav.byteLength - 44) / 4 / RATE) * 1000;
    assert.ok(Math.abs(lengthMs - recording.durationMs) <= 1, `${lengthMs} ms of audio for ${recording.durationMs} ms of talk`);

    const prompt = dialog!.turns.find((turn) => turn.role === 'assistant');
    assert.ok(prompt, 'the prompt turn');
    const promptAt = prompt.at / 0.01;
    assert.ok(peak(wav, 1, promptAt, promptAt + 1000) > 0.05, 'speech on the right channel where the prompt turn is');
    assert.ok(peak(wav, 1, 0, Math.max(0, promptAt - 100)) < 0.01, 'silence on the right before it');
    assert.equal(peak(wav, 0, 0, lengthMs), 0, 'the callee said nothing: the left channel is silent');

    // The file is now in the blob store and the next download reads it from there (a changed byte shows up).
    const kept = await server.app.recordings.blobs.get(recording.key);
    assert.deepEqual(kept && Buffer.from(kept), Buffer.from(wav));
    const marked = Uint8Array.from(wav);
    marked[marked.length - 1] = 0x7f;
    await server.app.recordings.blobs.put(recording.key, marked);
    const again = new Uint8Array(await (await fetch(url)).arrayBuffer());
    assert.equal(again[again.length - 1], 0x7f, 'served from the blob store, not rendered again');
    const ranged = await fetch(url, { headers: { range: 'bytes=0-43' } });
    assert.equal(ranged.status, 206, 'players can seek in it');
  });
});

describe('simulated recordings turned off', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.01, simRecordings: false } });
  });
  after(() => server?.stop());

  test('WAIHU_SIM_RECORDINGS=false: the answered call has no RecordUrl', async () => {
    const t = defaultTenant(server);
    const callId = await placeCall(server);
    const detail = await callDetail(t, callId);
    assert.equal(detail.CallStatus, 'ANSWERED');
    assert.equal(detail.RecordUrl, undefined);
    assert.equal((await server.app.store.getCallDialog(t.accountId, callId))?.recording, undefined);
  });
});
