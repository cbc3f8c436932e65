/** The dialer queue primitives: claim, originate, complete, give back, lease extension and crash recovery. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FAILURE_REASONS } from '../../src/core/campaigns/detail-state.js';
import type { LeaseRecovery } from '../../src/ports/campaign-store.js';
import type { Store } from '../../src/ports/store.js';
import { ACC_A, T0, claimAll, claimRequest, createTask, createTenants, idSource, importBatch } from './campaign-fixtures.js';
import { useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

/** Registers the queue tests for one adapter. */
export function queueContract(openFreshStore: FreshStoreFactory): void {
  describe('dialer queue', () => {
    const store = useMigratedStore(openFreshStore);
    before(() => createTenants(store()));
    claimTests(store);
    settleTests(store);
    giveBackTests(store);
    cancelledTaskTests(store);
    recoveryTests(store);
  });
}

const NOW = T0 + 1000;
const originate = (store: Store, attemptId: string, at = NOW + 10) =>
  store.markOriginated({ attemptId, at, callerNumber: '05710001', calleeKey: `key-${attemptId}` });

/** Recovers expired leases and keeps what concerns one task (other tests' claims expire in the same store). */
async function recoverTask(store: Store, taskId: string, now: number): Promise<LeaseRecovery> {
  const all = await store.recoverExpiredLeases(now);
  return { requeued: all.requeued.filter((r) => r.taskId === taskId), interrupted: all.interrupted.filter((c) => c.detail.taskId === taskId) };
}

function claimTests(store: () => Store): void {
  const ids = idSource(31);

  test('a claim moves due details to calling under a lease, with a new attempt each', async () => {
    const task = await createTask(store(), ids, ACC_A, 'claim');
    const { details } = await importBatch(store(), ids, task, 5);
    const claims = await store().claimDueDetails(claimRequest(task.id, ids, { limit: 3 }));
    assert.deepEqual(claims.map((c) => c.detail.id), details.slice(0, 3).map((d) => d.id));
    for (const { detail, attempt } of claims) {
      assert.deepEqual([detail.state, detail.leaseOwner, detail.leaseExpiresAt, detail.attemptCount], [3, 'dialer-1', NOW + 60_000, 1]);
      assert.deepEqual(await store().getDetail(ACC_A, detail.id), detail);
      assert.match(attempt.callId, /^\d+\^\d{18,19}$/);
      assert.deepEqual([attempt.attemptNumber, attempt.fromState, attempt.claimedAt, attempt.originatedAt], [1, 1, NOW, null]);
      assert.deepEqual((await store().getDetailWithAttempts(ACC_A, detail.id))?.attempts, [attempt]);
    }
    const rest = await claimAll(store(), claimRequest(task.id, ids, { limit: 10 }));
    assert.deepEqual(rest, details.slice(3).map((d) => d.id));
  });

  test('nothing is claimed from a task that is not running, nor before it is due', async () => {
    const task = await createTask(store(), ids, ACC_A, 'not claimable');
    await importBatch(store(), ids, task, 2, { at: NOW });
    assert.deepEqual(await store().claimDueDetails(claimRequest(task.id, ids, { now: NOW - 1 })), []);
    await store().changeTaskStatus(ACC_A, task.id, 'stop', NOW);
    assert.deepEqual(await store().claimDueDetails(claimRequest(task.id, ids, { now: NOW + 1 })), []);
    await store().changeTaskStatus(ACC_A, task.id, 'start', NOW);
    assert.equal((await store().claimDueDetails(claimRequest(task.id, ids, { now: NOW }))).length, 2);
    assert.deepEqual(await store().claimDueDetails(claimRequest('no-such-task', ids)), []);
  });

  test('concurrent claims through one store never hand out a detail twice', async () => {
    const task = await createTask(store(), ids, ACC_A, 'concurrent one store');
    const { details } = await importBatch(store(), ids, task, 60);
    const rounds = await Promise.all(Array.from({ length: 12 }, () => store().claimDueDetails(claimRequest(task.id, ids, { limit: 7 }))));
    const claimed = rounds.flat().map((c) => c.detail.id);
    assert.equal(new Set(claimed).size, claimed.length);
    assert.deepEqual(claimed.sort(), details.map((d) => d.id).sort());
  });
}

