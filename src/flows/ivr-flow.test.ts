// The IVR flow on the simulated carrier: the key picks the menu prompt, a wrong key replays the start, no key ends with
// the bye prompt, and every key is reported in order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runOnSim, scripted, silent, turnsOf } from './agent/flow-test-kit.js';
import { runIvr, type IvrOptions } from './ivr-flow.js';

const MENU: IvrOptions = {
  start: { text: '${name}您好，确认订单请按1，取消请按2。', params: { name: '王先生' } },
  menu: [
    { key: '1', content: { text: '订单$order$已确认。', params: { order: 'A100' } } },
    { key: '2', content: { mediaId: 'cancelled.wav' } },
  ],
  bye: { text: '感谢您的接听，再见。' },
  playTimes: 3,
  timeoutMs: 4000,
};

test('a key on the menu (pressed during the start prompt) plays its prompt with its params, then the bye prompt', async () => {
  const run = await runOnSim(scripted({ kind: 'dtmf', digits: '1', afterMs: 1200 }), (s) => runIvr(s, MENU));
  assert.deepEqual(run.result, { keys: ['1'], matchedKey: '1', startsPlayed: 1, ending: 'matched', missing: [] });
  assert.deepEqual(turnsOf(run.report), [
    'assistant: 王先生您好，确认订单请按1，取消请按2。 [cut]',
    'user: 1',
    'assistant: 订单A100已确认。',
    'assistant: 感谢您的接听，再见。',
  ]);
  assert.deepEqual(run.report.dtmf, ['1']);
  assert.equal(run.outcome.hangupBy, 'robot');
});

test('a key not on the menu replays the start prompt; the next key is taken; both keys are reported in order', async () => {
  const run = await runOnSim(scripted({ kind: 'dtmf', digits: '9', afterMs: 500 }, { kind: 'dtmf', digits: '2', afterMs: 500 }), (s) => runIvr(s, MENU));
  assert.equal(run.result.ending, 'matched');
  assert.equal(run.result.startsPlayed, 2);
  assert.deepEqual(run.report.dtmf, ['9', '2']);
  assert.deepEqual(turnsOf(run.report).slice(-3), ['user: 2', 'assistant: [cancelled.wav]', 'assistant: 感谢您的接听，再见。']);
});

test('no key after PlayTimes start prompts: the bye prompt, then the robot hangs up', async () => {
  const run = await runOnSim(scripted(), (s) => runIvr(s, { ...MENU, playTimes: 2 }));
  assert.deepEqual(run.result, { keys: [], startsPlayed: 2, ending: 'no-key', missing: [] });
  assert.equal(run.report.dtmf, undefined);
  assert.deepEqual(turnsOf(run.report), [
    'assistant: 王先生您好，确认订单请按1，取消请按2。',
    'assistant: 王先生您好，确认订单请按1，取消请按2。',
    'assistant: 感谢您的接听，再见。',
  ]);
  assert.equal(run.outcome.hangupBy, 'robot');
});

test('wrong keys use up the play times: after the last one the bye prompt ends the call', async () => {
  const run = await runOnSim(scripted({ kind: 'dtmf', digits: '7', afterMs: 100 }, { kind: 'dtmf', digits: '8', afterMs: 100 }), (s) => runIvr(s, { ...MENU, playTimes: 2 }));
  assert.equal(run.result.ending, 'wrong-key');
  assert.deepEqual(run.report.dtmf, ['7', '8']);
  assert.equal(turnsOf(run.report).at(-1), 'assistant: 感谢您的接听，再见。');
});

test('PlayTimes defaults to one play; a callee hanging up during the start prompt is reported as such', async () => {
  const once = await runOnSim(scripted(silent), (s) => runIvr(s, { ...MENU, playTimes: undefined }));
  assert.equal(once.result.startsPlayed, 1);
  const gone = await runOnSim(scripted({ kind: 'hangup', afterMs: 800 }), (s) => runIvr(s, MENU));
  assert.equal(gone.result.ending, 'hung-up');
  assert.equal(gone.outcome.hangupBy, 'callee');
});

test('with no menu any key is accepted and reported, then the bye prompt', async () => {
  const run = await runOnSim(scripted({ kind: 'dtmf', digits: '5', afterMs: 100 }), (s) => runIvr(s, { start: { text: '满意请按1到5' }, menu: [], bye: { text: '谢谢' } }));
  assert.equal(run.result.ending, 'matched');
  assert.deepEqual(run.report.dtmf, ['5']);
});
