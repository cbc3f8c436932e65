// Each built-in persona answers the usual prompts the way its character would: words, keys, timing and hang-ups,
// first cue by cue, then on a simulated call (barge-in cutting a prompt, keys collected, the callee hanging up).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CalleeAction, CalleeCue } from '../sim-callee.js';
import type { SimCallSession } from '../sim-call-session.js';
import { speechMs } from '../sim-speech.js';
import { dial, runCall, simOnVirtualClock, type TestFlow } from '../sim-test-kit.js';
import { BUILT_IN_PERSONAS } from './built-in-personas.js';
import { PersonaCatalog } from './persona-catalog.js';
import { heard, personaCallee, PROMPTS, quiet, run, said, voiceFile } from './persona-test-kit.js';

const calls = (n: number) => Array.from({ length: n }, (_, i) => `call-${i}`);
const persona = (name: string) => BUILT_IN_PERSONAS.find((p) => p.name === name)!;
/** The first action of `name` on each of 100 calls, to a prompt. */
const firstReplies = (name: string, text: string) => calls(100).map((id) => run(personaCallee(name, id), [heard(text)])[0]!);
const startsAt = (a: CalleeAction) => (a.kind === 'silence' ? Infinity : a.afterMs);

test('cooperative: agrees with each kind of prompt, after the prompt has ended, and says goodbye', () => {
  const replies = (text: string) => new Set(firstReplies('cooperative', text).map(said));
  assert.deepEqual(replies(PROMPTS.repayment), new Set(['好的，我今天就还', '知道了，这两天就处理', '行，我马上还上']));
  assert.deepEqual(replies(PROMPTS.marketing), new Set(['可以，你说说看', '行，具体是什么活动？', '嗯，你介绍一下']));
  assert.deepEqual(replies(PROMPTS.notice), new Set(['好的，知道了', '嗯，收到，谢谢', '好的好的']));
  assert.deepEqual(replies(PROMPTS.identity), new Set(['是的，我是', '对，是我', '嗯，是我，什么事？']));
  assert.deepEqual(replies(PROMPTS.score), new Set(['十分', '给九分吧', '八分']));
  const late = firstReplies('cooperative', PROMPTS.survey).filter((a) => startsAt(a) >= speechMs(PROMPTS.survey));
  assert.ok(late.length >= 85, `only ${late.length} of 100 waited for the end of the prompt`);
  const [bye, after] = run(personaCallee('cooperative'), [heard(PROMPTS.goodbye), heard('还有什么可以帮您？')]);
  assert.match(said(bye!), /再见|拜拜/);
  assert.equal(after!.kind, 'hangup');
});

test('refuser: says no to marketing, often over the prompt, then hangs up at the next cue', () => {
  const first = firstReplies('refuser', PROMPTS.marketing);
  assert.ok(first.every((a) => ['不需要', '不需要，谢谢', '不用了'].includes(said(a))));
  const barged = first.filter((a) => startsAt(a) < speechMs(PROMPTS.marketing)).length;
  assert.ok(barged >= 35 && barged <= 65, `${barged} of 100 barged in; the rule says half`);
  const [no, gone] = run(personaCallee('refuser'), [heard(PROMPTS.repayment), quiet()]);
  assert.match(said(no!), /别打了|别再打了/);
  assert.equal(gone!.kind, 'hangup');
});

test('questioner: asks who, where from and what about, then cooperates', () => {
  const actions = run(personaCallee('questioner', 'call-q'), [
    heard('您好。'),
    heard('我是平安银行的客服。'),
    heard('想跟您确认一下信息。'),
    heard(PROMPTS.repayment),
  ]);
  assert.match(said(actions[0]!), /谁|哪位/);
  assert.match(said(actions[1]!), /哪里|哪个公司|怎么知道/);
  assert.match(said(actions[2]!), /什么事/);
  assert.match(said(actions[3]!), /还|处理/);
  // A robot that introduces itself first is only asked what it wants.
  assert.match(said(run(personaCallee('questioner'), [heard(PROMPTS.notice)])[0]!), /什么事/);
});

test('busy: interrupts early in the first prompt that it cannot talk now, then hangs up', () => {
  const first = firstReplies('busy', PROMPTS.marketing);
  const duration = speechMs(PROMPTS.marketing);
  const early = first.filter((a) => startsAt(a) <= 0.35 * duration);
  assert.ok(early.length >= 75, `only ${early.length} of 100 interrupted in the first third`);
  assert.ok(first.every((a) => /不方便|回头再说|晚点打/.test(said(a))));
  assert.equal(run(personaCallee('busy'), [heard(PROMPTS.marketing), heard('那您看什么时候方便？')])[1]!.kind, 'hangup');
});

