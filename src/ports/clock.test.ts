import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AbortError, ManualClock, VirtualClock, isAbortError, systemClock, type Clock } from './clock.js';

const T0 = Date.parse('2026-03-01T00:00:00Z');

/** Waits for `work` on either clock: the virtual one is run forward until the work is done. */
async function drive<T>(clock: Clock, work: Promise<T>): Promise<T> {
  let done = false;
  const tracked = work.finally(() => {
    done = true;
  });
  if (clock instanceof VirtualClock) await clock.runUntil(() => done);
  return tracked;
}

/** The contract every Clock keeps, run against the real and the virtual clock. */
for (const [name, make] of [
  ['systemClock', (): Clock => systemClock],
  ['VirtualClock', (): Clock => new VirtualClock(T0)],
] as const) {
  describe(`Clock contract: ${name}`, () => {
    test('sleeps end in time order, and same-length sleeps in start order', async () => {
      const clock = make();
      const order: string[] = [];
      const nap = (label: string, ms: number) => clock.sleep(ms).then(() => order.push(label));
      await drive(clock, Promise.all([nap('c', 30), nap('a', 5), nap('b1', 15), nap('b2', 15)]));
      assert.deepEqual(order, ['a', 'b1', 'b2', 'c']);
    });

    test('an aborted sleep rejects with an AbortError carrying the reason; an already-aborted one at once', async () => {
      const clock = make();
      const controller = new AbortController();
      const sleeping = clock.sleep(60_000, controller.signal);
      controller.abort('stop');
      await assert.rejects(sleeping, (e: unknown) => e instanceof AbortError && e.cause === 'stop' && isAbortError(e));
      await assert.rejects(clock.sleep(10, AbortSignal.abort()), { name: 'AbortError', code: 'ABORT_ERR' });
    });

    test('after calls back in time order with sleeps started alongside; a cancelled one never fires', async () => {
      const clock = make();
      const order: string[] = [];
      clock.after(20, () => order.push('after 20'));
      const cancel = clock.after(10, () => order.push('cancelled'));
      clock.after(0, () => order.push('after 0'));
      cancel();
      const done = new Promise<void>((resolve) => clock.after(30, () => resolve()));
      await drive(clock, Promise.all([clock.sleep(20).then(() => order.push('sleep 20')), done]));
      assert.deepEqual(order, ['after 0', 'after 20', 'sleep 20']);
      cancel(); // after the fact: harmless
    });

    test('sleep(0) resolves without waiting for a timer; an infinite sleep ends only by abort', async () => {
      const clock = make();
      const before = clock.now();
      await clock.sleep(0);
      await clock.sleep(-5);
      assert.ok(clock.now() - before < 1000);
      const controller = new AbortController();
      const forever = clock.sleep(Infinity, controller.signal);
      controller.abort();
      await assert.rejects(forever, { name: 'AbortError' });
    });
  });
}

