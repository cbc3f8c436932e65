// A persona played by a chat model, through the real OpenAiLlm client against a local endpoint that speaks
// OpenAI's streamed chat-completions format: what the model is told, how its answers become actions, the persona's
// habits holding whatever it says, and the keyword persona taking over when the endpoint fails.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, type TestContext } from 'node:test';
import { VirtualClock } from '../../../../ports/clock.js';
import type { Llm } from '../../../../ports/llm.js';
import { OpenAiLlm } from '../../../llm/openai-llm.js';
import type { SimCallSession } from '../sim-call-session.js';
import { SimTelephony } from '../sim-telephony.js';
import { dial, recordCall, T0 } from '../sim-test-kit.js';
import { parseLlmReply } from './llm-persona-prompt.js';
import { PERSONA_VARIABLE, PersonaCatalog } from './persona-catalog.js';
import { heard, personaCallee, PROMPTS, quiet } from './persona-test-kit.js';

interface WireMessage {
  role: string;
  content: string;
}

/** A local chat-completions endpoint: `answer` picks the reply from the conversation; 'fail' answers HTTP 500. */
async function endpoint(t: TestContext, answer: (messages: WireMessage[]) => string | 'fail') {
  const requests: WireMessage[][] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const { messages } = JSON.parse(Buffer.concat(parts).toString('utf8')) as { messages: WireMessage[] };
      requests.push(messages);
      const reply = answer(messages);
      if (reply === 'fail') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"model overloaded"}}');
        return;
      }
      const chunk = (delta: object, finish: string | null) => `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(chunk({ role: 'assistant', content: reply }, null) + chunk({}, 'stop') + 'data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const llm = new OpenAiLlm({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, model: 'qwen-plus', timeoutMs: 2000, maxRetries: 0 });
  return { llm, requests };
}

const lastUser = (messages: WireMessage[]) => messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
const calleeWith = (llm: Llm, persona: string, callId = 'llm-1') =>
  new PersonaCatalog({ seed: 7, llm }).calleeFor({ accountId: 'a', callee: '13812345678', callId, variables: { [PERSONA_VARIABLE]: persona } });

test("the model's answer is read as one utterance, a key press, silence or a hang-up", () => {
  assert.deepEqual(parseLlmReply('好的，你说吧。'), { kind: 'say', text: '好的，你说吧。', thenHangUp: false });
  assert.deepEqual(parseLlmReply('“嗯，可以。”（点头）然后我们聊聊别的吧'), { kind: 'say', text: '嗯，可以。', thenHangUp: false });
  assert.deepEqual(parseLlmReply('接听者：不需要 [hangup]'), { kind: 'say', text: '不需要', thenHangUp: true });
  assert.deepEqual(parseLlmReply('[hangup]'), { kind: 'hangup' });
  assert.deepEqual(parseLlmReply(' [press 1] '), { kind: 'dtmf', digits: '1' });
  assert.deepEqual(parseLlmReply('[silence]'), { kind: 'silence' });
  assert.deepEqual(parseLlmReply(''), { kind: 'silence' });
  assert.equal((parseLlmReply('啊'.repeat(100)) as { text: string }).text.length, 40);
});

test('the model is cast as the persona, hears the whole conversation and its answers become actions', async (t) => {
  const { llm, requests } = await endpoint(t, (messages) => {
    const said = lastUser(messages);
    if (said.includes('优惠')) return '可以啊，具体什么优惠？';
    return said.includes('请按') ? '[press 1]' : '喂？[silence]';
  });
  const callee = calleeWith(llm, 'cooperative');
  const first = await callee.react(heard(PROMPTS.marketing));
  assert.equal(first.kind === 'say' && first.text, '可以啊，具体什么优惠？');
  assert.ok(first.kind === 'say' && first.afterMs > 0);
  const second = await callee.react(heard(PROMPTS.menu));
  assert.equal(second.kind === 'dtmf' && second.digits, '1');
  assert.equal((await callee.react(quiet(3000))).kind, 'say');
  const [system, ...rest] = requests[2]!;
  assert.equal(system?.role, 'system');
  assert.match(system?.content ?? '', /配合的接听者/);
  assert.match(system?.content ?? '', /\[hangup\][\s\S]*\[silence\][\s\S]*\[press 数字\]/);
  assert.deepEqual(rest, [
    { role: 'user', content: PROMPTS.marketing },
    { role: 'assistant', content: '可以啊，具体什么优惠？' },
    { role: 'user', content: PROMPTS.menu },
    { role: 'assistant', content: '[press 1]' },
    { role: 'user', content: '[沉默 3 秒]' },
  ]);
});

test('words followed by [hangup] are said, and the next cue hangs up without asking the model', async (t) => {
  const { llm, requests } = await endpoint(t, () => '不需要，别再打了 [hangup]');
  const callee = calleeWith(llm, 'cooperative');
  const no = await callee.react(heard(PROMPTS.marketing));
  assert.equal(no.kind === 'say' && no.text, '不需要，别再打了');
  assert.equal((await callee.react(heard('那您看什么时候方便？'))).kind, 'hangup');
  assert.equal(requests.length, 1);
});

test("the persona's limits hold whatever the model says: patience and silence end the call", async (t) => {
  const { llm, requests } = await endpoint(t, () => '嗯，你说。');
  const busy = calleeWith(llm, 'busy');
  const kinds = [];
  for (let i = 0; i < 3; i++) kinds.push((await busy.react(heard('我再介绍一下。'))).kind);
  assert.deepEqual(kinds, ['say', 'say', 'hangup']); // busy has patience for two prompts
  assert.equal(requests.length, 2);
  const silent = calleeWith(llm, 'silent', 'llm-2');
  await silent.react(heard(PROMPTS.notice));
  await silent.react(quiet());
  assert.equal((await silent.react(quiet())).kind, 'hangup'); // silent hangs up at the second silence in a row
  assert.equal(requests.length, 4);
});

test('when the endpoint fails the keyword persona answers instead, exactly as it would without a model', async (t) => {
  let up = true;
  const { llm, requests } = await endpoint(t, () => (up ? '好的，你说。' : 'fail'));
  const cues = [heard(PROMPTS.marketing), heard(PROMPTS.repayment), quiet(), heard(PROMPTS.goodbye)];
  const played = calleeWith(llm, 'cooperative', 'llm-3');
  const keyword = personaCallee('cooperative', 'llm-3');
  const got = [];
  const expected = [];
  for (const cue of cues) {
    got.push(await played.react(cue));
    expected.push(keyword.react(cue));
    up = false;
  }
  assert.equal(got[0]?.kind === 'say' && got[0].text, '好的，你说。');
  assert.deepEqual(got.slice(1), expected.slice(1));
  assert.equal(requests.length, 4);
});

test('on the simulated carrier, a model-played callee talks with a flow on the virtual clock', async (t) => {
  const { llm } = await endpoint(t, (messages) => (lastUser(messages).includes('优惠') ? '有什么优惠？' : '好的，谢谢 [hangup]'));
  let inFlight = 0;
  const counted: Llm = {
    description: llm.description,
    complete: (request) => {
      inFlight++;
      return llm.complete(request).finally(() => inFlight--);
    },
  };
  // The clock must not jump ahead while the model is thinking over HTTP, which Node does not count as busy.
  const clock = new VirtualClock(T0, { isBusy: () => inFlight > 0 });
  const catalog = new PersonaCatalog({ seed: 7, llm: counted });
  const sim = new SimTelephony({ clock, ledger: { record: () => undefined }, timeScale: 1, seed: 7, callees: catalog.calleeFor });
  const heardBack: unknown[] = [];
  const call = recordCall(async (s) => {
    await s.say(PROMPTS.marketing);
    heardBack.push(await s.listen({ timeoutMs: 5000 }));
    await s.say('开卡就送三个月会员。');
    heardBack.push(await s.listen({ timeoutMs: 5000 }));
    await s.say('感谢您的接听。');
  });
  await sim.originate(dial('13800000000', { attemptId: 'llm-att', callId: 'llm-call', variables: { sim_persona: 'cooperative' } }), call.listener);
  await clock.runUntil(() => call.outcome !== undefined);
  assert.deepEqual(heardBack.map((h) => (h as { text?: string }).text), ['有什么优惠？', '好的，谢谢']);
  assert.equal(call.outcome?.hangupBy, 'callee');
  assert.ok((call.session as SimCallSession).transcript.some((turn) => turn.kind === 'heard' && turn.text === '有什么优惠？'));
});
