// The agent flow with the LLM brain, through the real OpenAI adapter against a local endpoint speaking OpenAI's SSE
// format, on the simulated carrier: the first sentence is spoken while the answer still streams, tools hang up,
// transfer and set tags (checked against the agent's definitions), a barge-in aborts the stream, and a failing model
// hands the call to the script brain.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { performance } from 'node:perf_hooks';
import { OpenAiLlm } from '../../providers/llm/openai-llm.js';
import type { SimCallee } from '../../providers/telephony/sim/sim-callee.js';
import { brainKind } from './agent-brain.js';
import { AGENT_LINES, runAgent } from './agent-flow.js';
import { CALL_VARIABLES, INSURANCE_AGENT, answer, runOnSim, scripted, silent, turnsOf } from './flow-test-kit.js';
import { FALLBACK_LINE, LlmAgentBrain } from './llm-agent-brain.js';
import { IoGate, answerWith, finishStream, openAiEndpoint, startStream, writeText, type ScriptedAnswer } from './openai-test-server.js';
import { ScriptAgentBrain, SCRIPT_LINES } from './script-agent-brain.js';

const OPENING = '张先生您好，我是云保险的小云，想给您介绍一款医疗险，您有兴趣了解一下吗？';
const STEP1 = INSURANCE_AGENT.childTasks[0]!.description;

/** Runs one agent call with the LLM brain against an endpoint answering with `answers`. */
async function talk(t: TestContext, callee: SimCallee, answers: ScriptedAnswer[], gate = new IoGate()) {
  const { baseUrl, seen } = await openAiEndpoint(t, answers);
  const llm = gate.llm(new OpenAiLlm({ baseUrl, model: 'qwen-plus', timeoutMs: 2000, maxRetries: 0 }));
  const fallbacks: unknown[] = [];
  const brain = new LlmAgentBrain({
    llm, profile: INSURANCE_AGENT, variables: CALL_VARIABLES, fallback: new ScriptAgentBrain(INSURANCE_AGENT, CALL_VARIABLES), onFallback: (e) => fallbacks.push(e),
  });
  const run = await runOnSim(
    callee,
    (session, clock) => runAgent(gate.session(session), { profile: INSURANCE_AGENT, brain, muteTimeMs: 3000, muteHangupCount: 1 }, { clock, stopwatch: () => performance.now() }),
    { isBusy: gate.busy },
  );
  return { ...run, seen, brain, fallbacks };
}

test('with a model configured calls get the LLM brain', () => {
  assert.equal(brainKind(new OpenAiLlm({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 1, maxRetries: 0 })), 'llm');
});

test('the first sentence is spoken while the answer still streams; set_tag and hang_up are applied', async (t) => {
  const gate = new IoGate();
  const streamed: ScriptedAnswer = async (res) => {
    startStream(res);
    writeText(res, ['有的，', '现在首月免费。', '详情']);
    // The rest comes only once the first sentence is being spoken: an agent that waited for the whole answer would stall.
    await gate.handedToSpeech('有的，现在首月免费。');
    writeText(res, ['稍后短信发您，', '再见！']);
    finishStream(res, [
      { name: 'set_tag', arguments: { name: '通话效果评级', value: 'B' } },
      { name: 'set_tag', arguments: { name: '客户年龄段', value: '三十多岁' } },
      { name: 'hang_up' },
    ]);
  };
  const run = await talk(t, scripted(answer(OPENING, '有什么优惠吗？')), [streamed], gate);
  assert.deepEqual(turnsOf(run.report), [`assistant: ${OPENING}`, 'user: 有什么优惠吗？', 'assistant: 有的，现在首月免费。', 'assistant: 详情稍后短信发您，再见！']);
  assert.equal(run.result.ending, 'hangup');
  assert.equal(run.result.brain, 'llm');
  assert.equal(run.report.majorIntent, 'B');
  assert.deepEqual(run.report.tags, [{ name: '客户年龄段', value: '三十多岁' }]);
  assert.equal(run.result.replyLatenciesMs.length, 1);
  assert.ok(run.result.replyLatenciesMs[0]! >= 0);
});

