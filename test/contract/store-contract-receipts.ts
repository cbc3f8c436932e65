/**
 * The receipt half of the Store contract: outbox rows commit with the change they report (or not at all), push
 * claims lease only the head message of each call and type, settlements and retries, the pull queue's visibility
 * and handles, the delivery log, re-push, and the sealed signing secret.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { NewReceipt } from '../../src/core/receipts/receipt-records.js';
import type { Store } from '../../src/ports/store.js';
import { createTask, idSource, importBatch, claimRequest } from './campaign-fixtures.js';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const LEASE = 30_000;
const PAGE = { pageNo: 1, pageSize: 50 };

function message(accountId: string, callId: string, seq: number, type: NewReceipt['messageType'] = 'VoiceCallReport', mode: NewReceipt['mode'] = 'push', at = T0): NewReceipt {
  return { id: `${callId}#${seq}`, accountId, messageType: type, callId, seq, body: { call_id: callId, status_code: String(200100 + seq), status_time: at }, mode, createdAt: at };
}

/** The ids claimed among one test's calls (their call ids start with `prefix`; the tests share one database). */
async function claimIds(store: Store, owner: string, now: number, prefix: string): Promise<string[]> {
  return (await store.claimPushReceipts({ now, owner, leaseMs: LEASE, limit: 50 })).map((r) => r.id).filter((id) => id.startsWith(prefix));
}

