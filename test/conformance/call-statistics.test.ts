// waihu GetCallStatistics through the official openapi-core (V3) client against a real server whose simulated carrier
// runs 100x faster: single calls placed with dyvms SingleCallByTts show up as in progress while they ring, then as
// ended calls in the right minute bucket with their outcomes, calls per second and answer rate; another account sees
// none of them, and windows outside the documented ranges are refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { otherTenant, type Tenant } from './aiccs-kit.js';
import { dyvms } from './dyvms-kit.js';
import { created, refused, waihu } from './waihu-kit.js';

const CLIENT = 'openapi-core V3';
const SHOW = '057100001111';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Bucket {
  Start: number;
  Calls: number;
  Answered: number;
  Outcomes: Record<string, number>;
}

interface Statistics {
  Time: number;
  InProgress: number;
  Calling: number;
  Talking: number;
  CallsPerSecond: number;
  Calls: number;
  Answered: number;
  AnswerRate: number;
  BucketSeconds: number;
  Buckets: Bucket[];
}

const statistics = async (t: Tenant, params: Record<string, unknown> = {}) => (await waihu(CLIENT, t, 'GetCallStatistics', params)) as unknown as Statistics;

/** The outcome counts of all buckets added up. */
function outcomesOf(buckets: Bucket[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const b of buckets) for (const [k, n] of Object.entries(b.Outcomes)) total[k] = (total[k] ?? 0) + n;
  return total;
}

describe('waihu GetCallStatistics', () => {
  let server: TestServer;
  let caller: Tenant;
  let bystander: Tenant;
  let seenInProgress = 0;
  let final: Statistics;

  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.01 } });
    caller = await otherTenant(server, 'statistics caller');
    bystander = await otherTenant(server, 'statistics bystander');
    await waihu(CLIENT, caller, 'AddCallerNumber', { PhoneNumber: SHOW });
    const template = await created(CLIENT, caller, 'CreateTtsTemplate', { Name: '通知', Content: '您的包裹已到。', Type: 'NOTIFY' });
    // Outcomes forced by the last four digits (docs/simulator.md): two answered, one busy, one unanswered (rings longest).
    for (const number of ['13800000015', '13900000015', '13800000001', '13800000002']) {
      await dyvms(CLIENT, caller, 'SingleCallByTts', { CalledNumber: number, CalledShowNumber: SHOW, TtsCode: template, PlayTimes: 1 });
    }
    for (let i = 0; i < 400; i++) {
      final = await statistics(caller, { Minutes: 5 });
      seenInProgress = Math.max(seenInProgress, final.InProgress);
      if (final.Calls === 4 && final.InProgress === 0) return;
      await sleep(50);
    }
    assert.fail(`the four calls did not all end: ${JSON.stringify(final)}`);
  });
  after(() => server?.stop());

  test('calls show as in progress while they ring or talk, and as none once they have ended', () => {
    assert.ok(seenInProgress >= 1, 'a call was seen in progress');
    assert.equal(final.InProgress, 0);
    assert.equal(final.Calling + final.Talking, 0);
  });

  test('every ended call is counted once with its outcome; answer rate and calls per second follow', () => {
    assert.deepEqual([final.Calls, final.Answered, final.AnswerRate], [4, 2, 0.5]);
    assert.deepEqual(outcomesOf(final.Buckets), { ANSWERED: 2, USER_BUSY: 1, NO_ANSWER: 1 });
    assert.equal(final.Buckets.reduce((sum, b) => sum + b.Calls, 0), 4);
    assert.equal(final.Buckets.reduce((sum, b) => sum + b.Answered, 0), 2);
    assert.equal(final.CallsPerSecond, Math.round((4 / 60) * 1000) / 1000);
  });

  test('the window is 5 one-minute buckets on minute boundaries, oldest first, the last one holding now', () => {
    assert.equal(final.BucketSeconds, 60);
    assert.equal(final.Buckets.length, 5);
    for (const [i, b] of final.Buckets.entries()) {
      assert.equal(b.Start % 60_000, 0);
      if (i > 0) assert.equal(b.Start - final.Buckets[i - 1]!.Start, 60_000);
    }
    const last = final.Buckets.at(-1)!;
    assert.ok(last.Start <= final.Time && final.Time < last.Start + 60_000);
  });

  test('the defaults are the last 60 minutes in one-minute buckets; 10-second buckets split them finer', async () => {
    const byDefault = await statistics(caller);
    assert.deepEqual([byDefault.Buckets.length, byDefault.BucketSeconds, byDefault.Calls], [60, 60, 4]);
    const fine = await statistics(caller, { Minutes: 2, BucketSeconds: 10 });
    assert.deepEqual([fine.Buckets.length, fine.BucketSeconds, fine.Calls], [12, 10, 4]);
    assert.deepEqual(outcomesOf(fine.Buckets), { ANSWERED: 2, USER_BUSY: 1, NO_ANSWER: 1 });
  });

  test("another account sees none of the caller's calls", async () => {
    const other = await statistics(bystander, { Minutes: 5 });
    assert.deepEqual([other.InProgress, other.Calls, other.Answered, other.AnswerRate, other.CallsPerSecond], [0, 0, 0, 0, 0]);
    assert.ok(other.Buckets.every((b) => b.Calls === 0 && Object.keys(b.Outcomes).length === 0));
  });

  test('windows outside the documented ranges are refused', async () => {
    await refused(CLIENT, caller, 'GetCallStatistics', { Minutes: 0 }, 'InvalidParameter', 400, /Minutes/);
    await refused(CLIENT, caller, 'GetCallStatistics', { Minutes: 1441 }, 'InvalidParameter', 400, /Minutes/);
    await refused(CLIENT, caller, 'GetCallStatistics', { BucketSeconds: 5 }, 'InvalidParameter', 400, /BucketSeconds/);
    await refused(CLIENT, caller, 'GetCallStatistics', { Minutes: 1440, BucketSeconds: 10 }, 'InvalidParameter', 400, /BucketSeconds/);
  });
});
