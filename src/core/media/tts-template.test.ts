import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../errors.js';
import { newTtsTemplate, templateVariables, ttsCodeOf } from './tts-template.js';

const key = { accountId: 'acc', code: 'TTS_123456789', at: 5 };
const refusal = (param: string, message: RegExp) => (e: unknown) => e instanceof DomainError && e.code === 'InvalidArgument' && e.param === param && message.test(e.message);

test('codes are TTS_ and nine digits across the whole range of random input', () => {
  assert.equal(ttsCodeOf(new Uint8Array([0, 0, 0, 0])), 'TTS_100000000');
  assert.equal(ttsCodeOf(new Uint8Array([255, 255, 255, 255])), `TTS_${100_000_000 + (0xffffffff % 900_000_000)}`);
  assert.match(ttsCodeOf(new Uint8Array([1, 2, 3, 4, 5])), /^TTS_[1-9]\d{8}$/);
  assert.throws(() => ttsCodeOf(new Uint8Array(3)), RangeError);
});

test('variables are the distinct ${name}s in order of first appearance, Han names included', () => {
  assert.deepEqual(templateVariables('${客户}您好，${code}是${code}，${order_no}'), ['客户', 'code', 'order_no']);
  assert.deepEqual(templateVariables('$code$ 与 {code} 不是变量'), []);
});

test('a valid template is approved at once with a trimmed name', () => {
  const t = newTtsTemplate(key, { name: ' 通知 ', content: '您好${name}', type: 'NOTIFY', publicMode: true });
  assert.deepEqual(t, { accountId: 'acc', code: 'TTS_123456789', name: '通知', type: 'NOTIFY', content: '您好${name}', publicMode: true, status: 'APPROVED', createdAt: 5 });
});

test('a CODE template holds exactly one variable, however often it is used', () => {
  assert.equal(newTtsTemplate(key, { name: 'c', content: '验证码${c}，重复${c}', type: 'CODE', publicMode: false }).type, 'CODE');
  assert.throws(() => newTtsTemplate(key, { name: 'c', content: '${a}${b}', type: 'CODE', publicMode: false }), refusal('Content', /exactly one .*2 \(a, b\)/));
});

test('limits count characters, not bytes or UTF-16 units', () => {
  const input = { name: '名'.repeat(64), content: '😀'.repeat(500), type: 'NOTIFY', publicMode: false };
  assert.equal(newTtsTemplate(key, input).content.length, 1000);
  assert.throws(() => newTtsTemplate(key, { ...input, content: '😀'.repeat(501) }), refusal('Content', /longer than 500/));
  assert.throws(() => newTtsTemplate(key, { ...input, name: '名'.repeat(65) }), refusal('Name', /longer than 64/));
});

test('links, blank text, unknown types and broken placeholders are refused naming the parameter', () => {
  const base = { name: 'n', content: 'c', type: 'NOTIFY', publicMode: false };
  assert.throws(() => newTtsTemplate(key, { ...base, content: '访问WWW.example.com' }), refusal('Content', /links/));
  assert.throws(() => newTtsTemplate(key, { ...base, content: ' \n ' }), refusal('Content', /blank/));
  assert.throws(() => newTtsTemplate(key, { ...base, type: 'notify' }), refusal('Type', /NOTIFY, CODE/));
  assert.throws(() => newTtsTemplate(key, { ...base, content: '${a b}' }), refusal('Content', /does not start a \$\{name\}/));
  assert.throws(() => newTtsTemplate(key, { ...base, content: `\${${'x'.repeat(65)}}` }), refusal('Content', /longer than 64/));
});
