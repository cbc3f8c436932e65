/**
 * The campaign engine end to end on the virtual clock: a task with a few hundred recipients runs to completion
 * through the real store (SQLite), the real dialer and the simulated carrier; outcomes follow the magic numbers,
 * retries follow the policy, pacing holds TaskCps, and the carrier's ledger shows no attempt dialed twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newTaskRecord } from '../../src/core/campaigns/new-task.js';
import { parseTaskSettings } from '../../src/core/campaigns/task-settings.js';
import { taskInput } from '../contract/campaign-fixtures.js';
import { IdGenerator } from '../../src/core/ids.js';
import { Dialer, type DialerOptions } from '../../src/dialer/engine/dialer.js';
import { runOpeningLine } from '../../src/flows/opening-line.js';
import { VirtualClock } from '../../src/ports/clock.js';
import { SimTelephony } from '../../src/providers/telephony/sim/sim-telephony.js';
import type { LedgerEntry } from '../../src/providers/telephony/sim/sim-ledger.js';
import { openStore } from '../../src/store/open-store.js';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');
const ACCOUNT = '900000000000000001';

async function setup(
  recipients: string[],
  settings: Record<string, unknown>,
  calleeLimits: { windowMs: number; max: number }[] = [],
  caps: Pick<DialerOptions, 'accountConcurrency' | 'lineConcurrency'> = {},
) {
  const clock = new VirtualClock(T0);
  const store = await openStore({ sqliteFile: ':memory:' });
  await store.migrate();
  await store.insertAccount({ id: ACCOUNT, name: 'a', createdAt: T0 });
  const ids = new IdGenerator(clock, 1);
  const task = newTaskRecord(ids.next(), ACCOUNT, parseTaskSettings(taskInput('reminders', { TaskCps: 5, ...settings })), T0);
  await store.insertTask(task);
  await store.importDetails({
    accountId: ACCOUNT, taskId: task.id, batchId: ids.next(), encryptionType: 0, at: T0,
    details: recipients.map((number, i) => ({ id: ids.next(), number, encryptionType: 0 as const, outId: `o-${i}`, variables: { name: `客户${i}` } })),
  });
  const ledger: LedgerEntry[] = [];
  let busiest = 0;
  const telephony: SimTelephony = new SimTelephony({
    clock, timeScale: 1, seed: 42,
    // Recorded as the dial arrives, before the carrier counts it: the calls already in progress plus this one.
    ledger: { record: (e) => { ledger.push(e); busiest = Math.max(busiest, telephony.activeCalls + 1); } },
  });
  const errors: unknown[] = [];
  const dialer = new Dialer({
    store, clock, ids, telephony,
    resolveNumber: async (_a, number) => ({ ok: true, plain: number }),
    flowFor: () => (session) => runOpeningLine(session, { template: '您好${name}，您的快递已到。' }).then(() => undefined),
    calleeLimits, cappedDelayMs: 60_000,
    onError: (err) => errors.push(err),
  }, { owner: 'dialer-1', ...caps });
  return { clock, store, task, ledger, dialer, errors, busiest: () => busiest };
}

async function runToCompletion(s: Awaited<ReturnType<typeof setup>>): Promise<void> {
  const stop = new AbortController();
  await untilCompleted(s, s.dialer.run(stop.signal), stop);
}

/** Advances virtual time until the task is COMPLETED, then stops the running dialer loop and lets its calls end. */
async function untilCompleted(s: Awaited<ReturnType<typeof setup>>, loop: Promise<void>, stop: AbortController): Promise<void> {
  let done = false;
  const watcher = (async () => {
    while (!done) {
      done = (await s.store.getTask(ACCOUNT, s.task.id))?.status === 'COMPLETED';
      if (!done) await s.clock.sleep(1000);
    }
  })();
  await s.clock.runUntil(() => done);
  stop.abort();
  await s.clock.runUntil(() => s.dialer.activeCalls === 0);
  await Promise.all([loop, watcher]);
}

