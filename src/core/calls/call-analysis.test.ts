// The post-call analysis: by rules (summary, turn count, intent, keyword tags) and by a model through the real OpenAI
// adapter against a local endpoint (JSON held to the agent's definitions; unusable answers fall back to the rules).
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { INSURANCE_AGENT } from '../../flows/agent/flow-test-kit.js';
import { answerWith, openAiEndpoint, type ScriptedAnswer } from '../../flows/agent/openai-test-server.js';
import { OpenAiLlm } from '../../providers/llm/openai-llm.js';
import { analyzeCall, type CallEnding } from './call-analysis.js';
import { answeredTurnCount } from './call-analysis-rules.js';
import type { DialogTurn, FlowReport } from './dialog.js';

const OPENING = '张先生您好，我是云保险的小云，想给您介绍一款医疗险，您有兴趣了解一下吗？';
const byRobot: CallEnding = { hangupBy: 'robot', durationMs: 35_400 };

let at = 0;
const a = (content: string): DialogTurn => ({ role: 'assistant', content, at: (at += 1000) });
const u = (content: string, extra: Partial<DialogTurn> = {}): DialogTurn => ({ role: 'user', content, at: (at += 1000), ...extra });
const report = (turns: DialogTurn[], extra: Partial<FlowReport> = {}): FlowReport => ({ turns, tags: [], ...extra });

const agreed = report([a(OPENING), u('好的'), a('这款医疗险每月只要十元。'), u('可以，我挺有兴趣的'), a('好的，再见。')]);

test('rules: an agreeing callee gives the summary of offer, reaction and end, main purpose A and the keen tag', async () => {
  const analysis = await analyzeCall(agreed, byRobot, INSURANCE_AGENT);
  assert.equal(
    analysis.summary,
    `我方介绍：“${OPENING}”；客户表示同意或有兴趣（“可以，我挺有兴趣的”）；我方结束通话，共 2 轮对话，通话 35 秒。`,
  );
  assert.equal(analysis.majorIntent, 'A');
  assert.deepEqual(analysis.tags, [{ name: '客户意向度', value: '高', description: '客户对产品的兴趣' }]);
  assert.equal(analysis.turnCount, 2);
  assert.equal(analysis.analyzedBy, 'rules');
});

test('rules: what the flow decided stands over the rules (intent and tags)', async () => {
  const decided = { ...agreed, majorIntent: 'B', tags: [{ name: '客户意向度', value: '中' }] };
  const analysis = await analyzeCall(decided, byRobot, INSURANCE_AGENT);
  assert.equal(analysis.majorIntent, 'B');
  assert.deepEqual(analysis.tags, [{ name: '客户意向度', value: '中' }]);
});

test('rules: a refusal, a barge-in and a callee hang-up are told; main purpose D', async () => {
  const refused = report([a(OPENING), u('你是哪里的？'), a('我是云保险的小云。'), u('不需要，别打了', { interrupted: true })]);
  const analysis = await analyzeCall(refused, { hangupBy: 'callee', durationMs: 12_000 }, INSURANCE_AGENT);
  assert.equal(analysis.summary, `我方介绍：“${OPENING}”；客户明确拒绝（“不需要，别打了”），客户询问了来电方，客户打断 1 次；客户挂断，共 1 轮对话，通话 12 秒。`);
  assert.equal(analysis.majorIntent, 'D');
  assert.deepEqual(analysis.tags.map((t) => t.value), ['低']);
  assert.equal(analysis.turnCount, 1);
});

