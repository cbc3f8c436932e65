// The keyword reading of the callee's words, shared by the script agent and the rule-based analysis.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OutputTagDefinition } from '../agents/agent-profile.js';
import { callStance, purposeValueFor, utteranceStance } from './call-analysis-stance.js';
import { matchOutputTags } from './call-analysis-tags.js';

test('refusals win over the agreement words they contain; greetings are not agreement', () => {
  const cases: Array<[string, string]> = [
    ['不需要', 'refusal'], ['不好意思，没兴趣', 'refusal'], ['以后别打了', 'refusal'], ['不行', 'refusal'],
    ['好的', 'agreement'], ['可以啊', 'agreement'], ['是的', 'agreement'], ['有兴趣', 'agreement'],
    ['你是谁？', 'question'], ['你们是哪里的', 'question'], ['什么事', 'question'],
    ['帮我转人工', 'transfer'], ['喂，你好', 'other'], ['多少钱', 'other'],
  ];
  assert.deepEqual(cases.map(([text]) => [text, utteranceStance(text)]), cases);
});

test('the call stance is the last decisive one; the main purpose is graded best-first', () => {
  const user = (content: string) => ({ role: 'user' as const, content, at: 0 });
  assert.equal(callStance([user('好的'), user('算了，不需要')]), 'refusal');
  assert.equal(callStance([user('不要'), user('哦那可以')]), 'agreement');
  assert.equal(callStance([user('喂？')]), 'other');
  assert.equal(callStance([]), 'silent');
  const purpose = { name: '评级', values: ['A', 'B', 'C', 'D'].map((value) => ({ value })) };
  assert.deepEqual((['agreement', 'other', 'refusal', 'silent'] as const).map((s) => purposeValueFor(purpose, s)), ['A', 'C', 'D', 'D']);
  assert.equal(purposeValueFor(undefined, 'agreement'), undefined);
});

test('ENUM tags: a value named outright wins, else the value worded like the stance; TEXT tags are left alone', () => {
  const defs: OutputTagDefinition[] = [
    { name: '意向', type: 'ENUM', values: [{ value: '高', description: '非常积极' }, { value: '中' }, { value: '低', description: '无意向' }] },
    { name: '车系', type: 'ENUM', values: [{ value: '轿车' }, { value: 'SUV' }] },
    { name: '备注', type: 'TEXT', values: [] },
  ];
  assert.deepEqual(matchOutputTags(defs, '可以，我想看看SUV', 'agreement'), [{ name: '意向', value: '高' }, { name: '车系', value: 'SUV' }]);
  assert.deepEqual(matchOutputTags(defs, '不需要', 'refusal'), [{ name: '意向', value: '低' }]);
  assert.deepEqual(matchOutputTags(defs, '中', 'other'), [{ name: '意向', value: '中' }]);
  assert.deepEqual(matchOutputTags(defs, '喂', 'other'), []);
});
