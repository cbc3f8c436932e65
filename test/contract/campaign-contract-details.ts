/** Imports, detail reads, QueryAiCallDetailPage filters, tenant isolation and CancelAiCallDetails rules. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detailStatesForQueryStatus, FAILURE_REASONS } from '../../src/core/campaigns/detail-state.js';
import type { TaskRecord } from '../../src/core/campaigns/campaign-records.js';
import type { DetailFilter } from '../../src/ports/campaign-store.js';
import type { Store } from '../../src/ports/store.js';
import { ACC_A, ACC_B, T0, claimRequest, createTask, createTenants, idSource, importBatch, recipients } from './campaign-fixtures.js';
import { useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

/** Registers the detail tests for one adapter. */
export function detailContract(openFreshStore: FreshStoreFactory): void {
  describe('details', () => {
    const store = useMigratedStore(openFreshStore);
    before(() => createTenants(store()));
    importTests(store);
    filterTests(store);
    isolationTests(store);
    cancelTests(store);
  });
}

function importTests(store: () => Store): void {
  const ids = idSource(21);

  test('10 000 rows import in one call and read back', async () => {
    const task = await createTask(store(), ids, ACC_A, 'bulk');
    const { batchId, details } = await importBatch(store(), ids, task, 10_000);
    assert.equal((await store().taskProgress(ACC_A, [task.id])).get(task.id)?.byState[1], 10_000);
    assert.deepEqual(await store().getBatch(ACC_A, batchId), { id: batchId, accountId: ACC_A, taskId: task.id, encryptionType: 0, rowCount: 10_000, createdAt: T0 });
    const page = await store().pageDetails(ACC_A, task.id, { batchId }, { pageNo: 1, pageSize: 3 });
    assert.equal(page.total, 10_000);
    assert.deepEqual(page.items.map((d) => d.id), details.slice(-3).reverse().map((d) => d.id));
  });

  test('a detail reads back with everything it was imported with; a single import has no batch', async () => {
    const task = await createTask(store(), ids, ACC_A, 'single');
    const [one] = recipients(ids, 1, 7, 2).map((d) => ({ ...d, number: 'ab'.repeat(32) }));
    const outcome = await store().importDetails({ accountId: ACC_A, taskId: task.id, batchId: null, encryptionType: 2, details: [one!], at: T0 + 5 });
    assert.deepEqual(outcome, { taskStatus: 'RUNNING', initialState: 1 });
    const got = await store().getDetail(ACC_A, one!.id);
    assert.deepEqual(got, {
      id: one!.id, accountId: ACC_A, taskId: task.id, batchId: null, number: 'ab'.repeat(32), encryptionType: 2,
      outId: 'out-7', variables: { name: 'n7' }, state: 1, dueAt: T0 + 5, attemptCount: 0, leaseOwner: null,
      leaseExpiresAt: null, importedAt: T0 + 5, callingTime: null, callResult: null, failedReason: null,
      durationSeconds: null, majorIntent: null, conversationTurnCount: null, endedAt: null, updatedAt: T0 + 5,
    });
  });

  test('an import into an unknown task stores nothing', async () => {
    const details = recipients(ids, 2);
    assert.equal(await store().importDetails({ accountId: ACC_A, taskId: 'no-such-task', batchId: ids.next(), encryptionType: 0, details, at: T0 }), undefined);
    assert.equal(await store().getDetail(ACC_A, details[0]!.id), undefined);
  });
}

/** A task with 12 details in two batches, some answered (120 s, intent A), some not answered, some cancelled. */
async function outcomeFixture(store: Store, ids: ReturnType<typeof idSource>): Promise<{ task: TaskRecord; first: string[]; second: string[] }> {
  const task = await createTask(store, ids, ACC_A, 'filters');
  const first = (await importBatch(store, ids, task, 6, { at: T0 })).details.map((d) => d.id);
  const second = (await importBatch(store, ids, task, 6, { first: 6, at: T0 + 10_000 })).details.map((d) => d.id);
  const claims = await store.claimDueDetails(claimRequest(task.id, ids, { now: T0 + 20_000, limit: 4 }));
  for (const [i, claim] of claims.entries()) {
    const at = T0 + 30_000 + i * 1000;
    await store.markOriginated({ attemptId: claim.attempt.id, at, callerNumber: '0571000', calleeKey: claim.detail.number });
    const answered = i < 2;
    const outcome = answered
      ? { callResult: 'ANSWERED' as const, durationSeconds: 120, majorIntent: 'A', answerAt: at + 5000, endedAt: at + 125_000 }
      : { callResult: 'NO_ANSWER' as const, durationSeconds: 0, endedAt: at + 30_000 };
    assert.equal(await store.completeAttempt({ attemptId: claim.attempt.id, outcome, next: { state: 4 } }), true);
  }
  await store.cancelDetails(ACC_A, task.id, { detailIds: [second[5]!] }, T0 + 40_000);
  return { task, first, second };
}

