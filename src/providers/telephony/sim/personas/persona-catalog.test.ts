// Who answers: the same number always reaches the same persona and hears the same replies on the same call,
// personas share the numbers by weight, `sim_persona` forces one, and accounts can add their own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../../../core/errors.js';
import { BUILT_IN_PERSONAS } from './built-in-personas.js';
import type { KeywordPersonaCallee } from './keyword-persona-callee.js';
import { PERSONA_VARIABLE, PersonaCatalog } from './persona-catalog.js';
import { heard, personaCallee, PROMPTS, quiet, run, said, testCatalog } from './persona-test-kit.js';

const number = (i: number) => `139${String(i * 7919).padStart(8, '0')}`;
const script = [heard(PROMPTS.marketing), quiet(), heard(PROMPTS.repayment), heard(PROMPTS.survey), quiet()];

test('a number reaches the same persona and, on the same call, hears the same replies, from any catalog instance', () => {
  for (let i = 0; i < 50; i++) {
    const call = { accountId: 'acct-1', callee: number(i), callId: `c-${i}`, variables: {} };
    assert.equal(testCatalog().personaFor(number(i)).name, new PersonaCatalog({ seed: 7 }).personaFor(number(i)).name);
    assert.deepEqual(run(testCatalog().calleeFor(call), script), run(testCatalog().calleeFor(call), script));
  }
});

test('the draw is pinned: these numbers meet these personas on seed 7 in every run and every version', () => {
  // A forecast rerun next month must meet the same people; changing the draw is a breaking change to forecasts.
  const catalog = testCatalog();
  const pinned = { '13800138000': 'refuser', '13912345678': 'silent', '17700003333': 'key-presser', '13655556666': 'cooperative', '13300007777': 'questioner' };
  for (const [callee, name] of Object.entries(pinned)) assert.equal(catalog.personaFor(callee).name, name, callee);
  const callee = catalog.calleeFor({ accountId: 'a', callee: '13912345678', callId: '1001^2001', variables: { sim_persona: 'cooperative' } });
  assert.deepEqual(callee.react({ kind: 'prompt', text: PROMPTS.marketing, durationMs: 8000 }), { kind: 'say', text: '行，具体是什么活动？', afterMs: 9349 });
});

test('the persona stays with the number across calls (retries), while the words vary from call to call', () => {
  const catalog = testCatalog();
  for (let i = 0; i < 50; i++) {
    const personas = new Set(
      ['first', 'retry-1', 'retry-2'].map((callId) => {
        const callee = catalog.calleeFor({ accountId: 'a', callee: number(i), callId, variables: {} });
        return (callee as KeywordPersonaCallee).persona.name;
      }),
    );
    assert.deepEqual([...personas], [catalog.personaFor(number(i)).name]);
  }
  const replies = new Set(Array.from({ length: 30 }, (_, i) => said(run(personaCallee('cooperative', `call-${i}`), [heard(PROMPTS.marketing)])[0]!)));
  assert.ok(replies.size >= 2, 'every call of the number said the same thing');
  assert.equal(catalog.personaFor('+86 137-0000-1234').name, catalog.personaFor('8613700001234').name);
});

test('over 10 000 numbers each persona answers its weight of the calls, within 2 points', () => {
  const catalog = testCatalog();
  const counts = new Map<string, number>();
  for (let i = 0; i < 10_000; i++) {
    const name = catalog.personaFor(number(i)).name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  for (const persona of BUILT_IN_PERSONAS) {
    const share = (counts.get(persona.name) ?? 0) / 10_000;
    assert.ok(Math.abs(share - persona.weight) <= 0.02, `${persona.name}: ${share} of the numbers for a weight of ${persona.weight}`);
  }
});

test('another seed deals the personas out differently', () => {
  const a = testCatalog(1);
  const b = testCatalog(2);
  const moved = Array.from({ length: 200 }, (_, i) => number(i)).filter((n) => a.personaFor(n).name !== b.personaFor(n).name);
  assert.ok(moved.length > 50);
});

test('the sim_persona variable forces a persona, whatever the draw; an unknown name leaves the draw alone', () => {
  const catalog = testCatalog();
  for (const persona of BUILT_IN_PERSONAS) {
    for (let i = 0; i < 20; i++) assert.equal(catalog.personaFor(number(i), { [PERSONA_VARIABLE]: persona.name }).name, persona.name);
  }
  assert.equal(catalog.personaFor(number(3), { sim_persona: ' Refuser ' }).name, 'refuser');
  assert.equal(catalog.personaFor(number(3), { sim_persona: 'nobody' }).name, catalog.personaFor(number(3)).name);
  const callee = catalog.calleeFor({ accountId: 'a', callee: number(3), callId: 'x', variables: { sim_persona: 'silent' } });
  assert.deepEqual(run(callee, [heard(PROMPTS.marketing)]), [{ kind: 'silence' }]);
});

test('custom personas join the built-ins; one named like a built-in replaces it; weight 0 only answers when named', () => {
  const catalog = new PersonaCatalog({
    seed: 7,
    custom: [
      { name: 'vip', weight: 0, defaultReply: { say: '我是老客户了' } },
      { name: 'refuser', weight: 0 },
    ],
  });
  assert.deepEqual(catalog.personas.map((p) => p.name), [...BUILT_IN_PERSONAS.map((p) => p.name), 'vip']);
  const drawn = new Set(Array.from({ length: 2000 }, (_, i) => catalog.personaFor(number(i)).name));
  assert.ok(!drawn.has('vip') && !drawn.has('refuser') && drawn.has('cooperative'));
  const vip = catalog.calleeFor({ accountId: 'a', callee: number(1), callId: 'v', variables: { sim_persona: 'vip' } });
  assert.equal(said(run(vip, [heard(PROMPTS.notice)])[0]!), '我是老客户了');
});

test('a catalog refuses bad custom personas and weights that leave nobody to answer', () => {
  assert.throws(() => new PersonaCatalog({ seed: 7, custom: [{ name: 'x', weight: -1 }] }), (e: unknown) => e instanceof DomainError && /\[0\] \(x\)\.weight/.test(e.message));
  const retired = BUILT_IN_PERSONAS.map((p) => ({ name: p.name, weight: 0 }));
  assert.throws(() => new PersonaCatalog({ seed: 7, custom: retired }), /weights sum to 0/);
  assert.throws(() => new PersonaCatalog({ seed: Number.NaN }), RangeError);
});

test('a number ending in 0015 keeps its promise never to hang up: the persona falls silent instead', () => {
  const catalog = testCatalog();
  const refuserOn = (callee: string) =>
    catalog.calleeFor({ accountId: 'a', callee, callId: 'm', variables: { sim_persona: 'refuser' } });
  const cues = [heard(PROMPTS.marketing), quiet(), quiet()];
  assert.ok(run(refuserOn('13800000015'), cues).every((a) => a.kind !== 'hangup'));
  assert.ok(run(refuserOn('13800000016'), cues).some((a) => a.kind === 'hangup'));
  const plain = new PersonaCatalog({ seed: 7, magicNumbers: false });
  const callee = plain.calleeFor({ accountId: 'a', callee: '13800000015', callId: 'm', variables: { sim_persona: 'refuser' } });
  assert.ok(run(callee, cues).some((a) => a.kind === 'hangup'));
});
