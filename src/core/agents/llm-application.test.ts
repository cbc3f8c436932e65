import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { applicationCodeOf, editedLlmApplication, newLlmApplication, placeholderNames } from './llm-application.js';

const T0 = 1_790_000_000_000;
const origin = { code: 'ATEST', accountId: 'acc', at: T0 };
const invalid = (param: string, message?: RegExp) => (e: unknown) =>
  e instanceof DomainError && e.code === 'InvalidArgument' && e.param === param && (!message || message.test(e.message));

test('placeholder names come from ${...} in order of first appearance, each once', () => {
  assert.deepEqual(placeholderNames('语气${style}，向${name}介绍${product}，${name}'), ['style', 'name', 'product']);
  assert.deepEqual(placeholderNames('${客户姓名}您好 ${ bad } $name ${} ${a$b}'), ['客户姓名']);
  assert.deepEqual(placeholderNames('no variables'), []);
});

test("an ApplicationCode is 'A' and 10 characters of A-Z0-9", () => {
  const code = applicationCodeOf(Uint8Array.from([0, 25, 26, 35, 36, 255, 1, 2, 3, 4]));
  assert.equal(code, 'AAZ09ADBCDE');
  assert.match(applicationCodeOf(new Uint8Array(10).fill(200)), /^A[A-Z0-9]{10}$/);
  assert.throws(() => applicationCodeOf(new Uint8Array(3)), RangeError);
});

test('a new application needs Name, Prompt and StartWord and gets the default voice settings', () => {
  const app = newLlmApplication(origin, { Name: ' 保险 ', Prompt: 'p', StartWord: 's' });
  assert.deepEqual(app, {
    code: 'ATEST', accountId: 'acc', name: '保险', description: '', prompt: 'p', startWord: 's', ttsVoiceCode: '', ttsSpeed: 0, ttsVolume: 50,
    revision: 1, createdAt: T0, updatedAt: T0,
  });
  assert.throws(() => newLlmApplication(origin, { Name: 'n', Prompt: 'p' }), invalid('StartWord', /required/));
  assert.throws(() => newLlmApplication(origin, { Name: '  ', Prompt: 'p', StartWord: 's' }), invalid('Name', /required/));
});

test('TtsSpeed and TtsVolume keep to their ranges', () => {
  const base = { Name: 'n', Prompt: 'p', StartWord: 's' };
  assert.equal(newLlmApplication(origin, { ...base, TtsSpeed: '-200', TtsVolume: 0 }).ttsSpeed, -200);
  assert.throws(() => newLlmApplication(origin, { ...base, TtsSpeed: 201 }), invalid('TtsSpeed', /between -200 and 200/));
  assert.throws(() => newLlmApplication(origin, { ...base, TtsVolume: 101 }), invalid('TtsVolume', /between 0 and 100/));
});

test('an edit changes only what it names; an empty description clears it, an empty prompt is refused', () => {
  const app = newLlmApplication(origin, { Name: 'n', Prompt: 'p', StartWord: 's', Description: 'd', TtsSpeed: 10 });
  const edited = editedLlmApplication(app, { Prompt: 'p2', Description: '' }, T0 + 5);
  assert.deepEqual(edited, { ...app, prompt: 'p2', description: '', revision: 2, updatedAt: T0 + 5 });
  assert.throws(() => editedLlmApplication(app, { Prompt: '' }, T0), invalid('Prompt', /required/));
});