function settleTests(store: () => Store): void {
  const ids = idSource(32);

  test('claim, originate, complete: the outcome lands on the attempt and the detail, once', async () => {
    const task = await createTask(store(), ids, ACC_A, 'complete');
    await importBatch(store(), ids, task, 1);
    const [claim] = await store().claimDueDetails(claimRequest(task.id, ids));
    const attemptId = claim!.attempt.id;
    assert.equal(await originate(store(), attemptId), 'originated');
    assert.equal(await originate(store(), attemptId), 'lost', 'a second mark');
    const outcome = { callResult: 'ANSWERED' as const, ringAt: NOW + 20, answerAt: NOW + 30, releaseAt: NOW + 90_030, durationSeconds: 90,
      hangupDirection: 'robot' as const, conversationTurnCount: 4, majorIntent: 'B', endedAt: NOW + 90_030 };
    assert.equal(await store().completeAttempt({ attemptId, outcome, next: { state: 4 } }), true);
    assert.equal(await store().completeAttempt({ attemptId, outcome, next: { state: 4 } }), false, 'a second outcome');
    const got = await store().getDetailWithAttempts(ACC_A, claim!.detail.id);
    const d = got!.detail;
    assert.deepEqual([d.state, d.callResult, d.durationSeconds, d.majorIntent, d.conversationTurnCount, d.callingTime, d.endedAt, d.leaseOwner],
      [4, 'ANSWERED', 90, 'B', 4, NOW + 10, NOW + 90_030, null]);
    const a = got!.attempts[0]!;
    assert.deepEqual([a.originatedAt, a.callerNumber, a.statusCode, a.answerAt, a.releaseAt, a.hangupDirection, a.endedAt],
      [NOW + 10, '05710001', '200000', NOW + 30, NOW + 90_030, 'robot', NOW + 90_030]);
    await assert.rejects(store().completeAttempt({ attemptId, outcome, next: { state: 1 } as never }));
  });

  test('a retry waits until its due time and comes back as attempt 2 from state 2', async () => {
    const task = await createTask(store(), ids, ACC_A, 'retry');
    await importBatch(store(), ids, task, 1);
    const [first] = await store().claimDueDetails(claimRequest(task.id, ids));
    await originate(store(), first!.attempt.id);
    const busy = { callResult: 'USER_BUSY' as const, durationSeconds: 0, endedAt: NOW + 100 };
    assert.equal(await store().completeAttempt({ attemptId: first!.attempt.id, outcome: busy, next: { state: 2, dueAt: NOW + 300_000 } }), true);
    const waiting = await store().getDetail(ACC_A, first!.detail.id);
    assert.deepEqual([waiting?.state, waiting?.dueAt, waiting?.callResult, waiting?.endedAt], [2, NOW + 300_000, 'USER_BUSY', null]);
    assert.deepEqual(await store().claimDueDetails(claimRequest(task.id, ids, { now: NOW + 299_999 })), []);
    const [second] = await store().claimDueDetails(claimRequest(task.id, ids, { now: NOW + 300_000 }));
    assert.deepEqual([second?.attempt.attemptNumber, second?.attempt.fromState, second?.detail.attemptCount], [2, 2, 2]);
    assert.equal(await store().completeAttempt({ attemptId: first!.attempt.id, outcome: busy, next: { state: 4 } }), false, 'stale attempt');
  });

}