describe('VirtualClock', () => {
  test('keeps the ManualClock API: construct at a time, advance (also backwards), set', () => {
    const clock = new ManualClock(1000);
    assert.equal(clock.now(), 1000);
    clock.advance(500);
    clock.advance(-200);
    assert.equal(clock.now(), 1300);
    clock.set(42);
    assert.equal(clock.now(), 42);
  });

  test('advance fires every due timer in order and leaves later ones waiting', async () => {
    const clock = new VirtualClock(T0);
    const fired: number[] = [];
    for (const ms of [300, 100, 200, 1000]) void clock.sleep(ms).then(() => fired.push(ms));
    assert.equal(clock.pendingTimers, 4);
    assert.equal(clock.nextTimerAt(), T0 + 100);
    clock.advance(300);
    assert.equal(clock.now(), T0 + 300);
    await clock.settle();
    assert.deepEqual(fired, [100, 200, 300]);
    assert.equal(clock.pendingTimers, 1);
    assert.equal(clock.nextTimerAt(), T0 + 1000);
  });

  test('advanceAsync resumes every sleeper at its own due time, including sleeps started by sleepers', async () => {
    const clock = new VirtualClock(T0);
    const seen: Array<[string, number]> = [];
    const worker = async (label: string, steps: number[]) => {
      for (const ms of steps) {
        await clock.sleep(ms);
        seen.push([label, clock.now() - T0]);
      }
    };
    void worker('x', [100, 200, 50]);
    void worker('y', [250, 250]);
    await clock.advanceAsync(1000);
    assert.deepEqual(seen, [
      ['x', 100],
      ['y', 250],
      ['x', 300],
      ['x', 350],
      ['y', 500],
    ]);
    assert.equal(clock.now(), T0 + 1000);
    assert.equal(clock.pendingTimers, 0);
  });

  test('timers due at one instant fire together, in start order, each reading that instant', async () => {
    const clock = new VirtualClock(T0);
    const seen: string[] = [];
    for (const label of ['first', 'second', 'third']) {
      void clock.sleep(50).then(() => seen.push(`${label}@${clock.now() - T0}`));
    }
    void clock.sleep(51).then(() => seen.push(`late@${clock.now() - T0}`));
    assert.equal(await clock.advanceToNextTimer(), true);
    assert.deepEqual(seen, ['first@50', 'second@50', 'third@50']);
    assert.equal(clock.now(), T0 + 50);
    assert.equal(await clock.advanceToNextTimer(), true);
    assert.equal(await clock.advanceToNextTimer(), false);
    assert.deepEqual(seen.at(-1), 'late@51');
  });

  test('an aborted sleep leaves the timer queue and never fires', async () => {
    const clock = new VirtualClock(T0);
    const controller = new AbortController();
    let fired = false;
    const sleeping = clock.sleep(100, controller.signal).then(() => {
      fired = true;
    });
    void clock.sleep(200);
    controller.abort();
    await assert.rejects(sleeping, { name: 'AbortError' });
    assert.equal(clock.pendingTimers, 1);
    assert.equal(clock.nextTimerAt(), T0 + 200);
    await clock.advanceAsync(500);
    assert.equal(fired, false);
  });

  test('cancelling a timer after it fired leaves the queue count exact', async () => {
    const clock = new VirtualClock(T0);
    const cancels = Array.from({ length: 5 }, () => clock.after(10, () => {}));
    await clock.advanceAsync(10);
    for (const cancel of cancels) cancel();
    clock.after(5, () => {});
    assert.equal(clock.pendingTimers, 1);
  });

  test('thousands of aborted sleeps do not pile up in the queue', async () => {
    const clock = new VirtualClock(T0);
    for (let i = 0; i < 5000; i++) {
      const controller = new AbortController();
      clock.sleep(60_000 + i, controller.signal).catch(() => undefined);
      controller.abort();
    }
    void clock.sleep(10);
    assert.equal(clock.pendingTimers, 1);
    assert.equal(clock.nextTimerAt(), T0 + 10);
  });

  test('runUntil(time) stops at that time; runUntil(condition) rejects when nothing is left to wait for', async () => {
    const clock = new VirtualClock(T0);
    let ticks = 0;
    void (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(1000);
        ticks++;
      }
    })();
    await clock.runUntil(T0 + 2500);
    assert.equal(ticks, 2);
    assert.equal(clock.now(), T0 + 2500);
    await clock.runUntil(() => ticks === 3);
    assert.equal(clock.now(), T0 + 3000);
    await assert.rejects(clock.runUntil(() => ticks === 4), /no timer is waiting/);
  });

  test('the runner does not jump while file I/O is in flight', async () => {
    const clock = new VirtualClock(T0);
    const dir = await mkdtemp(path.join(tmpdir(), 'waihu-clock-'));
    const stamps: number[] = [];
    void (async () => {
      for (let i = 0; i < 3; i++) {
        await writeFile(path.join(dir, `f${i}`), 'x'.repeat(10_000));
        await readFile(path.join(dir, `f${i}`));
        stamps.push(clock.now() - T0);
        await clock.sleep(1000);
      }
    })();
    await clock.runUntil(() => stamps.length === 3);
    assert.deepEqual(stamps, [0, 1000, 2000]);
  });

  test('a 7-day run of 20 busy workers finishes on virtual time, with every wake-up in time order', { timeout: 20_000 }, async () => {
    const clock = new VirtualClock(T0);
    const week = 7 * 24 * 3600_000;
    const wakeUps: number[] = [];
    let outOfOrder = 0;
    let last = T0;
    const worker = async (id: number) => {
      // A fixed, worker-specific rhythm between 30 s and ~5 min, like calls being placed and finishing.
      for (let n = 0; clock.now() < T0 + week; n++) {
        await clock.sleep(30_000 + ((id * 7919 + n * 104_729) % 270_000));
        if (clock.now() < last) outOfOrder++;
        last = clock.now();
        wakeUps[id] = (wakeUps[id] ?? 0) + 1;
      }
    };
    const all = Promise.all(Array.from({ length: 20 }, (_, id) => worker(id)));
    await clock.runUntil(T0 + week);
    await clock.runUntil(() => clock.pendingTimers === 0);
    await all;
    const total = wakeUps.reduce((a, b) => a + b, 0);
    assert.equal(outOfOrder, 0);
    assert.ok(total > 20 * (week / 300_000) && total < 20 * (week / 30_000), `${total} wake-ups`);
    assert.ok(clock.now() >= T0 + week);
  });
});