test('rules: keys of an IVR call, a silent callee, a transfer; no intent without an agent', async () => {
  const long = await analyzeCall(report([a(`${OPENING}${OPENING}`)]), byRobot);
  assert.ok(long.summary.startsWith(`我方介绍：“${OPENING}${OPENING.slice(0, 4)}…”；`));
  const ivr = await analyzeCall(report([a('[start.wav]'), u('1', { dtmf: '1' }), a('订单已确认。')], { dtmf: ['1'] }), byRobot);
  assert.equal(ivr.summary, '播放了语音文件[start.wav]；客户按键 1；我方结束通话，共 1 轮对话，通话 35 秒。');
  assert.equal(ivr.majorIntent, undefined);
  const silent = await analyzeCall(report([a(OPENING), a('喂，您好，请问您还在听吗？')]), { hangupBy: 'system', durationMs: 20_000 }, INSURANCE_AGENT);
  assert.match(silent.summary, /；客户未作回应；系统结束通话（超时或异常），共 0 轮对话/);
  assert.equal(silent.majorIntent, 'D');
  const transferred = await analyzeCall(report([a(OPENING), u('转人工')]), { hangupBy: 'robot', durationMs: 9000, transferredTo: '4001234567' });
  assert.match(transferred.summary, /通话已转接人工/);
});

test('the turn count counts callee turns that got an answer', () => {
  assert.equal(answeredTurnCount([a('x'), u('1'), u('2'), a('y'), u('3')]), 2);
  assert.equal(answeredTurnCount([u('1')]), 0);
});

async function llmAt(t: TestContext, answers: ScriptedAnswer[]) {
  const { baseUrl, seen } = await openAiEndpoint(t, answers);
  return { llm: new OpenAiLlm({ baseUrl, model: 'qwen-plus', timeoutMs: 2000, maxRetries: 0 }), seen };
}

test('model: the JSON answer (in a code fence) gives the analysis, held to the agent definitions', async (t) => {
  const json = JSON.stringify({
    summary: '我方介绍医疗险，客户表示有兴趣，通话正常结束。', majorIntent: 'A',
    tags: [{ name: '客户意向度', value: '高' }, { name: '客户年龄段', value: '三十多岁' }, { name: '不存在', value: 'x' }],
  });
  const { llm, seen } = await llmAt(t, [answerWith(['```json\n', json.slice(0, 30), json.slice(30), '\n```'])]);
  const flowTagged = { ...agreed, tags: [{ name: '客户意向度', value: '中' }] };
  const analysis = await analyzeCall(flowTagged, byRobot, INSURANCE_AGENT, llm);
  assert.deepEqual(analysis, {
    summary: '我方介绍医疗险，客户表示有兴趣，通话正常结束。', majorIntent: 'A',
    tags: [{ name: '客户意向度', value: '中' }, { name: '客户年龄段', value: '三十多岁' }],
    turnCount: 2, analyzedBy: 'llm',
  });
  const [system, transcript] = seen[0]!.body.messages.map((m) => String(m.content));
  assert.match(system!, /只能取：A、B、C、D/);
  assert.match(system!, /客户意向度：客户对产品的兴趣；只能取 高（非常积极）、中、低（无意向）/);
  assert.match(transcript!, /^坐席：张先生您好.*\n客户：好的\n/su);
});

test('model: an intent or value outside the definitions is dropped, the rules fill in the intent', async (t) => {
  const json = JSON.stringify({ summary: '客户有兴趣。', majorIntent: 'E', tags: [{ name: '客户意向度', value: '超高' }] });
  const { llm } = await llmAt(t, [answerWith([json])]);
  const analysis = await analyzeCall(agreed, byRobot, INSURANCE_AGENT, llm);
  assert.equal(analysis.analyzedBy, 'llm');
  assert.equal(analysis.majorIntent, 'A');
  assert.deepEqual(analysis.tags, []);
});

test('model: text that is not the JSON asked for, or a failed request, gives the rules', async (t) => {
  const why: unknown[] = [];
  const { llm } = await llmAt(t, [answerWith(['这通电话客户很有兴趣。']), (res) => void res.writeHead(500).end('{"error":{"message":"boom"}}')]);
  const prose = await analyzeCall(agreed, byRobot, INSURANCE_AGENT, llm, { onFallback: (w) => why.push(w) });
  const failed = await analyzeCall(agreed, byRobot, INSURANCE_AGENT, llm, { onFallback: (w) => why.push(w) });
  assert.deepEqual([prose.analyzedBy, failed.analyzedBy], ['rules', 'rules']);
  assert.equal(prose.majorIntent, 'A');
  assert.equal(why.length, 2);
  assert.ok(String(why[0]).includes('unusable analysis answer'));
});
