import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALL_RESULTS } from '../../../core/calls/call-result.js';
import { seededRandom } from './prng.js';
import { DEFAULT_SIM_MODEL, parseSimModel, pickOutcome, sampleMs, staticModelSource, type Distribution } from './sim-model.js';

test('the default model is valid, covers all 15 outcomes and answers about 45 % of calls', () => {
  const parsed = parseSimModel(JSON.parse(JSON.stringify(DEFAULT_SIM_MODEL)));
  assert.deepEqual(parsed, DEFAULT_SIM_MODEL);
  assert.deepEqual(Object.keys(DEFAULT_SIM_MODEL.outcomes).sort(), [...CALL_RESULTS].sort());
  assert.equal(DEFAULT_SIM_MODEL.outcomes.ANSWERED, 0.45);
});

test('a partial model takes the fields it leaves out from the default', () => {
  const model = parseSimModel({ outcomes: { ANSWERED: 0.5, USER_BUSY: 0.5 }, talkSeconds: { kind: 'fixed', value: 12 } });
  assert.deepEqual(model.outcomes, { ANSWERED: 0.5, USER_BUSY: 0.5 });
  assert.deepEqual(model.talkSeconds, { kind: 'fixed', value: 12 });
  assert.deepEqual(model.ringSeconds, DEFAULT_SIM_MODEL.ringSeconds);
});

test('bad models are rejected with every problem named', () => {
  const bad = (input: unknown, pattern: RegExp) =>
    assert.throws(() => parseSimModel(input), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'InvalidArgument');
      assert.match(e.message, pattern);
      return true;
    });
  bad({ outcomes: { ANSWERED: 0.5, USER_BUSY: 0.4 } }, /outcomes: probabilities must sum to 1 \(got 0\.9\)/);
  bad({ outcomes: { ANSWERD: 1 } }, /outcomes: .*ANSWERD/);
  bad({ outcomes: { ANSWERED: 1.5, USER_BUSY: -0.5 } }, /outcomes\.ANSWERED: .*outcomes\.USER_BUSY: /s);
  bad({ ringSeconds: { kind: 'uniform', min: 10, max: 5 } }, /ringSeconds: min must not exceed max/);
  bad({ talkSeconds: { kind: 'lognormal', median: 0, sigma: 1 } }, /talkSeconds\.median/);
  bad({ talkSeconds: { kind: 'gamma', shape: 2 } }, /talkSeconds/);
  bad({ setupSeconds: { kind: 'fixed', value: 1, extra: true } }, /setupSeconds/);
  bad({ speed: 2 }, /speed/);
  bad('nope', /model: /);
  assert.throws(() => staticModelSource({ acme: { outcomes: { ANSWERED: 2 } } }), /account acme: invalid simulator model/);
});

test('pickOutcome maps cumulative bands to outcomes and gives the top of the range to the last one', () => {
  const model = parseSimModel({ outcomes: { ANSWERED: 0.25, NO_ANSWER: 0.75 } });
  assert.equal(pickOutcome(model, 0), 'ANSWERED');
  assert.equal(pickOutcome(model, 0.2499), 'ANSWERED');
  assert.equal(pickOutcome(model, 0.25), 'NO_ANSWER');
  assert.equal(pickOutcome(model, 0.999999999), 'NO_ANSWER');
  assert.equal(pickOutcome({ ...model, outcomes: { ANSWERED: 0.3333333, USER_BUSY: 0.6666666 } }, 0.9999999), 'USER_BUSY');
});

test('samples follow their distribution and stay within min and max', () => {
  const draw = (dist: Distribution, n = 20_000) => {
    const random = seededRandom('dist', dist.kind);
    return Array.from({ length: n }, () => sampleMs(dist, random)).sort((a, b) => a - b);
  };
  const median = (xs: number[]) => xs[xs.length >> 1]!;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  assert.deepEqual(new Set(draw({ kind: 'fixed', value: 2.5 }, 10)), new Set([2500]));
  const uniform = draw({ kind: 'uniform', min: 45, max: 60 });
  assert.ok(uniform[0]! >= 45_000 && uniform.at(-1)! <= 60_000);
  assert.ok(Math.abs(mean(uniform) - 52_500) < 200);
  const normal = draw({ kind: 'normal', mean: 10, sd: 2 });
  assert.ok(Math.abs(mean(normal) - 10_000) < 100);
  const lognormal = draw({ kind: 'lognormal', median: 30, sigma: 0.8, min: 3, max: 600 });
  assert.ok(Math.abs(median(lognormal) - 30_000) < 1000, `median ${median(lognormal)}`);
  assert.ok(lognormal[0]! >= 3000 && lognormal.at(-1)! <= 600_000);
  const clamped = draw({ kind: 'normal', mean: 0, sd: 5 });
  assert.equal(clamped[0], 0, 'the default min is 0: no negative durations');
});
