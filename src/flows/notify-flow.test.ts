// The notification flow on the simulated carrier: the content is played PlayTimes times with its speed, then the robot
// hangs up; a callee hanging up midway ends it early.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SIM_PLAY_MS, speechMs } from '../providers/telephony/sim/sim-speech.js';
import { runOnSim, scripted, silent, turnsOf } from './agent/flow-test-kit.js';
import { runNotify, sayOptionsOf, ttsRate } from './notify-flow.js';

test('a TTS notification is played three times by default, placeholders filled from its params, then the robot hangs up', async () => {
  const run = await runOnSim(scripted(), (s) => runNotify(s, { content: { text: '您的验证码是${code}，请在$minutes$分钟内使用。', params: { code: '4821', minutes: '5' } } }));
  const line = '您的验证码是4821，请在5分钟内使用。';
  assert.deepEqual(run.result, { played: 3, spoken: line, missing: [], endedEarly: false });
  assert.deepEqual(turnsOf(run.report), [`assistant: ${line}`, `assistant: ${line}`, `assistant: ${line}`]);
  assert.equal(run.outcome.hangupBy, 'robot');
  assert.equal(run.outcome.durationMs, 3 * speechMs(line));
});

test('PlayTimes is honoured for a voice file, and Speed 500 speaks twice as fast', async () => {
  const voice = await runOnSim(scripted(), (s) => runNotify(s, { content: { mediaId: 'v-123.wav' }, playTimes: 2 }));
  assert.equal(voice.result.played, 2);
  assert.deepEqual(turnsOf(voice.report), ['assistant: [v-123.wav]', 'assistant: [v-123.wav]']);
  assert.equal(voice.outcome.durationMs, 2 * SIM_PLAY_MS);

  const fast = await runOnSim(scripted(), (s) => runNotify(s, { content: { text: '会议改到下午三点' }, playTimes: 1, speed: 500 }));
  assert.equal(fast.outcome.durationMs, speechMs('会议改到下午三点', 2));
});

test('a callee hanging up during the second play ends the call: one play counted', async () => {
  const run = await runOnSim(scripted(silent, { kind: 'hangup', afterMs: 400 }), (s) => runNotify(s, { content: { text: '您有一个快递待取' }, playTimes: 3 }));
  assert.equal(run.result.played, 1);
  assert.equal(run.result.endedEarly, true);
  assert.equal(run.outcome.hangupBy, 'callee');
});

test('missing variables are spoken as empty and reported; out-of-range PlayTimes is brought into 1..3', async () => {
  const run = await runOnSim(scripted(), (s) => runNotify(s, { content: { text: '尊敬的${name}您好' }, playTimes: 9 }));
  assert.deepEqual(run.result.missing, ['name']);
  assert.equal(run.result.played, 3);
  const once = await runOnSim(scripted(), (s) => runNotify(s, { content: { text: '您好' }, playTimes: 0 }));
  assert.equal(once.result.played, 1);
});

test('Speed maps onto a rate factor: 0 is normal, 500 twice as fast, -500 half as fast, monotonic, clamped', () => {
  assert.equal(ttsRate(undefined), 1);
  assert.equal(ttsRate(0), 1);
  assert.equal(ttsRate(500), 2);
  assert.equal(ttsRate(-500), 0.5);
  assert.equal(ttsRate(200), 1.25);
  assert.equal(ttsRate(9999), 2);
  const samples = [-500, -250, -1, 0, 1, 250, 500].map(ttsRate);
  assert.ok(samples.every((v, i) => i === 0 || v > samples[i - 1]!));
});

test('volume is clamped to 0..100 and passed along with the speed factor', () => {
  assert.deepEqual(sayOptionsOf({ volume: 150, speed: -500, voice: 'xiaoyun' }, false), { speed: 0.5, bargeIn: false, voice: 'xiaoyun', volume: 100 });
});
