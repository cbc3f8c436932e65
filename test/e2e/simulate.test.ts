import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Forecast } from '../../src/app/forecast.js';
import { runSimulation } from '../../src/app/simulation.js';
import { main } from '../../src/cli/main.js';
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

test('simulate --model FILE.json: the forecast follows that outcome model; a bad model is named before anything runs', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-simulate-model-'));
  try {
    const csv = path.join(dir, 'numbers.csv');
    // Ordinary numbers (no magic suffix) and one that the carrier always answers (0000).
    const ordinary = Array.from({ length: 10 }, (_, i) => `1390${i}005678`);
    writeFileSync(csv, ['phone', ...ordinary, '13900000000'].join('\n'));
    const busy = path.join(dir, 'busy.json');
    writeFileSync(busy, JSON.stringify({ outcomes: { USER_BUSY: 1 }, setupSeconds: { kind: 'fixed', value: 1 } }));
    const args = ['simulate', csv, '--json', '--seed', '1', '--start', '2026-12-01T09:00:00+08:00'];

    const withModel = await runCli([...args, '--model', busy]);
    assert.equal(withModel.code, 0, withModel.errors.join('\n'));
    const forecast = JSON.parse(withModel.printed.join('\n')) as Forecast;
    assert.deepEqual(forecast.outcomes, { USER_BUSY: 10, ANSWERED: 1 });
    assert.equal(forecast.answerRate, 1 / 11);

    const withDefault = JSON.parse((await runCli(args)).printed.join('\n')) as Forecast;
    assert.notEqual(withDefault.outcomes.USER_BUSY, 10, `without --model the default model decides: ${JSON.stringify(withDefault.outcomes)}`);

    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ outcomes: { ANSWERED: 0.5, USER_BUSY: 0.4 } }));
    const refused = await runCli([...args, '--model', bad]);
    assert.equal(refused.code, 1);
    assert.deepEqual(refused.printed, [], 'no forecast');
    assert.deepEqual(refused.errors, [`waihu: --model ${bad}: invalid simulator model: outcomes: probabilities must sum to 1 (got 0.9)`]);
    const missing = await runCli([...args, '--model', path.join(dir, 'nope.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.errors.join('\n'), /--model .*nope\.json: ENOENT/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Runs the waihu CLI in this process, capturing what it prints. */
async function runCli(argv: string[]): Promise<{ code: number; printed: string[]; errors: string[] }> {
  const printed: string[] = [];
  const errors: string[] = [];
  const code = await main(argv, { print: (t) => void printed.push(t), error: (t) => void errors.push(t) });
  return { code, printed, errors };
}
