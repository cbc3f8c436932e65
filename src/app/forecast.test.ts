import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarise } from './forecast.js';

const base = { completed: true, results: [], taskCps: 10 };

test('the busiest hour is counted in the task time zone, also where the offset is not whole hours', () => {
  // Kathmandu is UTC+05:45: 03:14 UTC is 08:59 there, 03:15 UTC is 09:00.
  const at = (utc: string) => Date.parse(`2026-12-01T${utc}Z`);
  const dialTimes = [at('03:14:00'), at('03:15:00'), at('03:30:00'), at('04:14:59')];
  const forecast = summarise({ ...base, startAt: dialTimes[0]!, endAt: dialTimes[3]!, dialTimes, timeZone: 'Asia/Kathmandu' });
  assert.deepEqual(forecast.busiestHour, { hour: '2026-12-01 09:00', dials: 3 });
  assert.equal(forecast.attempts, 4);
});

test('achieved CPS is measured over the longest stretch of continuous dialing', () => {
  // 11 dials 100 ms apart (10 per second), a pause, then 2 more.
  const dialTimes = [...Array.from({ length: 11 }, (_, i) => 1_000 + i * 100), 60_000, 60_500];
  const forecast = summarise({ ...base, startAt: 0, endAt: 61_000, dialTimes, timeZone: 'Asia/Shanghai' });
  assert.equal(forecast.achievedCps, 10);
});
