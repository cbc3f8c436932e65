/**
 * Several stores on one database claiming from the same task, as several dialer processes would: every due detail
 * is claimed exactly once, recovery hands each expired claim to one store, and callee caps hold across them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TaskRecord } from '../../src/core/campaigns/campaign-records.js';
import { sharedBucket } from '../../src/dialer/policies/index.js';
import type { Store } from '../../src/ports/store.js';
import { ACC_A, T0, claimAll, claimRequest, createTask, createTenants, idSource, importBatch } from './campaign-fixtures.js';
import { useStorePair, type StorePairFactory } from './shared-database-contract.js';

/** Registers the cross-store campaign tests for one engine whose stores can run concurrently in one process. */
export function sharedCampaignContract(label: string, openPair: StorePairFactory): void {
  describe(`two stores claiming from one database: ${label}`, () => {
    claimRaceTests(useStorePair(openPair, createTenants));
  });
}

/** Checks that `claimedPerStore` partitions `expected`: no id twice, none missing. */
export function assertPartition(claimedPerStore: string[][], expected: string[]): void {
  const all = claimedPerStore.flat();
  assert.equal(new Set(all).size, all.length, 'a detail was claimed twice');
  assert.deepEqual([...all].sort(), [...expected].sort());
}

function claimRaceTests(pair: () => [Store, Store]): void {
  const ids = [idSource(41), idSource(42)] as const;
  let task: TaskRecord;

  test('concurrent claimers get disjoint sets that together cover every due detail', async () => {
    const [a, b] = pair();
    task = await createTask(a, ids[0], ACC_A, 'shared claims');
    const { details } = await importBatch(a, ids[0], task, 2000);
    const claimed = await Promise.all([
      claimAll(a, claimRequest(task.id, ids[0], { limit: 9, leaseOwner: 'dialer-a', leaseMs: 1000 })),
      claimAll(b, claimRequest(task.id, ids[1], { limit: 9, leaseOwner: 'dialer-b', leaseMs: 1000 })),
    ]);
    assertPartition(claimed, details.map((d) => d.id));
    assert.ok(claimed[0].length > 0 && claimed[1].length > 0, `work was not shared: ${claimed[0].length} / ${claimed[1].length}`);
  });

  test('two claimers pacing from the task\'s shared bucket start TaskCps calls a second between them, not each', async () => {
    const [a, b] = pair();
    const paced = await createTask(a, ids[0], ACC_A, 'shared pacing', { TaskCps: 20 });
    await importBatch(a, ids[0], paced, 500);
    const claimed = [0, 0];
    // Two seconds of ticks every 100 ms; both stores claim at every tick, as two dialer processes would.
    for (let tick = 0; tick <= 20; tick++) {
      const now = T0 + 1000 + tick * 100;
      const pacing = sharedBucket({ ratePerSecond: 20 }, now);
      const got = await Promise.all([
        a.claimDueDetails(claimRequest(paced.id, ids[0], { now, limit: 100, leaseOwner: 'dialer-a', pacing })),
        b.claimDueDetails(claimRequest(paced.id, ids[1], { now, limit: 100, leaseOwner: 'dialer-b', pacing })),
      ]);
      got.forEach((claims, i) => (claimed[i]! += claims.length));
    }
    // One token at the first claim, then 20 a second for two seconds: 41 in all, not 82.
    assert.equal(claimed[0]! + claimed[1]!, 41, `claimed ${claimed.join(' + ')}`);
    assert.ok(claimed[0]! > 0 && claimed[1]! > 0, `the rate was not shared: ${claimed.join(' / ')}`);
  });

  test('concurrent lease recoveries requeue each expired claim once', async () => {
    const [a, b] = pair();
    const recovered = await Promise.all([a.recoverExpiredLeases(T0 + 5000, 150), b.recoverExpiredLeases(T0 + 5000, 150)]);
    const rest = await a.recoverExpiredLeases(T0 + 5000, 5000);
    const perStore = [...recovered, rest].map((r) => r.requeued.map((x) => x.detailId));
    const progress = (await a.taskProgress(ACC_A, [task.id])).get(task.id);
    assertPartition(perStore, perStore.flat());
    assert.equal(perStore.flat().length, 2000);
    assert.deepEqual([progress?.byState[1], progress?.byState[3]], [2000, 0]);
  });

  test('a callee limit holds across stores originating at the same moment', async () => {
    const [a, b] = pair();
    const claims = await a.claimDueDetails(claimRequest(task.id, ids[0], { now: T0 + 6000, limit: 10 }));
    const limits = [{ windowMs: 60_000, max: 1 }];
    const results = await Promise.all(
      claims.map((c, i) =>
        (i % 2 ? a : b).markOriginated({ attemptId: c.attempt.id, at: T0 + 6001, callerNumber: '0571', calleeKey: 'same-person', calleeLimits: limits }),
      ),
    );
    assert.deepEqual(results.filter((r) => r === 'originated').length, 1);
    assert.equal(results.filter((r) => r === 'capped').length, claims.length - 1);
  });
}