function giveBackTests(store: () => Store): void {
  const ids = idSource(34);

  test('a claim never dialed can be given back; a dialed one cannot', async () => {
    const task = await createTask(store(), ids, ACC_A, 'give back');
    await importBatch(store(), ids, task, 2);
    const [kept, dialed] = await store().claimDueDetails(claimRequest(task.id, ids));
    assert.equal(await store().releaseClaim(kept!.attempt.id, NOW + 5, NOW + 60_000), true);
    const back = await store().getDetailWithAttempts(ACC_A, kept!.detail.id);
    assert.deepEqual([back?.detail.state, back?.detail.attemptCount, back?.detail.dueAt, back?.detail.leaseOwner, back?.attempts], [1, 0, NOW + 60_000, null, []]);
    assert.equal(await store().releaseClaim(kept!.attempt.id, NOW + 6, NOW), false, 'already given back');
    assert.equal(await originate(store(), dialed!.attempt.id), 'originated');
    assert.equal(await store().releaseClaim(dialed!.attempt.id, NOW + 7, NOW), false);
    const [again] = await store().claimDueDetails(claimRequest(task.id, ids, { now: NOW + 60_000 }));
    assert.deepEqual([again?.detail.id, again?.attempt.attemptNumber], [kept!.detail.id, 1]);
  });

  test('an origination is refused once the lease has expired, or when a callee limit is reached', async () => {
    const task = await createTask(store(), ids, ACC_A, 'originate rules');
    await importBatch(store(), ids, task, 2);
    const [late, capped] = await store().claimDueDetails(claimRequest(task.id, ids, { leaseMs: 1000 }));
    assert.equal(await originate(store(), late!.attempt.id, NOW + 1000), 'lost');
    await store().extendLeases('dialer-1', [capped!.detail.id], NOW + 120_000);
    await store().recordCalleeCall({ accountId: ACC_A, calleeKey: 'busy-callee', startedAt: NOW - 30_000 });
    const limits = [{ windowMs: 60_000, max: 1 }];
    const request = { attemptId: capped!.attempt.id, at: NOW + 10, callerNumber: '0571', calleeKey: 'busy-callee', calleeLimits: limits };
    assert.equal(await store().markOriginated(request), 'capped');
    assert.equal((await store().getDetailWithAttempts(ACC_A, capped!.detail.id))?.attempts[0]?.originatedAt, null);
    assert.equal(await store().markOriginated({ ...request, at: NOW + 30_000 }), 'originated');
    assert.equal(await store().countCalleeCalls(ACC_A, 'busy-callee', NOW - 60_000, NOW + 30_000), 2);
    assert.equal(await store().markOriginated({ ...request, attemptId: 'no-such-attempt' }), 'lost');
  });
}

function cancelledTaskTests(store: () => Store): void {
  const ids = idSource(35);

  test('calls in progress when their task is cancelled still end terminal, whatever the retry policy says', async () => {
    const task = await createTask(store(), ids, ACC_A, 'cancelled mid-call');
    await importBatch(store(), ids, task, 4);
    const [retried, released, recovered, waiting] = await store().claimDueDetails(claimRequest(task.id, ids, { limit: 3, leaseMs: 1000 }));
    assert.equal(waiting, undefined);
    await originate(store(), retried!.attempt.id);
    assert.equal((await store().changeTaskStatus(ACC_A, task.id, 'cancel', NOW + 20))?.status, 'CANCELLED');
    const busy = { callResult: 'USER_BUSY' as const, endedAt: NOW + 30 };
    assert.equal(await store().completeAttempt({ attemptId: retried!.attempt.id, outcome: busy, next: { state: 2, dueAt: NOW + 60_000 } }), true);
    assert.equal(await store().releaseClaim(released!.attempt.id, NOW + 40, NOW + 40), true);
    assert.deepEqual((await recoverTask(store(), task.id, NOW + 5000)).requeued, [{ detailId: recovered!.detail.id, taskId: task.id, state: 5 }]);
    for (const claim of [retried, released, recovered]) {
      const detail = await store().getDetail(ACC_A, claim!.detail.id);
      assert.deepEqual([detail?.state, detail?.failedReason], [5, FAILURE_REASONS.taskCancelled]);
    }
    assert.equal((await store().getDetail(ACC_A, retried!.detail.id))?.callResult, 'USER_BUSY');
    assert.equal((await store().taskProgress(ACC_A, [task.id])).get(task.id)?.allTerminal, true);
  });
}

