// The persona format: defaults filled in, and bad personas refused with every problem named by index and field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../../../core/errors.js';
import { BUILT_IN_PERSONAS } from './built-in-personas.js';
import { parsePersonas } from './persona-format.js';

/** The message parsePersonas throws for `input`. */
function refusal(input: unknown): string {
  try {
    parsePersonas(input);
  } catch (error) {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'InvalidArgument');
    return error.message;
  }
  assert.fail('the input was accepted');
}

test('a persona needs only a name and a weight; the rest takes defaults, and JSON text is accepted', () => {
  const [persona] = parsePersonas('[{"name":"mute","weight":0.5}]');
  assert.deepEqual(persona, {
    name: 'mute',
    description: '',
    weight: 0.5,
    rules: [],
    defaultReply: { silence: true },
    onSilence: { sayTimes: 1 },
    interrupt: { probability: 0, offset: { min: 0.3, max: 0.7 } },
    thinkMs: { min: 400, max: 1200 },
  });
  assert.ok(Object.isFrozen(persona) && Object.isFrozen(persona?.thinkMs));
});

test('the built-in personas pass the same validation and their weights share out every answered call', () => {
  assert.deepEqual(
    BUILT_IN_PERSONAS.map((p) => p.name),
    ['cooperative', 'refuser', 'questioner', 'busy', 'silent', 'key-presser', 'confused'],
  );
  assert.equal(Math.round(BUILT_IN_PERSONAS.reduce((sum, p) => sum + p.weight, 0) * 1e9) / 1e9, 1);
  assert.doesNotThrow(() => parsePersonas(BUILT_IN_PERSONAS));
});

test('a bad field is named by the persona index, its name and the path to the field', () => {
  const input = [
    { name: 'ok', weight: 1 },
    { name: 'picky', weight: 1, rules: [{ when: { regex: '(unclosed' }, reply: { say: '好' } }] },
  ];
  assert.equal(refusal(input), 'invalid personas: [1] (picky).rules[0].when.regex: is not a valid regular expression');
});

test('every problem is listed, not only the first', () => {
  const message = refusal([
    { name: 'Bad Name', weight: -1 },
    { name: 'x', weight: 1, thinkMs: { min: 900, max: 100 }, interrupt: { probability: 2 } },
  ]);
  assert.match(message, /\[0\] \(Bad Name\)\.name: must be 1-40 lower case letters/);
  assert.match(message, /\[0\] \(Bad Name\)\.weight: /);
  assert.match(message, /\[1\] \(x\)\.thinkMs: min must not exceed max/);
  assert.match(message, /\[1\] \(x\)\.interrupt\.probability: /);
});

test('replies must do one thing: say or press, hang up alone or after it, silence alone', () => {
  const rule = (reply: unknown) => [{ name: 'p', weight: 1, rules: [{ when: { keywords: ['好'] }, reply }] }];
  assert.match(refusal(rule({})), /\[0\] \(p\)\.rules\[0\]\.reply: must say, press \(dtmf\), hang up or stay silent/);
  assert.match(refusal(rule({ say: '好', dtmf: '1' })), /reply: cannot both say and press keys/);
  assert.match(refusal(rule({ silence: true, hangup: true })), /reply: silence cannot be combined/);
  assert.match(refusal(rule({ dtmf: 'x' })), /reply\.dtmf: must be keys/);
  assert.match(refusal(rule({ say: [] })), /reply\.say: must list at least one utterance/);
  assert.doesNotThrow(() => parsePersonas(rule({ say: ['不需要', '不用了'], hangup: true })));
});

test('conditions must say something, turns must be in order, and $1 keys need a regex to come from', () => {
  const withRule = (r: unknown) => [{ name: 'p', weight: 1, rules: [r] }];
  assert.match(refusal(withRule({ when: {}, reply: { say: '好' } })), /rules\[0\]\.when: must state at least one condition/);
  assert.match(refusal(withRule({ when: { fromTurn: 3, toTurn: 2 }, reply: { say: '好' } })), /fromTurn must not exceed toTurn/);
  assert.match(refusal(withRule({ when: { keywords: ['按'] }, reply: { dtmf: '$1' } })), /rules\[0\]: reply\.dtmf names a capture group but the rule has no regex/);
  assert.match(refusal(withRule({ when: { promptKind: 'video' }, reply: { say: '好' } })), /when\.promptKind: /);
  assert.match(refusal(withRule({ when: { keywords: ['好'] }, reply: { say: '好' }, extra: 1 })), /rules\[0\]: .*extra/);
});

test('names are unique, the list is a list, and text that is not JSON says so', () => {
  assert.match(refusal([{ name: 'twin', weight: 1 }, { name: 'twin', weight: 2 }]), /\[1\] \(twin\)\.name: "twin" is used twice/);
  assert.match(refusal({ name: 'alone', weight: 1 }), /^invalid personas: personas: /);
  assert.match(refusal('[{"name":'), /^invalid personas: not JSON/);
});
