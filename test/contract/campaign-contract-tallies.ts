/**
 * Detail tallies: a task's counts per state (progress, QueryAiCallDetailPage's Total) are kept as deltas by every
 * write that adds or moves details. Here a task goes through every such write, and after each one the counts read
 * from the tallies must equal the details actually listed.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DetailRecord, TaskRecord } from '../../src/core/campaigns/campaign-records.js';
import { DETAIL_STATES } from '../../src/core/campaigns/detail-state.js';
import type { DetailFilter } from '../../src/ports/campaign-store.js';
import type { Store } from '../../src/ports/store.js';
import { ACC_A, T0, claimRequest, createTask, createTenants, idSource, importBatch, recipients } from './campaign-fixtures.js';
import { useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

/** Registers the tally tests for one adapter. */
export function tallyContract(openFreshStore: FreshStoreFactory): void {
  describe('detail tallies', () => {
    const store = useMigratedStore(openFreshStore);
    before(() => createTenants(store()));
    lifecycleTest(store);
  });
}

async function allDetails(store: Store, task: TaskRecord): Promise<DetailRecord[]> {
  return (await store.pageDetails(ACC_A, task.id, {}, { pageNo: 1, pageSize: 10_000 })).items;
}

/** Every count the tallies answer, checked against the listed details. */
async function assertCountsAgree(store: Store, task: TaskRecord, step: string): Promise<void> {
  const details = await allDetails(store, task);
  const progress = (await store.taskProgress(ACC_A, [task.id])).get(task.id);
  for (const state of DETAIL_STATES) {
    assert.equal(progress?.byState[state], details.filter((d) => d.state === state).length, `${step}: progress of state ${state}`);
  }
  const batches = [...new Set(details.map((d) => d.batchId).filter((b) => b !== null))];
  const times = [...new Set(details.map((d) => d.importedAt))].sort((a, b) => a - b);
  const filters: [DetailFilter, (d: DetailRecord) => boolean][] = [
    [{ states: [1, 2] }, (d) => d.state === 1 || d.state === 2],
    [{ states: [4, 5] }, (d) => d.state >= 4],
    ...batches.map((b): [DetailFilter, (d: DetailRecord) => boolean] => [{ batchId: b, states: [3] }, (d) => d.batchId === b && d.state === 3]),
    [{ importedFrom: times[1], importedTo: times.at(-1) }, (d) => d.importedAt >= times[1]! && d.importedAt <= times.at(-1)!],
  ];
  for (const [filter, matches] of filters) {
    const page = await store.pageDetails(ACC_A, task.id, filter, { pageNo: 1, pageSize: 1 });
    assert.equal(page.total, details.filter(matches).length, `${step}: Total for ${JSON.stringify(filter)}`);
  }
}

function lifecycleTest(store: () => Store): void {
  const ids = idSource(61);

  test('counts match the details after every kind of write, before and after compaction', async () => {
    const s = store();
    const task = await createTask(s, ids, ACC_A, 'tallies', { StartType: 'SCHEDULE', TaskStartTime: T0 + 1e9 });
    await importBatch(s, ids, task, 6, { at: T0 });
    await importBatch(s, ids, task, 5, { first: 10, at: T0 + 1 });
    await s.importDetails({ accountId: ACC_A, taskId: task.id, batchId: null, encryptionType: 0, details: recipients(ids, 1, 20), at: T0 + 2 });
    await assertCountsAgree(s, task, 'imported into a task that never ran (state 0)');
    const [first] = await allDetails(s, task);
    await s.cancelDetails(ACC_A, task.id, { detailIds: [first!.id] }, T0 + 3);
    await assertCountsAgree(s, task, 'one detail cancelled');
    await s.changeTaskStatus(ACC_A, task.id, 'start', T0 + 4);
    await assertCountsAgree(s, task, 'started (0 -> 1)');

    const now = T0 + 1000;
    const claims = await s.claimDueDetails(claimRequest(task.id, ids, { now, limit: 8 }));
    await assertCountsAgree(s, task, 'claimed');
    const marks = await s.markOriginatedMany(claims.slice(0, 6).map((c) => ({ attemptId: c.attempt.id, at: now + 1, callerNumber: 'line', calleeKey: `k-${c.detail.id}` })));
    assert.deepEqual(marks, Array(6).fill('originated'));
    const outcome = (callResult: 'ANSWERED' | 'USER_BUSY') => ({ callResult, endedAt: now + 5 });
    await s.completeAttempts([
      { attemptId: claims[0]!.attempt.id, outcome: outcome('ANSWERED'), next: { state: 4 } },
      { attemptId: claims[1]!.attempt.id, outcome: outcome('USER_BUSY'), next: { state: 2, dueAt: now + 60_000 } },
      { attemptId: claims[2]!.attempt.id, outcome: { callResult: null, failedReason: 'x', endedAt: now + 5 }, next: { state: 5 } },
    ]);
    await assertCountsAgree(s, task, 'outcomes written (4, 2 and 5)');
    assert.equal(await s.releaseClaim(claims[6]!.attempt.id, now + 6, now + 6), true);
    await assertCountsAgree(s, task, 'a claim given back');
    // Leases expire: claim 7 was never dialed (requeued), claims 3-5 were (interrupted, then settled by policy).
    const recovery = await s.recoverExpiredLeases(now + 61_000);
    assert.equal(recovery.requeued.length, 1);
    await s.completeAttempts(recovery.interrupted.map((c) => ({ attemptId: c.attempt.id, outcome: { callResult: null, endedAt: now + 61_000 }, next: { state: 5 } })));
    await assertCountsAgree(s, task, 'leases recovered');
    await s.compactDetailTallies(task.id);
    await assertCountsAgree(s, task, 'compacted');
    await s.changeTaskStatus(ACC_A, task.id, 'cancel', now + 62_000);
    await assertCountsAgree(s, task, 'task cancelled (0-2 -> 5)');
    await s.compactDetailTallies(task.id);
    await assertCountsAgree(s, task, 'compacted again');
    assert.equal((await s.taskProgress(ACC_A, [task.id])).get(task.id)?.allTerminal, true);
  });
}
