/**
 * Receipts of a campaign on the simulated carrier (virtual clock): a dyvms CallTask of a subscribed account produces,
 * per call, its states in order and one call record with the outcome the magic numbers set; an account without
 * subscriptions in the same run produces none. Then two consumers pull the records concurrently: every message is
 * handed out once, in order per call.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newTaskRecord } from '../../src/core/campaigns/new-task.js';
import { parseTaskSettings } from '../../src/core/campaigns/task-settings.js';
import { IdGenerator } from '../../src/core/ids.js';
import { ReceiptSubscriptions } from '../../src/core/receipts/receipt-subscriptions.js';
import { Dialer } from '../../src/dialer/engine/dialer.js';
import { runOpeningLine } from '../../src/flows/opening-line.js';
import { VirtualClock } from '../../src/ports/clock.js';
import { SimTelephony } from '../../src/providers/telephony/sim/sim-telephony.js';
import { openStore } from '../../src/store/open-store.js';
import { taskInput } from '../contract/campaign-fixtures.js';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');
const LOUD = '900000000000000001';
const QUIET = '900000000000000002';

test('a subscribed CallTask reports each call in order; an account without subscriptions reports nothing', async () => {
  const clock = new VirtualClock(T0);
  const store = await openStore({ sqliteFile: ':memory:' });
  await store.migrate();
  const ids = new IdGenerator(clock, 1);
  const tasks: ReturnType<typeof newTaskRecord>[] = [];
  for (const accountId of [LOUD, QUIET]) {
    await store.insertAccount({ id: accountId, name: accountId, createdAt: T0 });
    const task = newTaskRecord(ids.next(), accountId, parseTaskSettings(taskInput(`notify ${accountId}`, { TaskCps: 10 })), T0, { product: 'call-task', flow: null });
    await store.insertTask(task);
    const numbers = [...Array.from({ length: 6 }, (_, i) => `1380${i}000000`), ...Array.from({ length: 4 }, (_, i) => `1381${i}000001`)];
    await store.importDetails({
      accountId, taskId: task.id, batchId: ids.next(), encryptionType: 0, at: T0,
      details: numbers.map((number, i) => ({ id: ids.next(), number, encryptionType: 0 as const, outId: `o-${i}`, variables: {} })),
    });
    tasks.push(task);
  }
  await store.putReceiptConfig({ accountId: LOUD, messageType: 'VoiceCallReport', url: 'http://127.0.0.1:9/states', updatedAt: T0 });
  await store.putReceiptConfig({ accountId: LOUD, messageType: 'VoiceReport', url: 'pull:', updatedAt: T0 });
  const subscriptions = new ReceiptSubscriptions(store);
  await subscriptions.refresh();
  const telephony = new SimTelephony({ clock, timeScale: 1, seed: 7, ledger: { record: () => undefined } });
  const errors: unknown[] = [];
  const dialer = new Dialer({
    store, clock, ids, telephony,
    resolveNumber: async (_a, number) => ({ ok: true, plain: number }),
    flowFor: () => (session) => runOpeningLine(session, { template: '您的快递已到。' }).then(() => undefined),
    calleeLimits: [], cappedDelayMs: 60_000, onError: (err) => errors.push(err),
    receiptTypes: (accountId) => subscriptions.typesFor(accountId),
  }, { owner: 'dialer-1' });
  const stop = new AbortController();
  const loop = dialer.run(stop.signal);
  const done = async () => (await Promise.all(tasks.map((t) => store.getTask(t.accountId, t.id)))).every((t) => t?.status === 'COMPLETED');
  let finished = false;
  const watcher = (async () => {
    while (!(finished = await done())) await clock.sleep(1000);
  })();
  await clock.runUntil(() => finished);
  stop.abort();
  await clock.runUntil(() => dialer.activeCalls === 0);
  await Promise.all([loop, watcher]);
  assert.deepEqual(errors, []);

  assert.equal((await store.pageReceipts(QUIET, {}, { pageNo: 1, pageSize: 10 })).total, 0);
  const all = (await store.pageReceipts(LOUD, {}, { pageNo: 1, pageSize: 500 })).items.reverse();
  const details = (await store.pageDetails(LOUD, tasks[0]!.id, {}, { pageNo: 1, pageSize: 100 })).items;
  assert.equal(details.length, 10);
  for (const detail of details) {
    const attempts = (await store.getDetailWithAttempts(LOUD, detail.id))!.attempts;
    assert.equal(attempts.length, 1);
    const callId = attempts[0]!.callId;
    const mine = all.filter((r) => r.callId === callId).sort((a, b) => a.seq - b.seq);
    const states = mine.filter((r) => r.messageType === 'VoiceCallReport').map((r) => r.body.status_code);
    const record = mine.filter((r) => r.messageType === 'VoiceReport');
    assert.equal(record.length, 1, `one VoiceReport for ${detail.number}`);
    assert.equal(record[0]!.mode, 'pull');
    assert.deepEqual([record[0]!.body.out_id, record[0]!.body.callee, record[0]!.body.voice_type, record[0]!.body.caller], [detail.outId, detail.number, 'voice', attempts[0]!.callerNumber]);
    if (detail.number.endsWith('0000')) {
      assert.deepEqual(states, ['200101', '200201', '200102', '200100'], detail.number);
      assert.deepEqual([record[0]!.body.status_code, record[0]!.body.smart_status_code, record[0]!.body.start_time], ['200000', 'ANSWERED', attempts[0]!.answerAt]);
    } else {
      assert.equal(states[0], '200101');
      assert.equal(states.at(-1), '200100');
      assert.ok(!states.includes('200102'), 'a busy callee never answered');
      assert.deepEqual([record[0]!.body.status_code, record[0]!.body.smart_status_code, record[0]!.body.duration], ['200002', 'USER_BUSY', '0']);
    }
  }

  // Two consumers pull the records at once: each is handed out once, and the log ends with all acknowledged.
  const seen: string[] = [];
  const consumer = async (name: string) => {
    for (let empty = 0; empty < 3;) {
      const got = await store.receiveReceipts({ accountId: LOUD, messageType: 'VoiceReport', now: clock.now(), max: 3, visibilityMs: 60_000 });
      if (got.length === 0) empty++;
      seen.push(...got.map((g) => `${name}:${g.record.id}`));
      await store.deleteReceipts(LOUD, got.map((g) => g.receiptHandle), clock.now());
    }
  };
  await Promise.all([consumer('a'), consumer('b')]);
  const pulled = seen.map((s) => s.slice(2));
  assert.equal(pulled.length, 10);
  assert.equal(new Set(pulled).size, 10, 'no record handed out twice');
  assert.equal((await store.pageReceipts(LOUD, { messageType: 'VoiceReport', status: 'delivered' }, { pageNo: 1, pageSize: 1 })).total, 10);
  await store.close();
});
