import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSimulation } from '../../src/app/simulation.js';
import { readCsvRows } from '../../src/cli/simulate.js';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

test('the forecast counts attempts and outcomes as the engine produced them, across a weekend outside the call window', async () => {
  const rows = [
    ...Array.from({ length: 10 }, (_, i) => ({ calleeNumber: `1390${String(i).padStart(3, '0')}0000`, name: `a${i}` })), // answered
    ...Array.from({ length: 5 }, (_, i) => ({ calleeNumber: `1391${String(i).padStart(3, '0')}0001` })), // busy, busy again
  ];
  const forecast = await runSimulation({
    rows,
    settings: {
      TaskName: 't', CallTime: ['{"startTime":"09:00:00","endTime":"18:00:00"}'], CallDay: WEEKDAYS, TaskCps: 5,
      MissCallRetry: true, CallRetryReason: ['USER_BUSY'], CallRetryTimes: 1, CallRetryInterval: 30,
    },
    // Friday 17:59:58 in Shanghai: two seconds of window left, then the weekend.
    startAt: Date.parse('2026-12-04T17:59:58+08:00'),
    seed: 1,
    speed: 0,
  });
  assert.equal(forecast.completed, true);
  assert.equal(forecast.recipients, 15);
  assert.equal(forecast.attempts, 20, '15 first calls + 5 retries of the busy ones');
  assert.deepEqual(forecast.outcomes, { ANSWERED: 10, USER_BUSY: 5 });
  assert.equal(forecast.answerRate, 10 / 15);
  // Most recipients wait for Monday 09:00; the campaign cannot end before then.
  assert.ok(forecast.endAt >= Date.parse('2026-12-07T09:00:00+08:00'), new Date(forecast.endAt).toISOString());
  assert.ok(forecast.endAt < Date.parse('2026-12-07T12:00:00+08:00'), new Date(forecast.endAt).toISOString());
  // Friday's two seconds at 5 cps dial 10 (the first 10 imported); Monday 09:00-10:00 dials the 5 busy ones and,
  // 30 minutes later, their retries: 10 again. The first busiest hour is reported.
  assert.deepEqual(forecast.busiestHour, { hour: '2026-12-04 17:00', dials: 10 });
  // Friday's 10 dials, 200 ms apart, are the longest continuous stretch: exactly TaskCps.
  assert.equal(forecast.achievedCps, 5);
});

test('CSV rows: a number column under any of its names, outId and variables', () => {
  const rows = readCsvRows('PhoneNumber,outId,name\n13900001234,o1,张三\r\n13900005678,o2,李四\n');
  assert.deepEqual(rows, [
    { calleeNumber: '13900001234', outId: 'o1', name: '张三' },
    { calleeNumber: '13900005678', outId: 'o2', name: '李四' },
  ]);
  assert.throws(() => readCsvRows('name\nx\n'), /number column/);
});
