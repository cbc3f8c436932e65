import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runNotify } from '../../../flows/notify-flow.js';
import { SIM_PLAY_MS } from './sim-speech.js';
import { dial, runCall, simOnVirtualClock } from './sim-test-kit.js';

test('a voice file with a known length plays for that length; without one, for the stand-in SIM_PLAY_MS', async () => {
  const setup = simOnVirtualClock();
  const known = await runCall(setup, dial('13800000015'), async (s) => {
    await s.play('a.wav', { durationMs: 1234 });
  });
  assert.equal(known.outcome.durationMs, 1234);
  const unknown = await runCall(setup, dial('13900000015'), async (s) => {
    await s.play('b.wav');
  });
  assert.equal(unknown.outcome.durationMs, SIM_PLAY_MS);
});

test('the notify flow plays a voice file PlayTimes times for its recorded length', async () => {
  const setup = simOnVirtualClock();
  const call = await runCall(setup, dial('13700000015'), async (s) => {
    const report = await runNotify(s, { content: { mediaId: 'c.wav', durationMs: 2750 }, playTimes: 3 });
    assert.deepEqual(report, { played: 3, missing: [], endedEarly: false });
  });
  assert.equal(call.outcome.durationMs, 3 * 2750);
  assert.equal(call.outcome.hangupBy, 'robot');
});
