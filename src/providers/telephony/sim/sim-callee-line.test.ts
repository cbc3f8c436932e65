import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pinReaction, playPrompt, waitFor } from './sim-callee-line.js';
import { SIM_KEY_MS, speechMs } from './sim-speech.js';

test('a reaction that begins before its prompt ends is an interruption; one after it is not; silence pins nothing', () => {
  assert.deepEqual(pinReaction({ kind: 'say', text: '喂', afterMs: 400 }, 1000, 2000), { action: { kind: 'say', text: '喂', afterMs: 400 }, atMs: 1400, interrupted: true });
  assert.equal(pinReaction({ kind: 'say', text: '好', afterMs: 2500 }, 1000, 2000)?.interrupted, false);
  assert.equal(pinReaction({ kind: 'silence' }, 1000, 2000), undefined);
});

test('a prompt is cut at the barge-in when barge-in is on, played to the end and talked over when it is off', () => {
  const pending = pinReaction({ kind: 'say', text: '不需要', afterMs: 600 }, 0, 3000);
  const cut = playPrompt(pending, 0, 3000, true);
  assert.deepEqual([cut.spendMs, cut.ending, cut.pending?.interrupted], [600, 'cut', true]);
  const over = playPrompt(pending, 0, 3000, false);
  assert.deepEqual([over.spendMs, over.ending, over.pending?.interrupted], [3000, 'played', true]);
});

test('a callee hanging up during a prompt ends it there, whatever barge-in says', () => {
  const plan = playPrompt(pinReaction({ kind: 'hangup', afterMs: 800 }, 0, 3000), 0, 3000, false);
  assert.deepEqual([plan.spendMs, plan.ending, plan.pending], [800, 'hangs up', undefined]);
});

test('a wait hears an utterance once it is complete, keys after their presses, and runs out when the action is later', () => {
  const say = pinReaction({ kind: 'say', text: '你好', afterMs: 3500 }, 0, 3000);
  assert.deepEqual(waitFor(say, 3000, 5000, 'speech+keys'), { spendMs: 500 + speechMs('你好'), heard: { kind: 'speech', text: '你好', bargedIn: false }, pending: undefined });
  const late = waitFor(say, 3000, 400, 'speech+keys');
  assert.deepEqual([late.spendMs, late.heard.kind, late.pending], [400, 'nothing', say]);
  const keys = pinReaction({ kind: 'dtmf', digits: '12', afterMs: 0 }, 5000, 0);
  assert.deepEqual(waitFor(keys, 5000, 3000, 'keys'), { spendMs: 2 * SIM_KEY_MS, heard: { kind: 'keys', digits: '12', bargedIn: false }, pending: undefined });
});

test('speech during key collection, and keys when only speech is taken, are ignored and the wait runs out', () => {
  const say = pinReaction({ kind: 'say', text: '一', afterMs: 0 }, 0, 0);
  assert.deepEqual(waitFor(say, 0, 3000, 'keys'), { spendMs: 3000, heard: { kind: 'nothing' }, pending: undefined });
  const keys = pinReaction({ kind: 'dtmf', digits: '1', afterMs: 0 }, 0, 0);
  assert.deepEqual(waitFor(keys, 0, 3000, 'speech'), { spendMs: 3000, heard: { kind: 'nothing' }, pending: undefined });
});
