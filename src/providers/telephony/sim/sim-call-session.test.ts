import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallHungUpError, type Hangup } from '../../../ports/call-session.js';
import { SimCallSession } from './sim-call-session.js';
import { SIM_PLAY_MS, SIM_TRANSFER_MS, speechMs } from './sim-speech.js';
import { T0, dial, runCall, simOnVirtualClock } from './sim-test-kit.js';

test('speaking time: ~4 Han characters a second, ~15 other characters a second, faster at higher speed', () => {
  assert.equal(speechMs('您好'), 500);
  assert.equal(speechMs('您好，张三。'), 1500);
  assert.equal(speechMs('Hello world'), 10 * 65);
  assert.equal(speechMs('您好', 2), 250);
  assert.equal(speechMs('   '), 0);
});

test('each operation takes its simulated time on the clock and is written to the transcript', async () => {
  const setup = simOnVirtualClock();
  const seen: Array<[string, number]> = [];
  let session: SimCallSession | undefined;
  const { outcome } = await runCall(setup, dial('13800000015'), async (s) => {
    session = s as SimCallSession;
    const start = setup.clock.now();
    const at = () => setup.clock.now() - start;
    assert.deepEqual(await s.say('您好，张三'), { completed: true });
    seen.push(['say', at()]);
    await s.play('media-1');
    seen.push(['play', at()]);
    assert.deepEqual(await s.listen({ timeoutMs: 4000 }), { timedOut: true });
    seen.push(['listen', at()]);
    assert.deepEqual(await s.collectDtmf({ maxDigits: 1, timeoutMs: 3000 }), { digits: '', timedOut: true });
    seen.push(['dtmf', at()]);
  });
  assert.deepEqual(seen, [
    ['say', 1250],
    ['play', 1250 + SIM_PLAY_MS],
    ['listen', 1250 + SIM_PLAY_MS + 4000],
    ['dtmf', 1250 + SIM_PLAY_MS + 7000],
  ]);
  assert.equal(outcome.durationMs, 1250 + SIM_PLAY_MS + 7000);
  assert.deepEqual(
    session?.transcript.map((t) => [t.kind, t.text, t.at - outcome.answerAt!]),
    [
      ['say', '您好，张三', 0],
      ['play', 'media-1', 1250],
      ['listen', undefined, 1250 + SIM_PLAY_MS],
      ['dtmf', undefined, 1250 + SIM_PLAY_MS + 4000],
      ['hangup', 'robot', outcome.durationMs],
    ],
  );
});

test('after a hang-up every operation rejects with CallHungUpError; hangup is idempotent and hungUp settles', async () => {
  const setup = simOnVirtualClock();
  let hungUp: Hangup | undefined;
  const { outcome } = await runCall(setup, dial('13800000015'), async (s) => {
    await s.say('再见');
    await s.hangup();
    await s.hangup();
    assert.equal(s.isHungUp, true);
    hungUp = await s.hungUp;
    for (const op of [() => s.say('x'), () => s.play('m'), () => s.listen({ timeoutMs: 1 }), () => s.transfer('10086')]) {
      await assert.rejects(op(), (e: unknown) => e instanceof CallHungUpError && e.hangup.by === 'robot');
    }
  });
  assert.deepEqual(hungUp, { by: 'robot', at: outcome.endAt });
  assert.equal(outcome.hangupBy, 'robot');
  assert.equal(outcome.durationMs, 500);
});

test('the callee hanging up in the middle of a prompt interrupts it', async () => {
  const setup = simOnVirtualClock({ models: { modelFor: () => undefined } });
  let error: unknown;
  const { outcome } = await runCall(setup, dial('13800000000'), async (s) => {
    try {
      await s.say('长'.repeat(10_000)); // 2500 s of speech: longer than any patience
    } catch (e) {
      error = e;
    }
  });
  assert.ok(error instanceof CallHungUpError);
  assert.equal(outcome.hangupBy, 'callee');
  assert.ok(outcome.durationMs < 2_500_000);
  assert.equal(outcome.endAt - outcome.answerAt!, outcome.durationMs);
});

test('transfer connects to the number, ends the session for the flow and is reported', async () => {
  const setup = simOnVirtualClock();
  const { outcome } = await runCall(setup, dial('13800000015'), async (s) => {
    await assert.rejects(s.transfer('agent-7'), /not a phone number/);
    await s.transfer('057188880000');
    assert.equal(s.isHungUp, true);
  });
  assert.equal(outcome.transferredTo, '057188880000');
  assert.equal(outcome.hangupBy, 'robot');
  assert.equal(outcome.durationMs, SIM_TRANSFER_MS);
});

test('a session built directly keeps its limit at scale 0 without any clock timer', async () => {
  const clock = simOnVirtualClock().clock;
  const session = new SimCallSession({
    clock,
    timeScale: 0,
    callId: '1^2',
    variables: {},
    answerAt: T0,
    limitMs: 9000,
    limitBy: 'callee',
  });
  await session.listen({ timeoutMs: 5000 });
  await assert.rejects(session.listen({ timeoutMs: 5000 }), CallHungUpError);
  assert.equal(session.talkTimeMs, 9000);
  assert.deepEqual(await session.hungUp, { by: 'callee', at: T0 });
  assert.equal(clock.pendingTimers, 0);
});
