import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.js';
import { sharedBucket, TokenBucket, validateTaskCps } from './pacing.js';

const MINUTE = 60_000;

/** A dialer that starts a call whenever the bucket allows and otherwise sleeps exactly as told. */
function greedyStarts(ratePerSecond: number, durationMs: number): number[] {
  const bucket = new TokenBucket({ ratePerSecond }, 0);
  const starts: number[] = [];
  let now = 0;
  while (now < durationMs) {
    const wait = bucket.take(now);
    if (wait === 0) starts.push(now);
    else now += wait;
  }
  return starts;
}

/** The most starts inside any half-open window [s, s + windowMs) beginning at a start. */
function busiestWindow(starts: number[], windowMs: number): number {
  let best = 0;
  let j = 0;
  for (let i = 0; i < starts.length; i++) {
    while (j < starts.length && starts[j]! < starts[i]! + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

for (const rate of [1, 7.5, 75, 500]) {
  test(`a greedy consumer achieves ${rate} cps within 1 % over a minute`, () => {
    const starts = greedyStarts(rate, MINUTE);
    const achieved = starts.length / 60;
    assert.ok(Math.abs(achieved / rate - 1) <= 0.01, `achieved ${achieved} cps for a target of ${rate}`);
    assert.equal(starts.length, rate * 60);
  });

  test(`${rate} cps is never exceeded in any 1 s, 10 s or 60 s window`, () => {
    const starts = greedyStarts(rate, 2 * MINUTE);
    for (const windowMs of [1_000, 10_000, MINUTE]) {
      const cap = Math.ceil((rate * windowMs) / 1000);
      assert.ok(busiestWindow(starts, windowMs) <= cap, `${busiestWindow(starts, windowMs)} starts in ${windowMs} ms, cap ${cap}`);
    }
  });
}

test('half a call per second starts one call every two seconds', () => {
  const starts = greedyStarts(0.5, 10_000);
  assert.deepEqual(starts, [0, 2_000, 4_000, 6_000, 8_000]);
  const bucket = new TokenBucket({ ratePerSecond: 0.5 }, 0);
  assert.equal(bucket.burst, 1);
  assert.equal(bucket.take(0), 0);
  assert.equal(bucket.take(500), 1_500);
});

test('a dialer that wakes late gets at most the burst, and the rate holds after it', () => {
  const bucket = new TokenBucket({ ratePerSecond: 75 }, 0);
  assert.equal(bucket.take(0), 0);
  assert.equal(bucket.takeMany(10_000, 1_000), 75);
  assert.equal(bucket.takeMany(10_000, 1_000), 0);
  assert.equal(bucket.waitMs(10_000), 14); // 13.33 ms for the next token, rounded up
  assert.equal(bucket.takeMany(11_000, 1_000), 75);
  const small = new TokenBucket({ ratePerSecond: 75, burst: 10 }, 0);
  assert.equal(small.takeMany(60_000, 1_000), 10);
});

test('a batch consumer waking every 250 ms gets exactly the tokens that accrued', () => {
  const bucket = new TokenBucket({ ratePerSecond: 75 }, 0);
  const batches: number[] = [];
  for (let now = 0; now < MINUTE; now += 250) batches.push(bucket.takeMany(now, 1_000));
  assert.equal(batches[0], 1);
  // 1 initial token + 75/s over 59.75 s = 4482.25 tokens, of which whole ones were granted.
  assert.equal(batches.reduce((a, b) => a + b, 0), 4_482);
  assert.ok(batches.slice(1).every((n) => n === 18 || n === 19), `batches ${[...new Set(batches.slice(1))]}`);
});

test('takeMany grants no more than wanted, refund gives tokens back up to the burst', () => {
  const bucket = new TokenBucket({ ratePerSecond: 10 }, 0);
  assert.equal(bucket.takeMany(5_000, 3), 3);
  assert.equal(bucket.takeMany(5_000, 0), 0);
  bucket.refund(2);
  assert.equal(bucket.takeMany(5_000, 100), 9);
  bucket.refund(50);
  assert.equal(bucket.takeMany(5_000, 100), 10);
});

test('a clock that steps back refills nothing', () => {
  const bucket = new TokenBucket({ ratePerSecond: 1 }, 10_000);
  assert.equal(bucket.take(10_000), 0);
  assert.equal(bucket.take(5_000), 1_000);
  assert.equal(bucket.take(10_500), 500);
  assert.equal(bucket.take(11_000), 0);
});

test('bad rates and bursts are refused; TaskCps is checked against 500', () => {
  assert.throws(() => new TokenBucket({ ratePerSecond: 0 }, 0), RangeError);
  assert.throws(() => new TokenBucket({ ratePerSecond: Number.NaN }, 0), RangeError);
  assert.throws(() => new TokenBucket({ ratePerSecond: 5, burst: 0.5 }, 0), RangeError);
  assert.equal(validateTaskCps(500), 500);
  for (const bad of [0, -1, 501, Number.POSITIVE_INFINITY]) {
    assert.throws(
      () => validateTaskCps(bad),
      (error: unknown) => error instanceof DomainError && error.param === 'TaskCps' && /at most 500/.test(error.message),
    );
  }
});

test('a shared bucket carries its level from claim to claim through the saved state', () => {
  const rate = { ratePerSecond: 10 };
  // First claim: a new bucket holds one token; the claim uses it.
  const first = sharedBucket(rate, 0)(undefined);
  assert.equal(first.granted, 1);
  const afterFirst = first.settle(1);
  // 300 ms later another process finds three tokens, claims only two, and leaves one behind.
  const second = sharedBucket(rate, 300)(afterFirst);
  assert.equal(second.granted, 3);
  const afterSecond = second.settle(2);
  // At the same instant a third claimer gets exactly that one.
  assert.equal(sharedBucket(rate, 300)(afterSecond).granted, 1);
  // A long pause refills only up to the burst (one second of tokens).
  assert.equal(sharedBucket(rate, 60_000)(afterSecond).granted, 10);
});
