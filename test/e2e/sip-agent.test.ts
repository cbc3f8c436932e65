/**
 * An AI voice agent (aiccs LlmSmartCall, the script brain: no chat model configured) over a real SIP call with speech
 * recognition, unchanged from the simulator: sipp answers and echoes our RTP, so the agent's opening line comes back
 * as the callee's speech; the VAD cuts it, the OpenAI-compatible transcription endpoint answers "好的", and the agent
 * replies, says goodbye and hangs up (a BYE). Skipped only when sipp or espeak-ng is not installed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startSpeechTestServer } from '../../src/providers/tts/speech-test-server.js';
import { defaultTenant, via } from '../conformance/aiccs-kit.js';
import { created, waihu } from '../conformance/waihu-kit.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { startSippWith } from '../sipp/run-sipp.js';
import { assertSippFollowed, sipConfig, sipSkip, sleep } from './sip-e2e-kit.js';

const skip = sipSkip;

const CLIENT = 'openapi-core V3';
const CALLER = '057100005555';

describe('telephony sip: an AI voice agent hears the callee through ASR', { skip, timeout: 120_000 }, () => {
  test('the echoed opening line is transcribed, the agent answers it and ends the call', async () => {
    const asr = await startSpeechTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: '好的' }));
    });
    const sipp = await startSippWith('answer-rtp-echo-wait-bye', { timeoutS: 60, extraArgs: ['-rtp_echo'] });
    let server: TestServer | undefined;
    try {
      server = await startTestServer({
        config: sipConfig(sipp, { asrBaseUrl: asr.baseUrl }),
      });
      const t = defaultTenant(server);
      await waihu(CLIENT, t, 'AddCallerNumber', { PhoneNumber: CALLER });
      const app = await created(CLIENT, t, 'CreateLlmApplication', { Name: '回访', Prompt: '你是回访专员。', StartWord: '您好，我是客服小云。' });
      const callId = String((await via(CLIENT, t, 'LlmSmartCall', { CalledNumber: '13800000000', CallerNumber: CALLER, ApplicationCode: app })).CallId);
      let stored;
      for (let i = 0; i < 300 && stored?.callResult === undefined; i++) {
        await sleep(100);
        stored = await server.app.store.getSingleCall(t.accountId, callId);
      }
      assert.equal(stored?.callResult, 'ANSWERED');
      const dialog = await server.app.store.getCallDialog(t.accountId, callId);
      const turns = (dialog?.turns ?? []).map((turn) => [turn.role, turn.content]);
      assert.deepEqual(turns.slice(0, 2), [['assistant', '您好，我是客服小云。'], ['user', '好的']]);
      // The script brain takes "好的" as the end of the conversation: it says goodbye and hangs up.
      assert.ok(turns.length >= 3 && turns[2]![0] === 'assistant' && turns[2]![1] !== '', `the agent answered: ${JSON.stringify(turns)}`);
      assert.equal(stored?.hangupDirection, 'robot');
      assert.ok(asr.received.length >= 1, 'the recognizer was asked');
      assert.ok(dialog?.recording, 'the call was recorded');
      await assertSippFollowed(sipp);
    } finally {
      sipp.kill();
      await server?.stop();
      await asr.close();
    }
  });
});
