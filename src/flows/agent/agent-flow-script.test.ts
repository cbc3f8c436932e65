// The agent flow with the script brain (no model configured) on the simulated carrier: agreement walks the steps,
// refusal closes politely, questions get an introduction, "转人工" transfers, silences are reprompted then ended, a
// barge-in cuts the answer and is marked, and the session time limit ends the call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { speechMs } from '../../providers/telephony/sim/sim-speech.js';
import { brainKind } from './agent-brain.js';
import { AGENT_LINES, runAgent, type AgentFlowOptions } from './agent-flow.js';
import { createAgentBrain } from './create-agent-brain.js';
import { CALL_VARIABLES, INSURANCE_AGENT, answer, runOnSim, scripted, silent, turnsOf } from './flow-test-kit.js';
import { SCRIPT_LINES } from './script-agent-brain.js';
import type { SimCallee } from '../../providers/telephony/sim/sim-callee.js';

const OPENING = '张先生您好，我是云保险的小云，想给您介绍一款医疗险，您有兴趣了解一下吗？';
const [STEP1, STEP2] = INSURANCE_AGENT.childTasks.map((t) => t.description) as [string, string];

function talk(callee: SimCallee, options: Partial<AgentFlowOptions> = {}) {
  const brain = createAgentBrain(INSURANCE_AGENT, CALL_VARIABLES);
  return runOnSim(callee, (session, clock) => runAgent(session, { profile: INSURANCE_AGENT, brain, ...options }, { clock }));
}

test('with no model the script brain is used', () => {
  assert.equal(brainKind(undefined), 'script');
  assert.equal(createAgentBrain(INSURANCE_AGENT, CALL_VARIABLES).kind, 'script');
});

test('agreement walks the child tasks in order, then closes; main purpose A and the tag of a keen callee', async () => {
  const run = await talk(scripted(answer(OPENING, '好的'), answer(STEP1, '可以'), answer(STEP2, '行，发吧')));
  assert.deepEqual(turnsOf(run.report), [
    `assistant: ${OPENING}`, 'user: 好的', `assistant: ${STEP1}`, 'user: 可以', `assistant: ${STEP2}`, 'user: 行，发吧', `assistant: ${SCRIPT_LINES.finalClose}`,
  ]);
  assert.equal(run.report.majorIntent, 'A');
  assert.deepEqual(run.report.tags, [{ name: '客户意向度', value: '高', description: '客户对产品的兴趣' }]);
  assert.equal(run.result.ending, 'hangup');
  assert.equal(run.result.brain, 'script');
  assert.deepEqual(run.result.replyLatenciesMs, [0, 0, 0]);
  assert.equal(run.outcome.hangupBy, 'robot');
});

test('a refusal gets the polite close and a hang-up; main purpose D, keen-ness low', async () => {
  const run = await talk(scripted(answer(OPENING, '不需要，别打了')));
  assert.deepEqual(turnsOf(run.report), [`assistant: ${OPENING}`, 'user: 不需要，别打了', `assistant: ${SCRIPT_LINES.refusalClose}`]);
  assert.equal(run.report.majorIntent, 'D');
  assert.deepEqual(run.report.tags.map((t) => t.value), ['低']);
  assert.equal(run.result.ending, 'hangup');
});

test('"who are you" is answered with the agent name before the next step; "转人工" transfers to the agent number', async () => {
  const run = await talk(scripted(answer(OPENING, '你是哪里？'), silent, answer(STEP1, '我要转人工')));
  assert.deepEqual(turnsOf(run.report).slice(2), [
    'assistant: 您好，我是云保险的小云。', `assistant: ${STEP1}`, 'user: 我要转人工', `assistant: ${SCRIPT_LINES.transfer}`,
  ]);
  assert.equal(run.result.ending, 'transfer');
  assert.equal(run.report.transferredTo, '4001234567');
  assert.equal(run.outcome.transferredTo, '4001234567');
});

test('silence: a reprompt after muteTime, a goodbye and hang-up after muteHangupCount silences in a row', async () => {
  const run = await talk(scripted(), { muteTimeMs: 3000, muteHangupCount: 2 });
  assert.deepEqual(turnsOf(run.report), [`assistant: ${OPENING}`, `assistant: ${AGENT_LINES.reprompt}`, `assistant: ${AGENT_LINES.silenceBye}`]);
  assert.equal(run.result.ending, 'silence');
  assert.equal(run.result.silences, 2);
  assert.equal(run.outcome.durationMs, speechMs(OPENING) + 3000 + speechMs(AGENT_LINES.reprompt) + 3000 + speechMs(AGENT_LINES.silenceBye));
});

test('an answer after a reprompt resets the silence count', async () => {
  const run = await talk(scripted(silent, silent, answer(AGENT_LINES.reprompt, '在的，你说吧')), { muteTimeMs: 3000, muteHangupCount: 2 });
  assert.deepEqual(turnsOf(run.report), [
    `assistant: ${OPENING}`, `assistant: ${AGENT_LINES.reprompt}`, 'user: 在的，你说吧', `assistant: ${STEP1}`,
    `assistant: ${AGENT_LINES.reprompt}`, `assistant: ${AGENT_LINES.silenceBye}`,
  ]);
  assert.equal(run.result.silences, 3);
});

test('a barge-in cuts the answer; the callee turn is marked interrupted and answered next', async () => {
  const run = await talk(scripted(answer(OPENING, '好的'), { kind: 'say', text: '等一下，多少钱？', afterMs: 800 }, answer(STEP2, '不用了')));
  assert.deepEqual(turnsOf(run.report), [
    `assistant: ${OPENING}`, 'user: 好的', `assistant: ${STEP1} [cut]`, 'user: 等一下，多少钱？ [interrupted]', `assistant: ${STEP2}`, 'user: 不用了',
    `assistant: ${SCRIPT_LINES.refusalClose}`,
  ]);
  assert.equal(run.report.majorIntent, 'D');
});

test('the start word plays whole: a callee talking over it is heard after, marked interrupted', async () => {
  const run = await talk(scripted({ kind: 'say', text: '喂？', afterMs: 500 }, answer(STEP1, '不用了')));
  assert.deepEqual(turnsOf(run.report).slice(0, 3), [`assistant: ${OPENING}`, 'user: 喂？ [interrupted]', `assistant: ${STEP1}`]);
});

test('the session time limit hangs up wherever the call is', async () => {
  const run = await talk(scripted(), { sessionTimeoutMs: 20_000, muteTimeMs: 15_000, muteHangupCount: 5 });
  assert.equal(run.result.ending, 'session-timeout');
  assert.equal(run.outcome.durationMs, 20_000);
  assert.equal(run.outcome.hangupBy, 'robot');
});
