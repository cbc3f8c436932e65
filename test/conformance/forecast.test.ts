// RunForecast through the official SDK (openapi-core V3, JSON body): the forecast matches `waihu simulate` run on
// the same numbers, start and seed; the hourly series adds up to the totals; mistakes are refused naming the parameter.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { simulateCommand } from '../../src/cli/simulate.js';
import { loadConfig } from '../../src/config/config.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { openApiCore, WAIHU } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, rejection } from '../support/sdk-errors.js';
import { assertOk } from './aiccs-kit.js';

const START = Date.parse('2026-12-01T09:00:00+08:00');

describe('RunForecast', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    server = await startTestServer();
    dir = mkdtempSync(path.join(tmpdir(), 'waihu-forecast-'));
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function forecast(params: Record<string, unknown>) {
    const { body } = await openApiCore(server.host, server.key).call({ version: WAIHU, action: 'RunForecast', params, where: 'json' });
    assertOk(body);
    return body.Data as Record<string, unknown>;
  }

  async function refused(params: Record<string, unknown>, param: string) {
    const err = await rejection(openApiCore(server.host, server.key).call({ version: WAIHU, action: 'RunForecast', params, where: 'json' }));
    const body = assertOpenApiCoreError(err, { code: 'InvalidParameter', status: 400, kind: 'ClientError' });
    assert.match(String(body.Message), new RegExp(param), `the message names ${param}: ${String(body.Message)}`);
  }

  /** `waihu simulate FILE --json` in this process; returns the parsed forecast. */
  async function cli(numbers: string[], args: string[]) {
    const file = path.join(dir, `numbers-${numbers.length}.csv`);
    writeFileSync(file, `number\n${numbers.join('\n')}\n`);
    const printed: string[] = [];
    const code = await simulateCommand(loadConfig({}, dir, { dataDir: dir }), [file, '--json', ...args], { print: (t) => printed.push(t), error: (t) => printed.push(t) });
    assert.equal(code, 0, printed.join('\n'));
    return JSON.parse(printed.join('\n')) as Record<string, unknown>;
  }

  test('a forecast with retries and a lunch break matches waihu simulate on the same input', async () => {
    const numbers = Array.from({ length: 300 }, (_, i) => String(13_900_000_000 + i));
    const api = await forecast({
      Numbers: 300, TaskCps: 1, CallTime: ['{"startTime":"09:00:00","endTime":"12:00:00"}', '{"startTime":"13:00:00","endTime":"18:00:00"}'],
      CallDay: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], MissCallRetry: true, CallRetryTimes: 2, CallRetryInterval: 20,
      StartTime: START, TimeZone: 'Asia/Shanghai',
    });
    const local = await cli(numbers, ['--cps', '1', '--call-time', '09:00-12:00,13:00-18:00', '--days', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY',
      '--retry-times', '2', '--retry-interval', '20', '--start', '2026-12-01T09:00:00+08:00', '--time-zone', 'Asia/Shanghai']);
    assert.equal(api.Recipients, 300);
    assert.equal(api.Completed, true);
    assert.equal(api.DurationMs, local.durationMs);
    assert.equal(api.Attempts, local.attempts);
    assert.deepEqual(api.Outcomes, local.outcomes);
    assert.equal(api.AnswerRate, local.answerRate);
    assert.equal(api.AchievedCps, local.achievedCps);
    assert.ok((api.Attempts as number) > 300, 'retries happened');
    // 300 first dials at 1 a second take 300 s; retries 20 minutes after each miss push the end past 40 minutes.
    assert.ok((api.DurationMs as number) > 40 * 60_000);
    const hourly = api.Hourly as { Hour: string; Dials: number; Answered: number }[];
    assert.equal(hourly[0]!.Hour, '2026-12-01 09:00');
    assert.equal(hourly.reduce((n, h) => n + h.Dials, 0), api.Attempts);
    assert.equal(hourly.reduce((n, h) => n + h.Answered, 0), (api.Outcomes as Record<string, number>).ANSWERED);
    assert.deepEqual(api.BusiestHour, { Hour: (local.busiestHour as { hour: string }).hour, Dials: (local.busiestHour as { dials: number }).dials });
  });

  test('a NumberList and a model given as JSON are used as sent', async () => {
    const model = { outcomes: { ANSWERED: 0.2, NO_ANSWER: 0.8 } };
    const data = await forecast({ NumberList: ['13800001234', '+8613800005678', '13800009999'], Model: JSON.stringify(model), StartTime: START, TaskCps: 1 });
    assert.equal(data.Recipients, 3);
    const outcomes = data.Outcomes as Record<string, number>;
    assert.deepEqual(Object.keys(outcomes).filter((k) => k !== 'ANSWERED' && k !== 'NO_ANSWER'), []);
  });

  test("10 000 numbers forecast within a few seconds, and the server's event loop stays responsive meanwhile", async () => {
    const began = performance.now();
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, performance.now() - last);
      last = performance.now();
    }, 20);
    const data = await forecast({ Numbers: 10_000, TaskCps: 100, StartTime: START });
    clearInterval(ticker);
    const seconds = (performance.now() - began) / 1000;
    assert.equal(data.Recipients, 10_000);
    assert.ok(seconds < 20, `took ${seconds.toFixed(1)} s`);
    assert.ok(longestGap < 500, `the event loop stalled for ${longestGap.toFixed(0)} ms`);
    console.log(`10k forecast: ${seconds.toFixed(2)} s (worker ${String(data.ElapsedMs)} ms); longest event-loop gap ${longestGap.toFixed(0)} ms`);
  });

  test('mistakes are refused naming the parameter', async () => {
    await refused({ Numbers: 100_001 }, 'Numbers');
    await refused({ Numbers: 0 }, 'Numbers');
    await refused({}, 'Numbers');
    await refused({ Numbers: 10, TaskCps: 0 }, 'TaskCps');
    await refused({ Numbers: 10, TaskCps: 501 }, 'TaskCps');
    await refused({ Numbers: 10, CallTime: ['{"startTime":"25:00:00","endTime":"26:00:00"}'] }, 'CallTime');
    await refused({ Numbers: 10, CallDay: ['FUNDAY'] }, 'CallDay');
    await refused({ Numbers: 10, CallRetryTimes: 4 }, 'CallRetryTimes');
    await refused({ Numbers: 10, Model: '{"outcomes":{"ANSWERED":0.5}}' }, 'Model');
    await refused({ Numbers: 10, Model: 'not json' }, 'Model');
    await refused({ NumberList: ['12'] }, 'NumberList');
  });
});