test('the request carries the filled prompt, steps, tag definitions, phone rules, the opening and the tools', async (t) => {
  const run = await talk(t, scripted(answer(OPENING, '你说')), [answerWith(['好的，再见。'], [{ name: 'hang_up' }])]);
  const { body } = run.seen[0]!;
  assert.equal(body.stream, true);
  assert.deepEqual(body.tools?.map((tool) => tool.function.name), ['hang_up', 'transfer_to_human', 'set_tag']);
  const system = String(body.messages[0]!.content);
  for (const part of ['语气亲切，向张先生介绍一款医疗险', '1. 产品介绍：这款医疗险每月只要十元', '客户意向度：客户对产品的兴趣。可选值：高（非常积极）；中；低（无意向）', '通话效果评级', '每次只说一到两句']) {
    assert.ok(system.includes(part), `system prompt lacks ${part}`);
  }
  assert.deepEqual(body.messages.slice(1), [{ role: 'assistant', content: OPENING }, { role: 'user', content: '你说' }]);
});

test('transfer_to_human hands the call to the agent transfer number', async (t) => {
  const run = await talk(t, scripted(answer(OPENING, '帮我找个真人'), silent), [answerWith(['好的，马上为您转接。'], [{ name: 'transfer_to_human' }])]);
  assert.equal(run.result.ending, 'transfer');
  assert.equal(run.report.transferredTo, '4001234567');
  assert.equal(run.outcome.transferredTo, '4001234567');
});

test('a barge-in aborts the stream; the interruption is marked and reaches the model with the next request', async (t) => {
  const held: ScriptedAnswer = (res) => {
    startStream(res);
    writeText(res, ['每月只要十元，保障很全面。', '另外']); // and never finishes: only the abort can end it
  };
  const callee = scripted(answer(OPENING, '多少钱？'), { kind: 'say', text: '太贵了，不要', afterMs: 400 });
  const run = await talk(t, callee, [held, answerWith(['好的，不打扰您了，再见。'], [{ name: 'hang_up' }])]);
  await run.seen[0]!.closed;
  assert.deepEqual(turnsOf(run.report), [
    `assistant: ${OPENING}`, 'user: 多少钱？', 'assistant: 每月只要十元，保障很全面。 [cut]', 'user: 太贵了，不要 [interrupted]', 'assistant: 好的，不打扰您了，再见。',
  ]);
  assert.deepEqual(run.seen[1]!.body.messages.slice(-2), [
    { role: 'assistant', content: '每月只要十元，保障很全面。' },
    { role: 'user', content: '（客户打断了你）太贵了，不要' },
  ]);
  assert.equal(run.result.ending, 'hangup');
});

test('tags are held to the definitions; a model that only recorded tags is asked again for its words', async (t) => {
  const tagsOnly = answerWith([], [
    { name: 'set_tag', arguments: { name: '客户意向度', value: '超高' } },
    { name: 'set_tag', arguments: { name: '不存在的标签', value: 'x' } },
    { name: 'set_tag', arguments: { name: '客户意向度', value: '中' } },
  ]);
  const run = await talk(t, scripted(answer(OPENING, '我先听听吧')), [tagsOnly, answerWith(['好的，我给您简单介绍一下。'])]);
  assert.deepEqual(run.report.tags, [{ name: '客户意向度', value: '中', description: '客户对产品的兴趣' }]);
  const results = run.seen[1]!.body.messages.filter((m) => m.role === 'tool').map((m) => String(m.content));
  assert.equal(results.length, 3);
  assert.match(results[0]!, /不能取这个值.*高、中、低/);
  assert.match(results[1]!, /已忽略/);
  assert.equal(results[2], '已记录。');
  assert.deepEqual(turnsOf(run.report).slice(2), ['assistant: 好的，我给您简单介绍一下。', `assistant: ${AGENT_LINES.silenceBye}`]);
  assert.equal(run.result.ending, 'silence');
});

test('a failing model: one polite line, then the script brain answers for the rest of the call', async (t) => {
  const down: ScriptedAnswer = (res) => void res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"message":"overloaded"}}');
  const run = await talk(t, scripted(answer(OPENING, '有什么优惠吗？'), silent, answer(STEP1, '不需要')), [down]);
  assert.deepEqual(turnsOf(run.report), [
    `assistant: ${OPENING}`, 'user: 有什么优惠吗？', `assistant: ${FALLBACK_LINE}`, `assistant: ${STEP1}`, 'user: 不需要', `assistant: ${SCRIPT_LINES.refusalClose}`,
  ]);
  assert.equal(run.seen.length, 1);
  assert.equal(run.brain.fellBack, true);
  assert.equal(run.fallbacks.length, 1);
  assert.equal(run.report.majorIntent, 'D');
});