function recoveryTests(store: () => Store): void {
  const ids = idSource(33);

  test('an expired claim never dialed goes back to the queue with its attempt deleted', async () => {
    const task = await createTask(store(), ids, ACC_A, 'recover requeue');
    await importBatch(store(), ids, task, 2);
    const [lost, live] = await store().claimDueDetails(claimRequest(task.id, ids, { leaseMs: 1000 }));
    assert.equal(await store().extendLeases('dialer-1', [live!.detail.id], NOW + 120_000), 1);
    assert.equal(await store().extendLeases('someone-else', [lost!.detail.id], NOW + 120_000), 0);
    assert.deepEqual(await recoverTask(store(), task.id, NOW + 999), { requeued: [], interrupted: [] });
    const recovery = await recoverTask(store(), task.id, NOW + 1000);
    assert.deepEqual(recovery, { requeued: [{ detailId: lost!.detail.id, taskId: task.id, state: 1 }], interrupted: [] });
    const back = await store().getDetailWithAttempts(ACC_A, lost!.detail.id);
    assert.deepEqual([back?.detail.state, back?.detail.attemptCount, back?.detail.leaseOwner, back?.attempts], [1, 0, null, []]);
    assert.equal(await originate(store(), lost!.attempt.id, NOW + 500), 'lost', 'the old claim must not dial');
    assert.equal((await store().getDetail(ACC_A, live!.detail.id))?.state, 3);
    const [again] = await store().claimDueDetails(claimRequest(task.id, ids, { now: NOW + 2000 }));
    assert.equal(again?.detail.id, lost!.detail.id);
  });

  test('an expired claim that was dialed is closed as interrupted and reported until settled', async () => {
    const task = await createTask(store(), ids, ACC_A, 'recover interrupted');
    await importBatch(store(), ids, task, 1);
    const [claim] = await store().claimDueDetails(claimRequest(task.id, ids, { leaseMs: 1000 }));
    await originate(store(), claim!.attempt.id, NOW + 10);
    const first = await recoverTask(store(), task.id, NOW + 5000);
    assert.deepEqual([first.requeued, first.interrupted.length], [[], 1]);
    const { detail, attempt } = first.interrupted[0]!;
    assert.deepEqual([detail.id, detail.state, detail.leaseOwner], [claim!.detail.id, 3, null]);
    assert.deepEqual([attempt.id, attempt.interruptedAt, attempt.endedAt, attempt.originatedAt], [claim!.attempt.id, NOW + 5000, NOW + 5000, NOW + 10]);
    const again = await recoverTask(store(), task.id, NOW + 9000);
    assert.deepEqual(again.interrupted.map((c) => [c.attempt.id, c.attempt.interruptedAt]), [[claim!.attempt.id, NOW + 5000]]);
    assert.deepEqual(await store().claimDueDetails(claimRequest(task.id, ids, { now: NOW + 9000 })), []);
    const retry = { state: 2, dueAt: NOW + 20_000 } as const;
    assert.equal(await store().completeAttempt({ attemptId: attempt.id, outcome: { callResult: null, endedAt: NOW + 9500 }, next: retry }), true);
    const after = await store().getDetail(ACC_A, detail.id);
    assert.deepEqual([after?.state, after?.failedReason, after?.callResult], [2, FAILURE_REASONS.interrupted, null]);
    assert.deepEqual(await recoverTask(store(), task.id, NOW + 10_000), { requeued: [], interrupted: [] });
    const [second] = await store().claimDueDetails(claimRequest(task.id, ids, { now: NOW + 20_000 }));
    assert.equal(second?.attempt.attemptNumber, 2);
  });
}
