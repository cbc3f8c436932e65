import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.js';
import {
  DEFAULT_CALLEE_FREQUENCY_RULES,
  assignLines,
  availableSlots,
  chooseLine,
  frequencyVerdict,
  validateFrequencyRules,
  type LineLoad,
} from './caps.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-09T09:00:00+08:00');

test('the tightest of task, account and line caps decides', () => {
  const lines: LineLoad[] = [
    { line: '057188880001', running: 3 },
    { line: '057188880002', running: 5 },
  ];
  assert.equal(availableSlots({ task: 4, account: 10, lines }, { task: 10, account: 20, line: 5 }), 2);
  assert.equal(availableSlots({ task: 9, account: 10, lines }, { task: 10, account: 20 }), 1);
  assert.equal(availableSlots({ task: 4, account: 19, lines }, { task: 10, account: 20 }), 1);
  assert.equal(availableSlots({ task: 4, account: 25, lines }, { account: 20 }), 0, 'over the cap is zero, not negative');
  assert.equal(availableSlots({ task: 4, account: 4, lines: [{ line: 'a', running: 1, limit: 8 }, ...lines] }, { line: 5 }), 9);
});

test('no caps means unlimited, and a task without lines has no line cap', () => {
  assert.equal(availableSlots({ task: 1_000, account: 1_000 }, {}), Number.POSITIVE_INFINITY);
  assert.equal(availableSlots({ task: 1, account: 1, lines: [] }, { line: 2 }), Number.POSITIVE_INFINITY);
  assert.equal(availableSlots({ task: 0, account: 0 }, { task: 0 }), 0);
});

test('the least-loaded line with room wins; ties go to the smallest number', () => {
  const lines: LineLoad[] = [
    { line: '0571-3', running: 2 },
    { line: '0571-2', running: 1 },
    { line: '0571-1', running: 1 },
  ];
  assert.equal(chooseLine(lines, 5), '0571-1');
  assert.equal(chooseLine([...lines].reverse(), 5), '0571-1');
  assert.equal(chooseLine([...lines, { line: '0571-9', running: 0 }], 1), '0571-9', 'the only line with room');
  assert.equal(chooseLine(lines, 1), undefined);
  assert.equal(chooseLine([{ line: 'big', running: 40, limit: 50 }, { line: 'small', running: 2, limit: 2 }]), 'big');
  assert.equal(chooseLine([]), undefined);
});

test('a batch is spread over the lines and stops when they are full', () => {
  const lines: LineLoad[] = [
    { line: 'A', running: 0 },
    { line: 'B', running: 2 },
    { line: 'C', running: 1 },
  ];
  assert.deepEqual(assignLines(lines, 5, 3), ['A', 'A', 'C', 'A', 'B']);
  assert.deepEqual(assignLines(lines, 10, 3), ['A', 'A', 'C', 'A', 'B', 'C']);
  assert.deepEqual(lines.map((l) => l.running), [0, 2, 1], 'the input is not changed');
  assert.deepEqual(assignLines(lines, 0, 3), []);
});

test('the default callee rules are 1 a minute, 5 an hour, 20 a day', () => {
  assert.deepEqual(DEFAULT_CALLEE_FREQUENCY_RULES, [
    { windowMs: MINUTE, max: 1 },
    { windowMs: HOUR, max: 5 },
    { windowMs: DAY, max: 20 },
  ]);
  assert.deepEqual(frequencyVerdict([], T0), { allowed: true });
});

test('a window boundary is exact: blocked 1 ms before, allowed at the instant', () => {
  assert.deepEqual(frequencyVerdict([T0], T0 + MINUTE - 1), { allowed: false, retryAt: T0 + MINUTE });
  assert.deepEqual(frequencyVerdict([T0], T0 + MINUTE), { allowed: true });
  assert.deepEqual(frequencyVerdict([T0], T0), { allowed: false, retryAt: T0 + MINUTE });
});

test('the hourly rule blocks after five calls until the oldest of them leaves the hour', () => {
  const five = [0, 10, 20, 30, 40].map((m) => T0 + m * MINUTE);
  const now = T0 + 50 * MINUTE;
  assert.deepEqual(frequencyVerdict(five, now), { allowed: false, retryAt: T0 + HOUR });
  assert.deepEqual(frequencyVerdict(five, T0 + HOUR), { allowed: true });
  assert.deepEqual(frequencyVerdict(five.slice(1), now), { allowed: true });
  // Unsorted input and a sixth, older call outside the hour change nothing.
  assert.deepEqual(frequencyVerdict([...five].reverse().concat(T0 - 2 * HOUR), now), { allowed: false, retryAt: T0 + HOUR });
});

test('retryAt satisfies every rule at once', () => {
  // 20 calls in the last day, the newest 61 s ago: the minute rule allows now, the hour rule at
  // (5th newest + 1 h), the day rule at (20th newest + 1 day); the answer is the latest.
  const now = T0;
  const calls = Array.from({ length: 20 }, (_, i) => now - 61_000 - i * 10 * MINUTE);
  const verdict = frequencyVerdict(calls, now);
  assert.deepEqual(verdict, { allowed: false, retryAt: now - 61_000 - 19 * 10 * MINUTE + DAY });
  assert.deepEqual(frequencyVerdict(calls, now - 61_000 - 19 * 10 * MINUTE + DAY), { allowed: true });
  const custom = [{ windowMs: 10_000, max: 2 }];
  assert.deepEqual(frequencyVerdict([now - 9_000, now - 1_000], now, custom), { allowed: false, retryAt: now + 1_000 });
});

test('calls stamped in the future (another node ahead of us) still count', () => {
  assert.deepEqual(frequencyVerdict([T0 + 5_000], T0), { allowed: false, retryAt: T0 + 5_000 + MINUTE });
});

test('malformed rules are refused', () => {
  for (const rule of [{ windowMs: 0, max: 1 }, { windowMs: MINUTE, max: 0 }, { windowMs: MINUTE, max: 1.5 }]) {
    assert.throws(() => validateFrequencyRules([rule]), (error: unknown) => error instanceof DomainError && /rule 0/.test(error.message));
    assert.throws(() => frequencyVerdict([], T0, [rule]), DomainError);
  }
});
