/**
 * The call-statistics half of the Store contract: ended calls of both kinds (campaign attempts and single calls)
 * counted per epoch-aligned bucket and outcome, only inside the range, only for the asked account.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallResult } from '../../src/core/calls/call-result.js';
import type { EndedCallCount } from '../../src/ports/call-statistics-store.js';
import { ACC_A, ACC_B, claimRequest, createTask, createTenants, idSource, importBatch } from './campaign-fixtures.js';
import { T0, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const MINUTE = 60_000;
/** A ten-minute boundary a little after T0, so bucket starts of both sizes are easy to read. */
const M0 = Math.ceil(T0 / (10 * MINUTE)) * 10 * MINUTE + 10 * MINUTE;

/** Sorted for comparison: the store promises bucket order only. */
const sorted = (rows: EndedCallCount[]) => [...rows].sort((a, b) => a.bucketStart - b.bucketStart || String(a.callResult).localeCompare(String(b.callResult)));

/** Registers the call-statistics tests for one adapter. */
export function callStatisticsContract(openFreshStore: FreshStoreFactory): void {
  describe('call statistics', () => {
    const store = useMigratedStore(openFreshStore);
    const ids = idSource(41);

    before(async () => {
      const s = store();
      await createTenants(s);
      // Campaign calls of A: answered at M0+5s and M0+65s, no answer at M0+70s; one attempt still in progress.
      const task = await createTask(s, ids, ACC_A, 'stats');
      await importBatch(s, ids, task, 4);
      const claims = await s.claimDueDetails(claimRequest(task.id, ids, { now: M0 - MINUTE, limit: 4 }));
      assert.equal(claims.length, 4);
      const ends: [CallResult, number][] = [['ANSWERED', M0 + 5000], ['ANSWERED', M0 + 65_000], ['NO_ANSWER', M0 + 70_000]];
      for (const [i, [callResult, endedAt]] of ends.entries()) {
        const claim = claims[i]!;
        await s.markOriginated({ attemptId: claim.attempt.id, at: M0 - 30_000, callerNumber: '0571000', calleeKey: claim.detail.number });
        assert.equal(await s.completeAttempt({ attemptId: claim.attempt.id, outcome: { callResult, endedAt }, next: { state: 4 } }), true);
      }
      // Single calls: A's busy one at M0+10s and one before the range; B's answered one inside it; one of A not ended.
      const single = (callId: string, accountId: string) => ({ callId, accountId, kind: 'SingleCallByTts', caller: '0571000', callee: '13800000001', params: {}, createdAt: M0 - MINUTE });
      for (const [callId, accountId] of [['s^1', ACC_A], ['s^2', ACC_A], ['s^3', ACC_B], ['s^4', ACC_A]] as const) await s.insertSingleCall(single(callId, accountId));
      await s.endSingleCall(ACC_A, 's^1', { callResult: 'USER_BUSY', statusCode: '200002', endedAt: M0 + 10_000, durationSeconds: 0 });
      await s.endSingleCall(ACC_A, 's^2', { callResult: 'USER_BUSY', statusCode: '200002', endedAt: M0 - 1, durationSeconds: 0 });
      await s.endSingleCall(ACC_B, 's^3', { callResult: 'ANSWERED', statusCode: '200000', endedAt: M0 + 20_000, durationSeconds: 9 });
    });

    test('calls of both kinds are counted per minute bucket and outcome, starts aligned on the epoch', async () => {
      const rows = await store().countEndedCalls(ACC_A, { from: M0, until: M0 + 2 * MINUTE, bucketMs: MINUTE });
      assert.deepEqual(sorted(rows), [
        { bucketStart: M0, callResult: 'ANSWERED', count: 1 },
        { bucketStart: M0, callResult: 'USER_BUSY', count: 1 },
        { bucketStart: M0 + MINUTE, callResult: 'ANSWERED', count: 1 },
        { bucketStart: M0 + MINUTE, callResult: 'NO_ANSWER', count: 1 },
      ]);
      for (const row of rows) assert.equal(typeof row.count, 'number');
    });

    test('a coarser bucket merges them; the range bounds are from-inclusive, until-exclusive', async () => {
      const rows = await store().countEndedCalls(ACC_A, { from: M0 - 1, until: M0 + 65_000, bucketMs: 10 * MINUTE });
      assert.deepEqual(sorted(rows), [
        { bucketStart: M0 - 10 * MINUTE, callResult: 'USER_BUSY', count: 1 },
        { bucketStart: M0, callResult: 'ANSWERED', count: 1 },
        { bucketStart: M0, callResult: 'USER_BUSY', count: 1 },
      ]);
    });

    test("another account's calls are never counted", async () => {
      assert.deepEqual(await store().countEndedCalls(ACC_B, { from: M0, until: M0 + 2 * MINUTE, bucketMs: MINUTE }), [{ bucketStart: M0, callResult: 'ANSWERED', count: 1 }]);
      assert.deepEqual(await store().countEndedCalls('nobody', { from: 0, until: M0 * 2, bucketMs: MINUTE }), []);
    });
  });
}
