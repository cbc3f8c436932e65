// Which robot scripts run without speech recognition: the rule CreateRobotTask and StartRobotTask apply on a SIP
// server without WAIHU_ASR_BASE_URL (docs/speech.md). A script is refused only when a question it can reach has no
// intent the callee can answer with keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repaymentReminderRobot } from './robot-samples.js';
import { parseRobotScript } from './robot-script.js';
import { robotSpeechNeed } from './robot-speech-need.js';

const ask = (intents: Record<string, unknown>[], next = 'bye') => ({
  type: 'ask', prompt: '请问您满意吗？', intents, noInput: { retries: 0, next }, noMatch: { retries: 0, next },
});
const script = (nodes: Record<string, unknown>, start = Object.keys(nodes)[0]) =>
  parseRobotScript({ version: 1, start, nodes: { ...nodes, bye: { type: 'hangup', prompt: '再见' } } });

test('the sample repayment reminder answers to keys at every question: it falls back to keys', () => {
  assert.deepEqual(robotSpeechNeed(repaymentReminderRobot()), { need: 'keys', speechOnlyNodes: [] });
});

test('a script that never asks needs no recognition at all', () => {
  const notice = script({ hello: { type: 'say', prompt: '您的快递已到。', next: 'bye' } });
  assert.deepEqual(robotSpeechNeed(notice), { need: 'none', speechOnlyNodes: [] });
});

test('one question without a key intent makes the script speech-driven, and the refusal can name it', () => {
  const survey = script({
    greet: ask([{ name: '是', keywords: ['是'], dtmf: '1', next: 'rate' }]),
    rate: ask([{ name: '满意', keywords: ['满意'], next: 'bye' }, { name: '不满意', regex: '不.*满意', next: 'bye' }]),
  });
  assert.deepEqual(robotSpeechNeed(survey), { need: 'speech', speechOnlyNodes: ['rate'] });
});

test('a question reached only through a retry branch counts; one no path reaches does not', () => {
  const viaNoInput = script({
    greet: ask([{ name: '是', dtmf: '1', next: 'bye' }], 'again'),
    again: ask([{ name: '是', keywords: ['是'], next: 'bye' }]),
  });
  assert.deepEqual(robotSpeechNeed(viaNoInput).speechOnlyNodes, ['again']);
  const orphan = script({
    greet: ask([{ name: '是', dtmf: '1', next: 'bye' }]),
    unused: ask([{ name: '是', keywords: ['是'], next: 'bye' }]),
  }, 'greet');
  assert.deepEqual(robotSpeechNeed(orphan), { need: 'keys', speechOnlyNodes: [] });
});