function filterTests(store: () => Store): void {
  const ids = idSource(22);

  test('every QueryAiCallDetailPage filter narrows the page, alone and combined', async () => {
    const { task, first, second } = await outcomeFixture(store(), ids);
    const find = async (filter: DetailFilter) =>
      (await store().pageDetails(ACC_A, task.id, filter, { pageNo: 1, pageSize: 50 })).items.map((d) => d.id).sort();
    const sorted = (xs: string[]) => [...xs].sort();
    assert.deepEqual(await find({ states: detailStatesForQueryStatus(1) }), sorted(first.slice(0, 4)));
    assert.deepEqual(await find({ states: detailStatesForQueryStatus(2) }), [second[5]!]);
    assert.deepEqual(await find({ states: detailStatesForQueryStatus(0) }), sorted([...first.slice(4), ...second.slice(0, 5)]));
    assert.deepEqual(await find({ batchId: (await store().getDetail(ACC_A, second[0]!))!.batchId! }), sorted(second));
    assert.deepEqual(await find({ number: '13800000003' }), [first[3]!]);
    assert.deepEqual(await find({ number: '13800000003', encryptionType: 1 }), []);
    assert.deepEqual(await find({ callResult: 'ANSWERED' }), sorted(first.slice(0, 2)));
    assert.deepEqual(await find({ majorIntent: 'A' }), sorted(first.slice(0, 2)));
    assert.deepEqual(await find({ minDurationSeconds: 60 }), sorted(first.slice(0, 2)));
    assert.deepEqual(await find({ maxDurationSeconds: 0 }), sorted(first.slice(2, 4)));
    assert.deepEqual(await find({ importedFrom: T0 + 10_000 }), sorted(second));
    assert.deepEqual(await find({ importedTo: T0 + 9999 }), sorted(first));
    assert.deepEqual(await find({ callingFrom: T0 + 31_000, callingTo: T0 + 32_000 }), sorted(first.slice(1, 3)));
    assert.deepEqual(await find({ outId: 'out-8' }), [second[2]!]);
    assert.deepEqual(await find({ detailIds: [first[0]!, second[0]!, 'unknown'] }), sorted([first[0]!, second[0]!]));
    assert.deepEqual(await find({ detailIds: [] }), []);
    assert.deepEqual(await find({ callResult: 'ANSWERED', states: [4], importedFrom: T0, callingTo: T0 + 30_000 }), [first[0]!]);
  });

  test('pages run newest import first and report the total', async () => {
    const task = await createTask(store(), ids, ACC_A, 'paging');
    const older = (await importBatch(store(), ids, task, 3, { at: T0 })).details.map((d) => d.id);
    const newer = (await importBatch(store(), ids, task, 3, { first: 3, at: T0 + 1 })).details.map((d) => d.id);
    const newestFirst = [...newer.reverse(), ...older.reverse()];
    const p1 = await store().pageDetails(ACC_A, task.id, {}, { pageNo: 1, pageSize: 4 });
    const p2 = await store().pageDetails(ACC_A, task.id, {}, { pageNo: 2, pageSize: 4 });
    assert.deepEqual([p1.total, p2.total], [6, 6]);
    assert.deepEqual([...p1.items, ...p2.items].map((d) => d.id), newestFirst);
  });
}

