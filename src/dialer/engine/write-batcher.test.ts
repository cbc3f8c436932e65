import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../ports/clock.js';
import { WriteBatcher } from './write-batcher.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');

/** A store stand-in that records each group it was asked to write and refuses items named "bad". */
function recorder() {
  const groups: string[][] = [];
  const writeMany = async (items: readonly string[]) => {
    groups.push([...items]);
    if (items.includes('bad')) throw new Error('constraint failed');
    return items.map((i) => `ok:${i}`);
  };
  return { groups, writeMany };
}

test('items written within the delay go out as one group, each with its own result', async () => {
  const clock = new VirtualClock(T0);
  const { groups, writeMany } = recorder();
  const batcher = new WriteBatcher(writeMany, clock, { delayMs: 50, maxBatch: 100 });
  const first = batcher.write('a');
  await clock.advanceAsync(30);
  const second = batcher.write('b');
  assert.deepEqual(groups, [], 'nothing is written before the delay');
  await clock.advanceAsync(20);
  assert.deepEqual(await Promise.all([first, second]), ['ok:a', 'ok:b']);
  assert.deepEqual(groups, [['a', 'b']]);
});

test('a full group is written at once, without waiting for the delay', async () => {
  const clock = new VirtualClock(T0);
  const { groups, writeMany } = recorder();
  const batcher = new WriteBatcher(writeMany, clock, { delayMs: 1000, maxBatch: 3 });
  const results = Promise.all(['a', 'b', 'c'].map((i) => batcher.write(i)));
  assert.deepEqual(await results, ['ok:a', 'ok:b', 'ok:c']);
  assert.equal(clock.now(), T0);
  assert.deepEqual(groups, [['a', 'b', 'c']]);
});

test('when the group fails, each item is written alone and only the bad one fails', async () => {
  const clock = new VirtualClock(T0);
  const { groups, writeMany } = recorder();
  const batcher = new WriteBatcher(writeMany, clock, { delayMs: 10, maxBatch: 100 });
  const outcomes = Promise.allSettled(['a', 'bad', 'c'].map((i) => batcher.write(i)));
  await clock.advanceAsync(10);
  const settled = await outcomes;
  assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual(groups, [['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
});
