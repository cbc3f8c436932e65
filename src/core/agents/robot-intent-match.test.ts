// Which intent a reply is: keywords (contained, case and width ignored), regex, keys; first declared wins.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptsKeys, containsKeyword, hasReply, keysMatch, matchIntent, normalizeUtterance } from './robot-intent-match.js';
import type { RobotIntent } from './robot-script.js';

const intents: RobotIntent[] = [
  { name: 'refuse', keywords: ['不能', '不可以'], next: 'a' },
  { name: 'date', regex: '(\\d{1,2}|[一二三四五六七八九十]{1,3})号', next: 'b' },
  { name: 'agent', keywords: ['人工', 'Agent'], dtmf: '0', next: 'c' },
  { name: 'yes', keywords: ['能', '可以', 'OK'], dtmf: '1', next: 'd' },
  { name: 'code', dtmf: '*9#', next: 'e' },
];
const nameOf = (reply: { text?: string; dtmf?: string }) => matchIntent(intents, reply)?.name;

test('a keyword anywhere in the utterance matches; the first declared intent wins', () => {
  assert.equal(nameOf({ text: '可以的，没问题' }), 'yes');
  assert.equal(nameOf({ text: '我不可以' }), 'refuse', '"不可以" is declared before "可以"');
  assert.equal(nameOf({ text: '15号能还' }), 'date', 'the regex intent comes before the "能" keyword');
  assert.equal(nameOf({ text: '帮我转人工吧' }), 'agent');
  assert.equal(nameOf({ text: '今天天气不错' }), undefined);
});

test('keywords ignore case, full-width forms and spaces', () => {
  assert.equal(normalizeUtterance('ＯＫ，　好 的'), 'ok,好的');
  assert.equal(nameOf({ text: 'ｏｋ' }), 'yes');
  assert.equal(nameOf({ text: 'I want an AGENT' }), 'agent');
  assert.equal(nameOf({ text: '人 工' }), 'agent', 'a recognizer may put spaces between Han words');
  assert.ok(containsKeyword('可以', ['  ', '可以']));
  assert.ok(!containsKeyword('随便', [' ']), 'a blank keyword never matches');
});

test('regexes are case-insensitive and see full-width digits as half-width', () => {
  assert.equal(nameOf({ text: '我１５号还' }), 'date');
  assert.equal(nameOf({ text: '下个月十五号吧' }), 'date');
  const upper: RobotIntent[] = [{ name: 'x', regex: '^yes\\b', next: 'a' }];
  assert.equal(matchIntent(upper, { text: 'YES please' })?.name, 'x');
});

test('keys match exactly; a # ending the input is dropped; speech never matches by keys', () => {
  assert.equal(nameOf({ dtmf: '1' }), 'yes');
  assert.equal(nameOf({ dtmf: '0#' }), 'agent');
  assert.equal(nameOf({ dtmf: '*9#' }), 'code');
  assert.equal(nameOf({ dtmf: '12' }), undefined);
  assert.equal(nameOf({ dtmf: '9' }), undefined);
  assert.equal(nameOf({ text: '0' }), undefined, 'intent "agent" has no keyword "0"');
  assert.ok(keysMatch('1#', '1') && !keysMatch('1', '1#') && keysMatch('1#', '1#'));
});

test('no reply, blank speech and empty keys match nothing and count as silence', () => {
  assert.equal(nameOf({}), undefined);
  assert.equal(nameOf({ text: '  ' }), undefined);
  assert.ok(!hasReply({ text: ' ' }) && !hasReply({ dtmf: '' }) && !hasReply({}));
  assert.ok(hasReply({ text: '嗯' }) && hasReply({ dtmf: '5' }));
});

test('keys are listened for only when some intent has dtmf', () => {
  assert.ok(acceptsKeys(intents));
  assert.ok(!acceptsKeys([{ name: 'a', keywords: ['好'], next: 'x' }]));
});