/** Registers the receipt tests for one adapter. */
export function receiptContract(openFreshStore: FreshStoreFactory): void {
  describe('receipt outbox', () => {
    const store = useMigratedStore(openFreshStore);
    before(async () => {
      for (const id of ['rc-a', 'rc-b', 'rc-c', 'rc-d']) await store().insertAccount(account(id));
    });

    test('a push claim leases only the first pending message of each call and type, oldest due first', async () => {
      await store().insertReceipts([message('rc-a', 'c1', 1), message('rc-a', 'c1', 2), message('rc-a', 'c1', 3), message('rc-a', 'c2', 1, 'VoiceCallReport', 'push', T0 + 5)]);
      await store().insertReceipts([message('rc-a', 'c1', 4, 'VoiceReport')]);
      assert.deepEqual(await claimIds(store(), 'd1', T0 + 10, 'c'), ['c1#1', 'c1#4', 'c2#1']);
      assert.deepEqual(await claimIds(store(), 'd2', T0 + 11, 'c'), [], 'leased messages and their successors are not claimable');
      assert.equal(await store().settlePushReceipts('d1', ['c1#1'], { at: T0 + 12, outcome: 'delivered', httpStatus: 200, error: null }), 1);
      assert.deepEqual(await claimIds(store(), 'd2', T0 + 13, 'c'), ['c1#2']);
      const [delivered] = (await store().pageReceipts('rc-a', { callId: 'c1', status: 'delivered' }, PAGE)).items;
      assert.deepEqual([delivered?.id, delivered?.attempts, delivered?.lastHttpStatus, delivered?.deliveredAt, delivered?.body], ['c1#1', 1, 200, T0 + 12, { call_id: 'c1', status_code: '200101', status_time: T0 }]);
    });

    test('an expired lease is claimed again and the old owner can no longer settle it', async () => {
      assert.deepEqual((await claimIds(store(), 'd3', T0 + 10 + LEASE, 'c')).sort(), ['c1#4', 'c2#1']);
      assert.equal(await store().settlePushReceipts('d1', ['c1#4', 'c2#1'], { at: T0 + LEASE + 20, outcome: 'delivered', httpStatus: 200, error: null }), 0);
      assert.equal(await store().settlePushReceipts('d3', ['c1#4', 'c2#1'], { at: T0 + LEASE + 20, outcome: 'delivered', httpStatus: 200, error: null }), 2);
      const c21 = (await store().pageReceipts('rc-a', { callId: 'c2' }, PAGE)).items[0];
      assert.equal(c21?.attempts, 2, 'both claims count as attempts');
    });

    test('a retry holds the call back until it is due; a message failed for good lets the next one go', async () => {
      const now = T0 + 100_000;
      await store().insertReceipts([message('rc-b', 'r1', 1, 'VoiceCallReport', 'push', now), message('rc-b', 'r1', 2, 'VoiceCallReport', 'push', now)]);
      assert.deepEqual(await claimIds(store(), 'd1', now, 'r'), ['r1#1']);
      await store().settlePushReceipts('d1', ['r1#1'], { at: now + 1, outcome: 'retry', dueAt: now + 60_000, httpStatus: 500, error: 'HTTP 500' });
      assert.deepEqual(await claimIds(store(), 'd1', now + 59_000, 'r'), [], 'r1#2 waits behind r1#1');
      assert.deepEqual(await claimIds(store(), 'd1', now + 60_000, 'r'), ['r1#1']);
      await store().settlePushReceipts('d1', ['r1#1'], { at: now + 60_001, outcome: 'failed', httpStatus: null, error: 'no answer' });
      assert.deepEqual(await claimIds(store(), 'd1', now + 60_002, 'r'), ['r1#2']);
      const failed = await store().pageReceipts('rc-b', { status: 'failed' }, PAGE);
      assert.deepEqual(failed.items.map((r) => [r.id, r.attempts, r.roundAttempts, r.lastError]), [['r1#1', 2, 2, 'no answer']]);
      assert.deepEqual(await store().repushReceipts('rc-b', ['r1#1', 'r1#2', 'nope'], now + 70_000), ['r1#1'], 'pending and unknown ids are skipped');
      assert.deepEqual(await store().repushReceipts('rc-a', ['r1#1'], now + 70_000), [], "another account's message");
      const again = (await store().claimPushReceipts({ now: now + 70_000, owner: 'd1', leaseMs: LEASE, limit: 50 })).filter((r) => r.callId === 'r1');
      assert.deepEqual(again.map((r) => [r.id, r.status, r.roundAttempts, r.attempts]), [['r1#1', 'pending', 1, 3]], 'a re-push starts a fresh schedule');
    });

    test('pull: handles, visibility timeout, order per call, tenancy', async () => {
      const now = T0 + 200_000;
      await store().insertReceipts([message('rc-c', 'p1', 1, 'VoiceReport', 'pull', now), message('rc-c', 'p1', 2, 'VoiceReport', 'pull', now), message('rc-c', 'p2', 1, 'VoiceReport', 'pull', now)]);
      const receive = (at: number) => store().receiveReceipts({ accountId: 'rc-c', messageType: 'VoiceReport', now: at, max: 10, visibilityMs: 30_000 });
      assert.deepEqual(await store().receiveReceipts({ accountId: 'rc-d', messageType: 'VoiceReport', now, max: 10, visibilityMs: 30_000 }), []);
      assert.deepEqual(await claimIds(store(), 'd1', now + 1, 'p'), [], 'pull messages are never pushed');
      const first = await receive(now);
      assert.deepEqual(first.map((r) => r.record.id), ['p1#1', 'p2#1']);
      assert.notEqual(first[0]?.receiptHandle, first[1]?.receiptHandle);
      assert.deepEqual(await receive(now + 29_999), [], 'hidden while visible to the first consumer');
      assert.equal((await store().deleteReceipts('rc-d', [first[0]!.receiptHandle], now + 1)).size, 0, "another account's handle deletes nothing");
      assert.deepEqual([...(await store().deleteReceipts('rc-c', [first[0]!.receiptHandle, 'bogus'], now + 2))], [first[0]!.receiptHandle]);
      const second = await receive(now + 30_000);
      assert.deepEqual(second.map((r) => [r.record.id, r.record.attempts]), [['p1#2', 1], ['p2#1', 2]], 'p2#1 reappears after its timeout, p1#2 after p1#1 was deleted');
      assert.equal((await store().deleteReceipts('rc-c', [first[1]!.receiptHandle], now + 30_001)).size, 0, 'a stale handle no longer deletes');
      assert.equal((await store().deleteReceipts('rc-c', second.map((r) => r.receiptHandle), now + 30_002)).size, 2);
      assert.deepEqual(await receive(now + 100_000), []);
      const log = await store().pageReceipts('rc-c', {}, PAGE);
      assert.deepEqual(log.items.map((r) => [r.id, r.status]).sort(), [['p1#1', 'delivered'], ['p1#2', 'delivered'], ['p2#1', 'delivered']]);
    });

    test('a leased push message can be handed to the pull queue uncounted', async () => {
      const now = T0 + 300_000;
      await store().insertReceipts([message('rc-d', 'm1', 1, 'VoiceCallReport', 'push', now)]);
      assert.deepEqual(await claimIds(store(), 'd1', now, 'm'), ['m1#1']);
      assert.equal(await store().moveReceiptsToPull('d1', ['m1#1'], now + 1), 1);
      const got = await store().receiveReceipts({ accountId: 'rc-d', messageType: 'VoiceCallReport', now: now + 1, max: 10, visibilityMs: 1000 });
      assert.deepEqual(got.map((r) => [r.record.id, r.record.mode, r.record.attempts]), [['m1#1', 'pull', 1]]);
    });

    test('inserting receipts is all or nothing; the log filters and pages newest first', async () => {
      const now = T0 + 400_000;
      await assert.rejects(store().insertReceipts([message('rc-d', 'x1', 1, 'VoiceReport', 'push', now), message('rc-d', 'm1', 1)]));
      assert.equal((await store().pageReceipts('rc-d', { callId: 'x1' }, PAGE)).total, 0);
      await store().insertReceipts([message('rc-d', 'x1', 1, 'VoiceReport', 'push', now), message('rc-d', 'x2', 1, 'VoiceReport', 'push', now + 1)]);
      const page = await store().pageReceipts('rc-d', { messageType: 'VoiceReport' }, { pageNo: 1, pageSize: 1 });
      assert.deepEqual([page.total, page.items.map((r) => r.id)], [2, ['x2#1']]);
      assert.equal((await store().pageReceipts('rc-d', { status: 'delivered' }, PAGE)).total, 0);
    });

    test('the signing secret is kept once unless replaced', async () => {
      assert.equal(await store().getReceiptSecret('rc-a'), undefined);
      assert.equal(await store().putReceiptSecret('rc-a', 'sealed-1', T0, false), 'sealed-1');
      assert.equal(await store().putReceiptSecret('rc-a', 'sealed-2', T0, false), 'sealed-1', 'a second process making one keeps the first');
      assert.equal(await store().putReceiptSecret('rc-a', 'sealed-3', T0, true), 'sealed-3');
      assert.equal(await store().getReceiptSecret('rc-a'), 'sealed-3');
      assert.equal(await store().getReceiptSecret('rc-b'), undefined);
    });

    test('retention purges delivered receipts older than its limit, never pending or failed ones', async () => {
      const DAY = 86_400_000;
      await store().insertAccount(account('rc-ret'));
      const old = T0 - 10 * DAY;
      // Delivered, failed and pending ten days ago; delivered one day ago (the tests share one database, hence so old,
      // and last: the retried one stays pending).
      await store().insertReceipts([
        message('rc-ret', 'ret-delivered', 1, 'VoiceReport', 'push', old), message('rc-ret', 'ret-failed', 1, 'VoiceReport', 'push', old),
        message('rc-ret', 'ret-pending', 1, 'VoiceReport', 'push', old), message('rc-ret', 'ret-recent', 1, 'VoiceReport', 'push', old),
      ]);
      const claimed = (await store().claimPushReceipts({ now: old, owner: 'ret', leaseMs: LEASE, limit: 500 })).map((r) => r.id).filter((id) => id.startsWith('ret-'));
      assert.equal(claimed.length, 4);
      await store().settlePushReceipts('ret', ['ret-delivered#1'], { at: old + 1, outcome: 'delivered', httpStatus: 200, error: null });
      await store().settlePushReceipts('ret', ['ret-failed#1'], { at: old + 1, outcome: 'failed', httpStatus: 500, error: 'HTTP 500' });
      await store().settlePushReceipts('ret', ['ret-pending#1'], { at: old + 1, outcome: 'retry', dueAt: old + 60_000, httpStatus: 500, error: 'HTTP 500' });
      await store().settlePushReceipts('ret', ['ret-recent#1'], { at: T0 - DAY, outcome: 'delivered', httpStatus: 200, error: null });
      assert.equal(await store().purgeDeliveredReceipts(T0 - 5 * DAY, 100), 1);
      const left = (await store().pageReceipts('rc-ret', {}, PAGE)).items.map((r) => r.id).filter((id) => id.startsWith('ret-')).sort();
      assert.deepEqual(left, ['ret-failed#1', 'ret-pending#1', 'ret-recent#1']);
      assert.equal(await store().purgeDeliveredReceipts(T0 - 5 * DAY, 100), 0, 'a second purge finds nothing');
    });
  });

  describe('receipts commit with the change they report', () => {
    const store = useMigratedStore(openFreshStore);
    before(async () => {
      await store().insertAccount(account('acc-campaign-a'));
      await store().insertAccount(account('rs-quiet'));
      await store().putReceiptConfig({ accountId: 'acc-campaign-a', messageType: 'VoiceReport', url: 'pull:', updatedAt: T0 });
      await store().putReceiptConfig({ accountId: 'acc-campaign-a', messageType: 'VoiceCallReport', url: 'http://127.0.0.1:9/r', updatedAt: T0 });
    });

    test('a single call end writes its receipts only for a subscribed account, and fails whole when they cannot be written', async () => {
      const base = { kind: 'SingleCallByTts', caller: '057100000001', callee: '13800000001', params: {}, createdAt: T0 };
      await store().insertSingleCall({ ...base, callId: 's^1', accountId: 'acc-campaign-a', outId: 'o-1' });
      await store().insertSingleCall({ ...base, callId: 's^2', accountId: 'rs-quiet' });
      const ending = { callResult: 'ANSWERED' as const, statusCode: '200000', endedAt: T0 + 9000, durationSeconds: 6, ringAt: T0 + 1000, answerAt: T0 + 3000, hangupDirection: 'user' as const };
      await store().endSingleCall('rs-quiet', 's^2', ending);
      assert.equal((await store().pageReceipts('rs-quiet', {}, PAGE)).total, 0);
      assert.equal((await store().getSingleCall('rs-quiet', 's^2'))?.callResult, 'ANSWERED');
      // A receipt already holding the id the end would write: the end's transaction fails and writes nothing.
      await store().insertReceipts([message('acc-campaign-a', 's^1', 4)]);
      await assert.rejects(store().endSingleCall('acc-campaign-a', 's^1', ending));
      assert.equal((await store().getSingleCall('acc-campaign-a', 's^1'))?.callResult, undefined, 'the end is not written without its receipts');
      assert.equal((await store().pageReceipts('acc-campaign-a', { callId: 's^1' }, PAGE)).total, 1);
    });

    test('a single call end writes the whole life of the call in order', async () => {
      const base = { kind: 'SingleCallByTts', caller: '057100000001', callee: '13800000003', params: {}, createdAt: T0 };
      await store().insertSingleCall({ ...base, callId: 's^3', accountId: 'acc-campaign-a', outId: 'o-3' });
      await store().endSingleCall('acc-campaign-a', 's^3', { callResult: 'ANSWERED', statusCode: '200000', endedAt: T0 + 9000, durationSeconds: 6, ringAt: T0 + 1000, answerAt: T0 + 3000, hangupDirection: 'user' });
      const log = await store().pageReceipts('acc-campaign-a', { callId: 's^3' }, PAGE);
      assert.deepEqual(log.items.reverse().map((r) => [r.id, r.messageType, r.mode, r.body.status_code]), [
        ['s^3#1', 'VoiceCallReport', 'push', '200101'], ['s^3#2', 'VoiceCallReport', 'push', '200201'], ['s^3#3', 'VoiceCallReport', 'push', '200102'],
        ['s^3#4', 'VoiceCallReport', 'push', '200100'], ['s^3#5', 'VoiceReport', 'pull', '200000'],
      ]);
      assert.deepEqual(log.items.at(-1)?.body, {
        call_id: 's^3', start_time: T0 + 3000, end_time: T0 + 9000, status_code: '200000', smart_status_code: 'ANSWERED', status_msg: '用户接通', out_id: 'o-3',
        caller: '057100000001', callee: '13800000003', hangup_direction: '用户', toll_type: 'UNKNOWN', originate_time: T0, ring_time: T0 + 1000,
        duration: '6', early_media_code: '', voice_type: 'voice', extend: '',
      });
    });

    test('an attempt outcome and its receipts commit together, or neither does', async () => {
      const ids = idSource(7);
      const task = await createTask(store(), ids, 'acc-campaign-a', 'receipts', {});
      await store().changeTaskStatus('acc-campaign-a', task.id, 'start', T0).catch(() => undefined);
      await importBatch(store(), ids, task, 2);
      const claims = await store().claimDueDetails(claimRequest(task.id, ids, { now: T0 + 1000 }));
      assert.equal(claims.length, 2);
      // An aiccs task's calls report the aiccs types; the account's dyvms settings do not apply to them.
      const subscribed = { VoiceCallReportAiccs: 'push', LlmSmartCallReport: 'pull', VoiceReport: 'pull' } as const;
      const marks = await store().markOriginatedMany(claims.map((c, i) => ({ attemptId: c.attempt.id, at: T0 + 1100, callerNumber: '0571', calleeKey: `k${i}`, receipts: subscribed })));
      assert.deepEqual(marks, ['originated', 'originated']);
      const [first, second] = claims.map((c) => c.attempt.callId);
      const started = await store().pageReceipts('acc-campaign-a', { callId: first! }, PAGE);
      assert.deepEqual(started.items.map((r) => [r.id, r.body.status_code, r.body.out_id]), [[`${first}#1`, '200101', 'out-0']]);
      const outcome = { callResult: 'USER_BUSY' as const, statusCode: '200002', endedAt: T0 + 5000, durationSeconds: 0 };
      // The second call's VoiceReport id is taken: the whole group (both outcomes) must roll back.
      await store().insertReceipts([message('acc-campaign-a', second!, 3, 'LlmSmartCallReport')]);
      const completions = claims.map((c) => ({ attemptId: c.attempt.id, outcome, next: { state: 4 as const }, receipts: subscribed }));
      await assert.rejects(store().completeAttempts(completions));
      assert.equal((await store().getDetail('acc-campaign-a', claims[0]!.detail.id))?.state, 3, 'no outcome without its receipts');
      assert.equal((await store().pageReceipts('acc-campaign-a', { callId: first! }, PAGE)).total, 1);
      assert.deepEqual(await store().completeAttempts([completions[0]!]), [true]);
      const ended = await store().pageReceipts('acc-campaign-a', { callId: first! }, PAGE);
      assert.deepEqual(ended.items.reverse().map((r) => [r.id, r.messageType, r.mode, r.body.status_code]), [
        [`${first}#1`, 'VoiceCallReportAiccs', 'push', '200101'], [`${first}#2`, 'VoiceCallReportAiccs', 'push', '200100'], [`${first}#3`, 'LlmSmartCallReport', 'pull', '200002'],
      ]);
      assert.deepEqual([ended.items[2]?.body.task_id, ended.items[2]?.body.task_detail_id, ended.items[2]?.body.duration], [task.id, claims[0]!.detail.id, 0]);
    });
  });
}