test('silent: says nothing to any prompt and hangs up at the second silence in a row', () => {
  const actions = run(personaCallee('silent'), [heard(PROMPTS.notice), quiet(), heard('喂，您好，能听到吗？'), quiet(), quiet()]);
  assert.deepEqual(actions.map(said), ['silence', 'silence', 'silence', 'silence', 'hangup']);
});

test('key-presser: presses the key a menu offers, 1 when it only says to press, and speaks otherwise', () => {
  const press = (cue: CalleeCue) => said(run(personaCallee('key-presser'), [cue])[0]!);
  assert.equal(press(heard(PROMPTS.menu)), 'press 1');
  assert.equal(press(heard('查询余额请按 3，人工服务请按0')), 'press 3');
  assert.equal(press(heard('如需人工服务，请按键。')), 'press 1');
  assert.equal(press(heard('输入完毕请按井号键')), 'press #');
  assert.equal(press(voiceFile()), 'press 1');
  assert.match(press(heard(PROMPTS.marketing)), /可以|行|嗯/);
});

test('confused: asks to hear it again, twice, then goes along', () => {
  const actions = run(personaCallee('confused', 'call-c'), [heard(PROMPTS.notice), heard(PROMPTS.notice), heard(PROMPTS.notice)]);
  assert.match(said(actions[0]!), /没听清|说啥|听不清|没听明白/);
  assert.match(said(actions[1]!), /没听清|说啥|听不清|没听明白/);
  assert.match(said(actions[2]!), /好|知道了/);
});

test('silence habits: a "喂？" as many times as the persona bothers, then a hang-up at its limit', () => {
  assert.deepEqual(run(personaCallee('cooperative'), [heard(PROMPTS.notice), quiet(), quiet(), quiet()]).slice(1).map((a) => a.kind), ['say', 'silence', 'hangup']);
  assert.deepEqual(run(personaCallee('confused'), [quiet(), quiet(), quiet()]).map((a) => a.kind), ['say', 'say', 'hangup']);
  assert.equal(run(personaCallee('refuser'), [quiet()])[0]!.kind, 'hangup');
});

test('patience: a persona reacts to at most patienceTurns prompts and hangs up during the next', () => {
  const limit = persona('cooperative').patienceTurns!;
  const cues = Array.from({ length: limit + 1 }, () => heard('我再给您介绍一下我们的产品。'));
  const actions = run(personaCallee('cooperative'), cues);
  assert.ok(actions.slice(0, limit).every((a) => a.kind === 'say'));
  assert.equal(actions[limit]!.kind, 'hangup');
});

/** Runs `flow` on an answered simulated call (…0000 always answers) with the named persona forced. */
async function onCall(name: string, flow: TestFlow) {
  const setup = simOnVirtualClock({ callees: new PersonaCatalog({ seed: 7 }).calleeFor });
  const request = dial('13800000000', { attemptId: `att-${name}`, callId: `call-${name}`, variables: { sim_persona: name } });
  const call = await runCall(setup, request, flow);
  return { outcome: call.outcome, transcript: (call.session as SimCallSession).transcript.map((t) => `${t.kind}:${t.text ?? ''}`) };
}

test('on a call, a busy callee cuts a barge-in prompt short and is heard as a barge-in, then hangs up', async () => {
  const results: unknown[] = [];
  const { outcome, transcript } = await onCall('busy', async (s) => {
    results.push(await s.say(PROMPTS.marketing, { bargeIn: true }));
    results.push(await s.listen({ timeoutMs: 5000 }));
    await s.say('好的，那我晚点再打给您。');
  });
  assert.deepEqual(results[0], { completed: false });
  assert.match((results[1] as { text: string }).text, /不方便|回头再说|晚点打/);
  assert.equal((results[1] as { bargedIn?: boolean }).bargedIn, true);
  assert.equal(outcome.hangupBy, 'callee');
  assert.equal(transcript.at(-1), 'hangup:callee');
  assert.ok(outcome.durationMs < speechMs(PROMPTS.marketing) + speechMs('好的，那我晚点再打给您。'));
});

test('on a call, the key-presser answers an IVR menu with the key it offers, collected by collectDtmf', async () => {
  const got: unknown[] = [];
  const { transcript } = await onCall('key-presser', async (s) => {
    await s.say(PROMPTS.menu);
    got.push(await s.collectDtmf({ maxDigits: 1, timeoutMs: 5000 }));
  });
  assert.deepEqual(got, [{ digits: '1', timedOut: false }]);
  assert.ok(transcript.includes('pressed:1'));
});
