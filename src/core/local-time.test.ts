import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daySpan, formatDate, formatDateTime } from './local-time.js';

test('instants are written yyyy-MM-dd HH:mm:ss in the zone, midnight as 00', () => {
  const at = Date.parse('2026-03-01T16:00:05Z');
  assert.equal(formatDateTime(at, 'Asia/Shanghai'), '2026-03-02 00:00:05');
  assert.equal(formatDate(at, 'Asia/Shanghai'), '2026-03-02');
  assert.equal(formatDateTime(at, 'UTC'), '2026-03-01 16:00:05');
});

test('a day names its local span, also across a DST change; anything but yyyy-MM-dd is refused naming the parameter', () => {
  assert.deepEqual(daySpan('2026-03-02', 'Asia/Shanghai', 'CallDate'), { start: Date.parse('2026-03-01T16:00:00Z'), end: Date.parse('2026-03-02T16:00:00Z') });
  const spring = daySpan('2026-03-08', 'America/New_York', 'D');
  assert.equal(spring.end - spring.start, 23 * 3600_000);
  for (const bad of ['2026-3-2', '2026-02-30', '20260302', '']) {
    assert.throws(() => daySpan(bad, 'Asia/Shanghai', 'CallDate'), (e: Error & { param?: string }) => e.param === 'CallDate' && e.message.includes(bad));
  }
});