function isolationTests(store: () => Store): void {
  const ids = idSource(23);

  test("another account's task, batch, detail and call ids answer as if they did not exist", async () => {
    const task = await createTask(store(), ids, ACC_A, 'private');
    const { batchId, details } = await importBatch(store(), ids, task, 3);
    const [claim] = await store().claimDueDetails(claimRequest(task.id, ids, { limit: 1 }));
    assert.equal(await store().getBatch(ACC_B, batchId), undefined);
    assert.equal(await store().getDetail(ACC_B, details[0]!.id), undefined);
    assert.equal(await store().getDetailWithAttempts(ACC_B, claim!.detail.id), undefined);
    assert.equal(await store().getAttemptByCallId(ACC_B, claim!.attempt.callId), undefined);
    assert.equal((await store().getAttemptByCallId(ACC_A, claim!.attempt.callId))?.id, claim!.attempt.id);
    assert.deepEqual(await store().pageDetails(ACC_B, task.id, {}, { pageNo: 1, pageSize: 10 }), { total: 0, items: [] });
    const other = recipients(ids, 1, 900);
    assert.equal(await store().importDetails({ accountId: ACC_B, taskId: task.id, batchId: ids.next(), encryptionType: 0, details: other, at: T0 }), undefined);
    assert.equal(await store().getDetail(ACC_A, other[0]!.id), undefined);
    const cancel = await store().cancelDetails(ACC_B, task.id, { detailIds: [details[1]!.id] }, T0 + 1);
    assert.deepEqual(cancel, { total: 1, cancelled: [], failed: { [details[1]!.id]: 'not-found' } });
    const byBatch = await store().cancelDetails(ACC_B, task.id, { batchId }, T0 + 1);
    assert.deepEqual(byBatch, { total: 1, cancelled: [], failed: { [batchId]: 'not-found' } });
    assert.equal((await store().getDetail(ACC_A, details[1]!.id))?.state, 1);
  });
}

function cancelTests(store: () => Store): void {
  const ids = idSource(24);

  test('only details in states 0, 1 and 2 can be cancelled; the rest say why', async () => {
    const task = await createTask(store(), ids, ACC_A, 'cancel rules');
    const d = (await importBatch(store(), ids, task, 5)).details.map((x) => x.id);
    const claims = await store().claimDueDetails(claimRequest(task.id, ids, { limit: 3 }));
    const [retry, done, calling] = claims;
    await store().completeAttempt({ attemptId: retry!.attempt.id, outcome: { callResult: 'USER_BUSY', endedAt: T0 + 2000 }, next: { state: 2, dueAt: T0 + 9e6 } });
    await store().completeAttempt({ attemptId: done!.attempt.id, outcome: { callResult: 'ANSWERED', endedAt: T0 + 2000 }, next: { state: 4 } });
    const outcome = await store().cancelDetails(ACC_A, task.id, { detailIds: [...d, 'unknown-id'] }, T0 + 3000);
    assert.deepEqual(outcome.cancelled.sort(), [retry!.detail.id, d[3]!, d[4]!].sort());
    assert.deepEqual(outcome.failed, { [done!.detail.id]: 'not-cancellable', [calling!.detail.id]: 'not-cancellable', 'unknown-id': 'not-found' });
    assert.equal(outcome.total, 6);
    const cancelled = await store().getDetail(ACC_A, d[4]!);
    assert.deepEqual([cancelled?.state, cancelled?.failedReason, cancelled?.endedAt], [5, FAILURE_REASONS.cancelled, T0 + 3000]);
    assert.deepEqual(await store().claimDueDetails(claimRequest(task.id, ids, { now: T0 + 1e7 })), []);
  });

  test('a detail still in state 0 (task never ran) can be cancelled', async () => {
    const task = await createTask(store(), ids, ACC_A, 'cancel init', { StartType: 'SCHEDULE', TaskStartTime: T0 + 1e6 });
    const { details } = await importBatch(store(), ids, task, 1);
    const outcome = await store().cancelDetails(ACC_A, task.id, { detailIds: [details[0]!.id] }, T0 + 1);
    assert.deepEqual(outcome.cancelled, [details[0]!.id]);
  });

  test('a batch is cancelled whole, or narrowed to numbers reported by number', async () => {
    const task = await createTask(store(), ids, ACC_A, 'cancel batch');
    const one = await importBatch(store(), ids, task, 4);
    const two = await importBatch(store(), ids, task, 2, { first: 10 });
    const byNumber = await store().cancelDetails(ACC_A, task.id, { batchId: one.batchId, numbers: ['13800000001', '13800000010', '13800000001'] }, T0 + 1);
    assert.deepEqual(byNumber, { total: 2, cancelled: ['13800000001'], failed: { '13800000010': 'not-found' } });
    const whole = await store().cancelDetails(ACC_A, task.id, { batchId: one.batchId }, T0 + 2);
    assert.deepEqual(whole.cancelled.sort(), [one.details[0]!.id, one.details[2]!.id, one.details[3]!.id].sort());
    assert.deepEqual(whole.failed, { [one.details[1]!.id]: 'not-cancellable' });
    const progress = (await store().taskProgress(ACC_A, [task.id])).get(task.id);
    assert.deepEqual([progress?.byState[5], progress?.byState[1]], [4, two.details.length]);
  });
}