test('a campaign runs to completion: magic-number outcomes, retries by cause, TaskCps pacing, no double dials', async () => {
  const numbers: string[] = [];
  for (let i = 0; i < 40; i++) numbers.push(`1380${String(i).padStart(3, '0')}0000`); // answered
  for (let i = 0; i < 20; i++) numbers.push(`1381${String(i).padStart(3, '0')}0001`); // busy, busy again
  for (let i = 0; i < 20; i++) numbers.push(`1382${String(i).padStart(3, '0')}0016`); // busy, then answered
  for (let i = 0; i < 20; i++) numbers.push(`1383${String(i).padStart(3, '0')}0004`); // invalid: not a retry reason
  const s = await setup(numbers, { MissCallRetry: true, CallRetryReason: ['USER_BUSY'], CallRetryTimes: 1, CallRetryInterval: 5 });
  await runToCompletion(s);
  assert.deepEqual(s.errors, []);

  const page = await s.store.pageDetails(ACCOUNT, s.task.id, {}, { pageNo: 1, pageSize: 1000 });
  assert.equal(page.total, 100);
  const bySuffix = (suffix: string) => page.items.filter((d) => d.number.endsWith(suffix));
  for (const d of bySuffix('0000')) assert.deepEqual([d.state, d.callResult, d.attemptCount], [4, 'ANSWERED', 1]);
  for (const d of bySuffix('0001')) assert.deepEqual([d.state, d.callResult, d.attemptCount], [4, 'USER_BUSY', 2]);
  for (const d of bySuffix('0016')) assert.deepEqual([d.state, d.callResult, d.attemptCount], [4, 'ANSWERED', 2]);
  for (const d of bySuffix('0004')) assert.deepEqual([d.state, d.callResult, d.attemptCount], [4, 'INVALID_NUMBER', 1]);

  const attemptIds = s.ledger.map((e) => e.attemptId);
  assert.equal(attemptIds.length, 140, '100 first attempts + 40 retries');
  assert.equal(new Set(attemptIds).size, attemptIds.length, 'no attempt dialed twice');

  // Retries wait the configured 5 minutes after the busy attempt ended.
  const firstBusy = s.ledger.filter((e) => e.callee.endsWith('0001'));
  const byCallee = new Map<string, number[]>();
  for (const e of firstBusy) byCallee.set(e.callee, [...(byCallee.get(e.callee) ?? []), e.at]);
  for (const times of byCallee.values()) assert.ok(times[1]! - times[0]! >= 5 * 60_000, `retry after ${times[1]! - times[0]!} ms`);

  // TaskCps 5: the first 100 dials take about 20 s, never more than 5 in any one second.
  const firstWave = s.ledger.slice(0, 100).map((e) => e.at);
  for (let i = 5; i < firstWave.length; i++) assert.ok(firstWave[i]! - firstWave[i - 5]! >= 1000 - 1, `more than 5 dials within 1 s at #${i}`);
  const span = (firstWave.at(-1)! - firstWave[0]!) / 1000;
  assert.ok(span >= 19 && span <= 20.5, `100 dials at 5 cps took ${span} s`);
  await s.store.close();
});

test('stop: calls in flight finish and nothing new starts; start again: the campaign completes', async () => {
  const numbers = Array.from({ length: 40 }, (_, i) => `1386${String(i).padStart(3, '0')}0000`);
  const s = await setup(numbers, {});
  const stop = new AbortController();
  const loop = s.dialer.run(stop.signal);
  await s.clock.runUntil(T0 + 3_000);
  await s.store.changeTaskStatus(ACCOUNT, s.task.id, 'stop', s.clock.now());
  const dialedAtStop = s.ledger.length;
  assert.ok(dialedAtStop >= 10 && dialedAtStop <= 20, `${dialedAtStop} dials in the first 3 s at 5 cps`);
  // Long enough for every call in flight to end (answered calls talk for well under 10 minutes in the sim model).
  await s.clock.runUntil(T0 + 15 * 60_000);
  assert.equal(s.ledger.length, dialedAtStop, 'no dial after the stop');
  const afterStop = await s.store.pageDetails(ACCOUNT, s.task.id, {}, { pageNo: 1, pageSize: 100 });
  assert.equal(afterStop.items.filter((d) => d.state === 3).length, 0, 'calls in flight at the stop have finished');
  assert.equal(afterStop.items.filter((d) => d.state === 4).length, dialedAtStop);

  await s.store.changeTaskStatus(ACCOUNT, s.task.id, 'start', s.clock.now());
  await untilCompleted(s, loop, stop);
  assert.equal(s.ledger.length, 40, 'each recipient dialed once in all');
  assert.deepEqual(s.errors, []);
  await s.store.close();
});

test('a SCHEDULE task starts by itself at TaskStartTime, not before', async () => {
  const startAt = T0 + 60 * 60_000;
  const s = await setup(Array.from({ length: 5 }, (_, i) => `1387${String(i).padStart(3, '0')}0000`), { StartType: 'SCHEDULE', TaskStartTime: startAt });
  assert.equal(s.task.status, 'INIT');
  await runToCompletion(s);
  assert.equal(s.ledger.length, 5);
  const first = Math.min(...s.ledger.map((e) => e.at));
  assert.ok(first >= startAt && first < startAt + 5_000, `first dial at +${(first - T0) / 1000} s`);
});

test('a per-callee frequency cap holds across recipients: the same number is not called twice within the window', async () => {
  // The same callee imported three times; at most one call a minute to it.
  const s = await setup(['13880000000', '13880000000', '13880000000', '13881110000'], {}, [{ windowMs: 60_000, max: 1 }]);
  await runToCompletion(s);
  const times = s.ledger.filter((e) => e.callee === '13880000000').map((e) => e.at).sort((a, b) => a - b);
  assert.equal(times.length, 3);
  for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 60_000, `calls ${(times[i]! - times[i - 1]!) / 1000} s apart`);
  assert.equal(s.ledger.filter((e) => e.callee === '13881110000').length, 1);
});

test('an account concurrency cap holds: never more of the account\'s calls at the carrier than the cap', async () => {
  const numbers = Array.from({ length: 30 }, (_, i) => `1385${String(i).padStart(3, '0')}0000`); // all answered
  const s = await setup(numbers, { TaskCps: 50 }, [], { accountConcurrency: 3 });
  await runToCompletion(s);
  assert.deepEqual(s.errors, []);
  assert.equal(s.ledger.length, 30);
  assert.equal(s.busiest(), 3, 'the cap was reached and never passed');
});
