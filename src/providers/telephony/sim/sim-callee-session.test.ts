// A simulated call with a person on the other end: what the session hears, when, and how barge-ins, key presses,
// silence and early hang-ups end the flow's operations, on the virtual clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CallHungUpError } from '../../../ports/call-session.js';
import { ScriptedCallee, type CalleeAction, type SimCallee } from './sim-callee.js';
import type { SimCallSession } from './sim-call-session.js';
import { SIM_KEY_MS, speechMs } from './sim-speech.js';
import { dial, runCall, simOnVirtualClock, type TestFlow } from './sim-test-kit.js';

/** Runs one answered call (the ...0015 number always answers) against `callee`; returns the session and outcome. */
async function talk(callee: SimCallee, flow: TestFlow) {
  const setup = simOnVirtualClock({ callees: () => callee });
  const call = await runCall(setup, dial('13800000015'), flow);
  const session = call.session as SimCallSession;
  const at = (ms: number) => ms - call.outcome.answerAt!;
  return { ...call, session, turns: session.transcript.map((t) => [t.kind, t.text, at(t.at)]) };
}

const scripted = (...actions: CalleeAction[]) => new ScriptedCallee(actions);

test('the callee answers a question after the prompt; the wait ends when the utterance is complete', async () => {
  const heard: unknown[] = [];
  const { turns } = await talk(scripted({ kind: 'say', text: '可以', afterMs: 1500 }), async (s) => {
    await s.say('方便吗'); // 750 ms
    heard.push(await s.listen({ timeoutMs: 5000 }));
  });
  assert.deepEqual(heard, [{ text: '可以', timedOut: false }]);
  assert.deepEqual(turns.slice(0, 3), [['say', '方便吗', 0], ['listen', undefined, 750], ['heard', '可以', 1500 + speechMs('可以')]]);
});

test('with barge-in on, speech during a prompt cuts it, and the next wait hears the utterance marked as a barge-in', async () => {
  const results: unknown[] = [];
  const { outcome } = await talk(scripted({ kind: 'say', text: '不需要', afterMs: 1000 }), async (s) => {
    results.push(await s.say('您好，这里是某某银行信用卡中心', { bargeIn: true }));
    results.push(await s.listen({ timeoutMs: 5000 }));
  });
  assert.deepEqual(results, [{ completed: false }, { text: '不需要', timedOut: false, bargedIn: true }]);
  assert.equal(outcome.durationMs, 1000 + speechMs('不需要'));
});

test('with barge-in off the prompt plays to its end; the callee talked over it and is heard at once after', async () => {
  const results: unknown[] = [];
  const line = '您好，这里是某某银行信用卡中心';
  const { outcome } = await talk(scripted({ kind: 'say', text: '不需要', afterMs: 1000 }), async (s) => {
    results.push(await s.say(line));
    results.push(await s.listen({ timeoutMs: 5000 }));
  });
  assert.deepEqual(results, [{ completed: true }, { text: '不需要', timedOut: false, bargedIn: true }]);
  assert.equal(outcome.durationMs, speechMs(line) + speechMs('不需要'));
});

test('keys pressed are collected up to maxDigits or the terminator; fewer keys wait out the timeout', async () => {
  const got: unknown[] = [];
  await talk(scripted({ kind: 'dtmf', digits: '2#', afterMs: 200 }, { kind: 'dtmf', digits: '7', afterMs: 0 }), async (s) => {
    await s.say('请按键');
    got.push(await s.collectDtmf({ maxDigits: 4, timeoutMs: 3000, terminator: '#' }));
    await s.say('再按');
    const before = s.isHungUp;
    got.push(await s.collectDtmf({ maxDigits: 2, timeoutMs: 3000 }), before);
  });
  assert.deepEqual(got, [{ digits: '2', timedOut: false }, { digits: '7', timedOut: true }, false]);
});

test('a callee that hangs up mid-prompt ends the call: the flow sees CallHungUpError and the callee hung up', async () => {
  let thrown: unknown;
  const { outcome } = await talk(scripted({ kind: 'hangup', afterMs: 700 }), async (s) => {
    try {
      await s.say('您好，这里是某某银行信用卡中心');
    } catch (error) {
      thrown = error;
      throw error;
    }
  });
  assert.ok(thrown instanceof CallHungUpError);
  assert.equal(outcome.hangupBy, 'callee');
  assert.equal(outcome.durationMs, 700);
});

test('after a silent wait the callee is asked how it takes the silence; its answer reaches the next wait', async () => {
  const cues: string[] = [];
  const callee: SimCallee = {
    react: (cue) => {
      cues.push(cue.kind === 'silence' ? `silence ${cue.waitedMs}` : `prompt ${cue.text}`);
      return cue.kind === 'silence' ? { kind: 'say', text: '喂？', afterMs: 300 } : { kind: 'silence' };
    },
  };
  const heard: unknown[] = [];
  await talk(callee, async (s) => {
    await s.say('您好');
    heard.push(await s.listen({ timeoutMs: 2000 }), await s.listen({ timeoutMs: 2000 }));
  });
  assert.deepEqual(cues, ['prompt 您好', 'silence 2000']);
  assert.deepEqual(heard, [{ timedOut: true }, { text: '喂？', timedOut: false }]);
});

test('an asynchronous callee (an LLM) is awaited; a failing one is taken as silent', async () => {
  const slow: SimCallee = { react: async () => ({ kind: 'dtmf', digits: '1', afterMs: 0 }) };
  const { outcome } = await talk(slow, async (s) => {
    await s.say('按1');
    assert.deepEqual(await s.listen({ timeoutMs: 1000 }), { dtmf: '1', timedOut: false });
  });
  assert.equal(outcome.durationMs, speechMs('按1') + SIM_KEY_MS);
  const broken: SimCallee = { react: () => Promise.reject(new Error('model down')) };
  await talk(broken, async (s) => {
    await s.say('您好');
    assert.deepEqual(await s.listen({ timeoutMs: 1000 }), { timedOut: true });
  });
});
