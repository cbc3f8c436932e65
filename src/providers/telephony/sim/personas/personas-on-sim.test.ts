// End to end on the simulated carrier: a short marketing flow dialed to 200 numbers meets the catalog's personas,
// and the calls come out as varied as a real list's — barge-ins, hang-ups, short and long conversations — and the
// same on every run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallSession, ListenResult, PlaybackResult } from '../../../../ports/call-session.js';
import type { SimCallSession } from '../sim-call-session.js';
import { dial, runCall, simOnVirtualClock } from '../sim-test-kit.js';
import { BUILT_IN_PERSONAS } from './built-in-personas.js';
import { PersonaCatalog } from './persona-catalog.js';
import { PROMPTS } from './persona-test-kit.js';

/** What one call came to. */
interface CallSummary {
  persona: string;
  transcript: string;
  /** Utterances and key presses heard from the callee. */
  turns: number;
  bargedIn: boolean;
  hangupBy: string;
  durationMs: number;
}

/** Opening with barge-in, listen, a reply that follows what was heard, listen, goodbye. */
async function marketingFlow(session: CallSession, seen: { bargedIn: boolean }): Promise<void> {
  const played = (result: PlaybackResult) => {
    if (!result.completed) seen.bargedIn = true;
  };
  const listened = (result: ListenResult) => {
    if (result.bargedIn) seen.bargedIn = true;
    return result;
  };
  played(await session.say(PROMPTS.marketing, { bargeIn: true }));
  const first = listened(await session.listen({ timeoutMs: 4000 }));
  const reply = first.timedOut ? '喂，您好，能听到吗？' : '好的，开卡就送三个月会员，年费全免，您看需要帮您办理吗？';
  played(await session.say(reply, { bargeIn: true }));
  listened(await session.listen({ timeoutMs: 4000 }));
  await session.say('好的，感谢您的接听，再见。');
}

/** Dials 200 numbers that always answer (…0000), one after another, and sums each call up. */
async function campaign(): Promise<CallSummary[]> {
  const catalog = new PersonaCatalog({ seed: 7 });
  const setup = simOnVirtualClock({ callees: catalog.calleeFor });
  const summaries: CallSummary[] = [];
  for (let i = 0; i < 200; i++) {
    const callee = `13${String(i * 37).padStart(5, '0')}0000`;
    const seen = { bargedIn: false };
    const call = await runCall(setup, dial(callee, { attemptId: `att-${i}`, callId: `${i}^1` }), (s) => marketingFlow(s, seen));
    const transcript = (call.session as SimCallSession).transcript;
    summaries.push({
      persona: catalog.personaFor(callee).name,
      transcript: transcript.map((t) => `${t.kind}:${t.text ?? ''}`).join(' | '),
      turns: transcript.filter((t) => t.kind === 'heard' || t.kind === 'pressed').length,
      bargedIn: seen.bargedIn,
      hangupBy: call.outcome.hangupBy ?? '',
      durationMs: call.outcome.durationMs,
    });
  }
  return summaries;
}

test('200 answered calls meet every persona and play out in many different ways', async () => {
  const calls = await campaign();
  const count = (pick: (c: CallSummary) => boolean) => calls.filter(pick).length;
  assert.deepEqual(new Set(calls.map((c) => c.persona)), new Set(BUILT_IN_PERSONAS.map((p) => p.name)));
  assert.ok(count((c) => c.bargedIn) >= 20, `${count((c) => c.bargedIn)} barge-ins`);
  assert.ok(count((c) => c.hangupBy === 'callee') >= 40, `${count((c) => c.hangupBy === 'callee')} callee hang-ups`);
  assert.ok(count((c) => c.hangupBy === 'robot') >= 40, `${count((c) => c.hangupBy === 'robot')} calls the flow finished`);
  assert.ok(count((c) => c.turns >= 2) >= 40, `${count((c) => c.turns >= 2)} calls of two turns or more`);
  assert.ok(count((c) => c.turns === 0) >= 5, `${count((c) => c.turns === 0)} calls where the callee never spoke`);
  assert.ok(new Set(calls.map((c) => c.transcript)).size >= 50, 'too many calls went word for word alike');
  assert.ok(new Set(calls.map((c) => c.turns)).size >= 3, 'every call had the same number of turns');
  const durations = calls.map((c) => c.durationMs).sort((a, b) => a - b);
  assert.ok(durations[180]! > 2 * durations[20]!, `durations bunch up: ${durations[20]} .. ${durations[180]} ms`);
  // Each persona's character shows in its calls.
  const of = (name: string) => calls.filter((c) => c.persona === name);
  // The carrier's patience (the outcome model) still applies: now and then a callee hangs up before saying a word.
  assert.ok(of('refuser').every((c) => c.hangupBy === 'callee'));
  assert.ok(of('refuser').filter((c) => /不需要|不用了/.test(c.transcript)).length >= of('refuser').length * 0.9);
  assert.ok(of('busy').filter((c) => c.bargedIn).length >= of('busy').length * 0.6);
  assert.ok(of('silent').every((c) => c.turns === 0));
  assert.ok(of('key-presser').every((c) => !c.transcript.includes('pressed:')), 'nothing in this flow asks for a key');
  assert.ok(of('cooperative').every((c) => !/不需要|不方便|没听清/.test(c.transcript)));
  assert.ok(of('cooperative').filter((c) => c.turns >= 2).length >= of('cooperative').length * 0.6);
});

test('the same campaign on the same seed plays out identically', async () => {
  assert.deepEqual(await campaign(), await campaign());
});
