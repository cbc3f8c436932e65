import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeMediaTimers } from './fake-media-timers.js';
import { MediaClock } from './media-clock.js';

/** A clock on fake time whose timers fire `lateness(due)` ms late, and a log of [tick, time] of one stream. */
function setup(lateness?: (due: number) => number) {
  const timers = new FakeMediaTimers(1000, lateness);
  const errors: unknown[] = [];
  const clock = new MediaClock({ timers, onError: (e) => errors.push(e) });
  const log: [number, number][] = [];
  const stop = clock.register((tick) => log.push([tick, timers.now() - 1000]));
  return { timers, clock, log, stop, errors };
}

test('ticks come every 20 ms, numbered from 1, and on time the interval deviation is zero', () => {
  const { timers, clock, log } = setup();
  timers.advance(100);
  assert.deepEqual(log, [[1, 20], [2, 40], [3, 60], [4, 80], [5, 100]]);
  assert.deepEqual(clock.stats(), {
    ticks: 5, skippedTicks: 0, errors: 0, intervalDeviationP50Ms: 0, intervalDeviationP99Ms: 0, intervalDeviationMaxMs: 0, busyMs: 0,
  });
});

test('late wake-ups do not add up: each tick is aimed at its own instant, not 20 ms after the last', () => {
  // Every timer fires 1.5 ms late, every tenth one 4 ms late: a loaded event loop.
  const { timers, clock, log } = setup((due) => (Math.round(due / 20) % 10 === 0 ? 4 : 1.5));
  timers.advance(2000);
  assert.equal(log.length, 99, 'the 100th tick, due at 2000, fires after the advance ends');
  for (const [tick, at] of log) assert.ok(at >= tick * 20 && at <= tick * 20 + 4, `tick ${tick} at ${at}`);
  const stats = clock.stats();
  assert.equal(stats.intervalDeviationP50Ms, 0, 'most intervals are exactly 20 ms: same lateness twice');
  assert.equal(stats.intervalDeviationP99Ms, 2.5);
  assert.equal(stats.intervalDeviationMaxMs, 2.5);
});

test('the interval deviation percentiles come from the whole distribution', () => {
  // A 5 ms hiccup once a second lengthens one interval and shortens the next.
  const { timers, clock } = setup((due) => ((due - 1000) % 1000 === 0 ? 5 : 0));
  timers.advance(4030);
  const stats = clock.stats();
  assert.equal(stats.ticks, 201);
  assert.deepEqual([stats.intervalDeviationP50Ms, stats.intervalDeviationP99Ms, stats.intervalDeviationMaxMs], [0, 5, 5], '8 of 200 intervals are off by 5 ms');
  clock.resetStats();
  timers.advance(200);
  assert.deepEqual([clock.stats().ticks, clock.stats().intervalDeviationP99Ms], [10, 0]);
});

test('work done inside the ticks does not delay the schedule, and is counted as busy time', () => {
  const { timers, clock, log } = setup();
  clock.register(() => timers.spend(7));
  timers.advance(100);
  assert.deepEqual(log.map(([, at]) => at), [20, 40, 60, 80, 100]);
  assert.equal(clock.stats().busyMs, 35);
  assert.equal(clock.stats().intervalDeviationP99Ms, 0);
});

test('one timer serves every stream, and all see the same tick number', () => {
  const { timers, clock } = setup();
  const seen = new Map<number, number>();
  const stops = Array.from({ length: 500 }, () => clock.register((tick) => seen.set(tick, (seen.get(tick) ?? 0) + 1)));
  assert.equal(clock.streams, 501);
  assert.equal(timers.scheduled, 1);
  timers.advance(60);
  assert.deepEqual([...seen], [[1, 500], [2, 500], [3, 500]]);
  for (const stop of stops) stop();
  assert.equal(clock.streams, 1);
});

test('the ticker stops when the last stream leaves, even from inside a tick, and restarts with the next', () => {
  const { timers, clock, log, stop } = setup();
  let other = 0;
  const leave = clock.register(() => {
    other++;
    if (other === 2) {
      leave();
      stop();
    }
  });
  timers.advance(100);
  assert.deepEqual([log.length, other, clock.running, timers.scheduled], [2, 2, false, 0]);
  const again: number[] = [];
  clock.register((tick) => again.push(tick));
  timers.advance(40);
  assert.deepEqual(again, [1, 2], 'a fresh start counts from 1 again');
});

test('a wake-up a few ticks late runs them back to back; a long stall skips to the latest', () => {
  const { timers, clock, log } = setup((due) => (due === 1060 ? 45 : due === 1200 ? 300 : 0));
  timers.advance(1000);
  // Tick 3 (due 60) fires at 105 with ticks 4 and 5 due too: three back to back.
  assert.deepEqual(log.slice(0, 6), [[1, 20], [2, 40], [3, 105], [4, 105], [5, 105], [6, 120]]);
  // Tick 10 (due 200) fires at 500 with 16 ticks due: only tick 25 runs.
  const stalled = log.findIndex(([, at]) => at === 500);
  assert.deepEqual(log.slice(stalled - 1, stalled + 2), [[9, 180], [25, 500], [26, 520]]);
  assert.equal(clock.stats().skippedTicks, 15);
  assert.equal(clock.stats().ticks, log.length);
});

test('a stream that throws is reported and does not stop the ticks of the others', () => {
  const { timers, clock, log, errors } = setup();
  clock.register(() => {
    throw new Error('bad stream');
  });
  const after: number[] = [];
  clock.register((tick) => after.push(tick));
  timers.advance(60);
  assert.equal(log.length, 3);
  assert.deepEqual(after, [1, 2, 3]);
  assert.equal(errors.length, 3);
  assert.match(String(errors[0]), /bad stream/);
  assert.equal(clock.stats().errors, 3);
});
