import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyHeapTuning, DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercent } from './heap-tuning.js';

test('the heap growth comes from WAIHU_HEAP_GROWING_PERCENT, 100 % by default, 0 leaving it to V8', () => {
  const flags: string[] = [];
  const set = (f: string) => void flags.push(f);
  assert.equal(applyHeapTuning({}, set), DEFAULT_HEAP_GROWING_PERCENT);
  assert.equal(applyHeapTuning({ WAIHU_HEAP_GROWING_PERCENT: '50' }, set), 50);
  assert.equal(applyHeapTuning({ WAIHU_HEAP_GROWING_PERCENT: '0' }, set), 0);
  assert.deepEqual(flags, ['--heap-growing-percent=100', '--heap-growing-percent=50']);
});

test('a bad WAIHU_HEAP_GROWING_PERCENT stops the start with a message naming it', () => {
  for (const bad of ['-1', '1.5', 'lots', '1001']) {
    assert.throws(() => heapGrowingPercent({ WAIHU_HEAP_GROWING_PERCENT: bad }), /WAIHU_HEAP_GROWING_PERCENT must be a whole number/);
  }
});
