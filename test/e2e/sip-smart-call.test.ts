/**
 * The SmartCall callback flow over a real SIP call with speech recognition, unchanged from the simulator: sipp answers
 * and echoes our RTP, so what the robot says comes back as the callee's speech; the energy VAD cuts it into an
 * utterance (PauseTime), the OpenAI-compatible transcription adapter posts it as a WAV to a local endpoint that
 * answers "方便", and the customer's callback server receives a `normal` event with those words and steers the call
 * to its end. A `parallel_bridge` reply on SIP transfers the callee to the agent's phone (REFER). Skipped only when
 * sipp or espeak-ng is not installed.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SingleCallRecord } from '../../src/ports/conversation-store.js';
import { describe, test } from 'node:test';
import { SMART_CALL_CALLBACK_TYPE } from '../../src/gateway/products/dyvmsapi/interactive/interactive-services.js';
import { parseMultipart, startSpeechTestServer } from '../../src/providers/tts/speech-test-server.js';
import { defaultTenant } from '../conformance/aiccs-kit.js';
import { dyvms } from '../conformance/dyvms-kit.js';
import { waihu } from '../conformance/waihu-kit.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { startSippWith } from '../sipp/run-sipp.js';
import { assertSippFollowed, sipConfig, sipSkip, sleep } from './sip-e2e-kit.js';

const skip = sipSkip;

const SHOW = '057100004444';
const CLIENT = 'openapi-core V3';

type Reply = (nth: number) => unknown;
const line = (action: string, text: string) => ({ result: 'success', msg: '成功', data: { action, action_code: '$line$', action_code_param: { line: text } } });
/** The first event gets a prompt, any later one a goodbye and hang-up. */
const playThenHangUp: Reply = (nth) => (nth === 0 ? line('play', '好的，订单明天发货。') : line('hangup', '再见。'));

/** The customer's callback server, answering the nth event of the call with `reply(nth)`. */
async function startCallbackServer(reply: Reply = playThenHangUp) {
  const events: { contentType: string; content: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    req.resume().on('end', () => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      events.push({ contentType: query.get('content_type') ?? '', content: JSON.parse(query.get('content') ?? '{}') as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply(events.length - 1)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/smartcall`, events, close: () => server.close() };
}

/** What a SmartCall through sipp left behind, for the test to check while the server is up. */
interface SmartCallRun {
  server: TestServer;
  accountId: string;
  callId: string;
  stored: SingleCallRecord | undefined;
}

/**
 * Runs `scenario` in sipp, starts a SIP server (plus `config`) whose SmartCall callback is `callbackUrl`, places one
 * SmartCall with `params`, waits for its stored end and hands it to `inspect`; then checks sipp followed its scenario.
 */
async function smartCallThrough(
  scenario: string, extraArgs: string[], config: Record<string, unknown>, callbackUrl: string, params: Record<string, unknown>,
  inspect: (run: SmartCallRun) => Promise<void>,
): Promise<void> {
  const sipp = await startSippWith(scenario, { timeoutS: 60, extraArgs });
  let server: TestServer | undefined;
  try {
    server = await startTestServer({
      config: sipConfig(sipp, config),
    });
    const t = defaultTenant(server);
    await waihu(CLIENT, t, 'AddCallerNumber', { PhoneNumber: SHOW });
    await waihu(CLIENT, t, 'SetReceiptConfig', { MessageType: SMART_CALL_CALLBACK_TYPE, Url: callbackUrl });
    const body = await dyvms(CLIENT, t, 'SmartCall', { CalledNumber: '13800000000', CalledShowNumber: SHOW, ...params });
    const callId = String(body.CallId);
    let stored: SingleCallRecord | undefined;
    for (let i = 0; i < 600 && stored?.callResult === undefined; i++) {
      await sleep(100);
      stored = await server.app.store.getSingleCall(t.accountId, callId);
    }
    await inspect({ server, accountId: t.accountId, callId, stored });
    await assertSippFollowed(sipp);
  } finally {
    sipp.kill();
    await server?.stop();
  }
}

describe('telephony sip: SmartCall with speech recognition over RTP', { skip, timeout: 120_000 }, () => {
  test('the echoed prompt is heard, transcribed by the ASR endpoint and sent to the callback as a normal event', async () => {
    const asr = await startSpeechTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: '方便' }));
    });
    const callback = await startCallbackServer();
    const params = { VoiceCode: '$greet$', VoiceCodeParam: JSON.stringify({ greet: '您好，方便说话吗？' }), MuteTime: 5000, PauseTime: 500, ActionCodeBreak: false };
    try {
      await smartCallThrough('answer-rtp-echo-wait-bye', ['-rtp_echo'], { asrBaseUrl: asr.baseUrl, asrModel: 'test-asr' }, callback.url, params, async ({ server, accountId, callId, stored }) => {
        assert.equal(stored?.callResult, 'ANSWERED');
        const normal = callback.events.filter((event) => event.contentType === 'normal');
        assert.ok(normal.length >= 1, `events: ${JSON.stringify(callback.events)}`);
        assert.equal(normal[0]!.content.words, '方便');
        // What reached the recognizer: one utterance per request, a WAV file, with the configured model.
        assert.ok(asr.received.length >= 1);
        const form = await parseMultipart(asr.received[0]!);
        assert.equal(form.get('model'), 'test-asr');
        const wav = Buffer.from(await (form.get('file') as File).arrayBuffer());
        assert.equal(wav.subarray(0, 4).toString(), 'RIFF');
        assert.ok(wav.length > 44 + 8000, `an utterance of ${(wav.length - 44) / 16} ms`);
        const dialog = await server.app.store.getCallDialog(accountId, callId);
        const turns = (dialog?.turns ?? []).map((turn) => [turn.role, turn.content]);
        assert.deepEqual(turns.slice(0, 3), [['assistant', '您好，方便说话吗？'], ['user', '方便'], ['assistant', '好的，订单明天发货。']]);
        assert.deepEqual(turns.at(-1), ['assistant', '再见。']);
        assert.equal(stored?.hangupDirection, 'robot');
      });
    } finally {
      callback.close();
      await asr.close();
    }
  });

  test('a parallel_bridge reply transfers the callee to the agent\'s phone by REFER, and the robot leaves', async () => {
    const bridge: Reply = () => ({ result: 'success', msg: '成功', data: { action: 'parallel_bridge', cc_name: '10010', action_code: '$line$', action_code_param: { line: '正在为您转接人工。' } } });
    const callback = await startCallbackServer(bridge);
    const params = { VoiceCode: '$greet$', VoiceCodeParam: JSON.stringify({ greet: '您好。' }), MuteTime: 1000 };
    try {
      // sipp checks the REFER's Refer-To, sends NOTIFY 200 and expects our BYE.
      await smartCallThrough('answer-refer-accept', [], {}, callback.url, params, async ({ server, accountId, callId, stored }) => {
        assert.equal(stored?.callResult, 'ANSWERED');
        assert.equal(stored?.hangupDirection, 'robot');
        const dialog = await server.app.store.getCallDialog(accountId, callId);
        assert.equal(dialog?.analysis.tags.find((tag) => tag.name === 'parallel_bridge')?.value, '10010');
      });
    } finally {
      callback.close();
    }
  });
});
