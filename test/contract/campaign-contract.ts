/** The CampaignStore contract (tasks here; details, queue and number lists in the sibling files), run on every engine. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTaskUpdate } from '../../src/core/campaigns/task-settings.js';
import { DomainError } from '../../src/core/errors.js';
import type { Store } from '../../src/ports/store.js';
import { detailContract } from './campaign-contract-details.js';
import { numberListContract } from './campaign-contract-numbers.js';
import { queueContract } from './campaign-contract-queue.js';
import { tallyContract } from './campaign-contract-tallies.js';
import { ACC_A, ACC_B, T0, createTask, createTenants, idSource, importBatch, taskInput } from './campaign-fixtures.js';
import { useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';
import { dialogContract } from './campaign-contract-dialogs.js';

/** Asserts a rejection with a DomainError of `code`. */
export async function rejectsWith(promise: Promise<unknown>, code: DomainError['code'], message?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    return true;
  });
}

/** Registers the whole campaign contract for one adapter. */
export function campaignContract(label: string, openFreshStore: FreshStoreFactory): void {
  describe(`CampaignStore contract: ${label}`, () => {
    taskContract(openFreshStore);
    detailContract(openFreshStore);
    queueContract(openFreshStore);
    numberListContract(openFreshStore);
    tallyContract(openFreshStore);
    dialogContract(openFreshStore);
  });
}

function taskContract(openFreshStore: FreshStoreFactory): void {
  describe('tasks', () => {
    const store = useMigratedStore(openFreshStore);
    before(() => createTenants(store()));
    taskReadTests(store);
    taskIsolationTests(store);
    taskStatusTests(store);
    taskScheduleTests(store);
    taskCompletionTests(store);
  });
}

function taskReadTests(store: () => Store): void {
  const ids = idSource(11);

  test('a task reads back exactly, settings included', async () => {
    const extra = { AgentId: 'agent-1', MissCallRetry: true, CallRetryTimes: 3, TimeZone: 'Europe/Berlin', ApplicationCode: 'app' };
    const task = await createTask(store(), ids, ACC_A, 'round trip', { ...extra, CallTime: ['{"startTime":"22:00:00","endTime":"02:00:00"}'] });
    const got = await store().getTask(ACC_A, task.id);
    assert.deepEqual(got, task);
    assert.deepEqual(got?.settings.callTime.raw, ['{"startTime":"22:00:00","endTime":"02:00:00"}']);
    assert.deepEqual(got?.settings.callTime.windows[0], { startTime: '22:00:00', endTime: '02:00:00', startSecond: 79_200, endSecond: 7200 });
    assert.equal(got?.status, 'RUNNING');
  });

  test('a task name is unique per account, also under concurrent creates', async () => {
    await createTask(store(), ids, ACC_A, 'unique');
    await rejectsWith(createTask(store(), ids, ACC_A, 'unique'), 'AlreadyExists', /unique/);
    await createTask(store(), ids, ACC_B, 'unique');
    // A reused task id is a fault, not a name clash: it must not read as "a task named … already exists".
    const first = await createTask(store(), ids, ACC_A, 'id reused');
    await assert.rejects(store().insertTask({ ...first, settings: { ...first.settings, name: 'another name' } }), (e: unknown) => !(e instanceof DomainError));
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createTask(store(), ids, ACC_A, 'raced')));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const listed = await store().listTasks(ACC_A, { name: 'raced' }, { pageNo: 1, pageSize: 10 });
    assert.equal(listed.total, 1);
  });

  test('listing filters by name (literal, case-insensitive), status, id, agent, application and source, newest first', async () => {
    const acc = 'acc-list';
    await store().insertAccount({ id: acc, name: acc, createdAt: T0 });
    const a = await createTask(store(), ids, acc, 'Promo 50%_off', { AgentId: 'ag-1', ApplicationCode: 'x' });
    const b = await createTask(store(), ids, acc, 'promo plain', { StartType: 'SCHEDULE', TaskStartTime: T0 + 1 });
    const c = await createTask(store(), ids, acc, 'Other', { Source: 7 });
    const page = (filter: Parameters<Store['listTasks']>[1], pageNo = 1, pageSize = 10) =>
      store().listTasks(acc, filter, { pageNo, pageSize }).then((p) => ({ total: p.total, ids: p.items.map((t) => t.id) }));
    assert.deepEqual(await page({}), { total: 3, ids: [c.id, b.id, a.id] });
    assert.deepEqual(await page({ name: 'PROMO' }), { total: 2, ids: [b.id, a.id] });
    assert.deepEqual(await page({ name: '50%_' }), { total: 1, ids: [a.id] });
    assert.deepEqual(await page({ name: '0%o' }), { total: 0, ids: [] });
    assert.deepEqual(await page({ statuses: ['INIT'] }), { total: 1, ids: [b.id] });
    assert.deepEqual(await page({ statuses: [] }), { total: 0, ids: [] });
    assert.deepEqual(await page({ taskId: c.id }), { total: 1, ids: [c.id] });
    assert.deepEqual(await page({ agentIds: ['ag-1', 'ag-9'] }), { total: 1, ids: [a.id] });
    assert.deepEqual(await page({ applicationCode: 'x' }), { total: 1, ids: [a.id] });
    assert.deepEqual(await page({ source: 7 }), { total: 1, ids: [c.id] });
    assert.deepEqual(await page({ source: 8 }), { total: 0, ids: [] });
    assert.deepEqual(await page({}, 2, 2), { total: 3, ids: [a.id] });
  });
}

function taskIsolationTests(store: () => Store): void {
  const ids = idSource(12);

  test("another account's task id answers as if it did not exist, and nothing changes", async () => {
    const task = await createTask(store(), ids, ACC_A, 'isolated');
    await importBatch(store(), ids, task, 3);
    assert.equal(await store().getTask(ACC_B, task.id), undefined);
    assert.ok(!(await store().listTasks(ACC_B, {}, { pageNo: 1, pageSize: 100 })).items.some((t) => t.id === task.id));
    assert.equal((await store().listTasks(ACC_B, { taskId: task.id }, { pageNo: 1, pageSize: 10 })).total, 0);
    const renamed = applyTaskUpdate(task.settings, taskInput('hijacked'));
    assert.equal(await store().updateTaskSettings(ACC_B, task.id, renamed, T0 + 1), undefined);
    for (const command of ['stop', 'cancel', 'start', 'start-failed'] as const) {
      assert.equal(await store().changeTaskStatus(ACC_B, task.id, command, T0 + 1), undefined);
    }
    assert.equal((await store().taskProgress(ACC_B, [task.id])).size, 0);
    assert.deepEqual(await store().getTask(ACC_A, task.id), task);
  });
}

function taskStatusTests(store: () => Store): void {
  const ids = idSource(13);

  test('stop, update, start and cancel follow the state machine', async () => {
    const task = await createTask(store(), ids, ACC_A, 'lifecycle');
    const updated = applyTaskUpdate(task.settings, taskInput('lifecycle renamed', { TaskCps: 7 }));
    await rejectsWith(store().updateTaskSettings(ACC_A, task.id, updated, T0 + 1), 'InvalidState', /stop the task/);
    assert.equal((await store().changeTaskStatus(ACC_A, task.id, 'stop', T0 + 2))?.status, 'STOPPED');
    await rejectsWith(store().changeTaskStatus(ACC_A, task.id, 'stop', T0 + 3), 'InvalidState', /only a running task/);
    const after = await store().updateTaskSettings(ACC_A, task.id, updated, T0 + 4);
    assert.equal(after?.settings.name, 'lifecycle renamed');
    assert.equal(after?.settings.taskCps, 7);
    assert.equal(after?.updatedAt, T0 + 4);
    assert.equal((await store().changeTaskStatus(ACC_A, task.id, 'start', T0 + 5))?.status, 'RUNNING');
    await rejectsWith(store().changeTaskStatus(ACC_A, task.id, 'start', T0 + 6), 'InvalidState', /already running/);
    assert.equal((await store().changeTaskStatus(ACC_A, task.id, 'cancel', T0 + 7))?.status, 'CANCELLED');
    await rejectsWith(store().changeTaskStatus(ACC_A, task.id, 'start', T0 + 8), 'InvalidState', /cancelled/);
    await rejectsWith(importBatch(store(), ids, task, 1), 'InvalidState', /cancelled/);
  });

  test('renaming onto a taken name is refused', async () => {
    await createTask(store(), ids, ACC_A, 'taken');
    const task = await createTask(store(), ids, ACC_A, 'to rename');
    await store().changeTaskStatus(ACC_A, task.id, 'stop', T0 + 1);
    await rejectsWith(store().updateTaskSettings(ACC_A, task.id, applyTaskUpdate(task.settings, taskInput('taken')), T0 + 2), 'AlreadyExists');
    assert.equal((await store().getTask(ACC_A, task.id))?.settings.name, 'to rename');
  });

}

function taskScheduleTests(store: () => Store): void {
  const ids = idSource(14);

  test('a scheduled task waits in INIT with its details in state 0 until it starts', async () => {
    const task = await createTask(store(), ids, ACC_A, 'scheduled', { StartType: 'SCHEDULE', TaskStartTime: T0 + 60_000 });
    assert.equal(task.status, 'INIT');
    assert.equal(task.scheduledStartAt, T0 + 60_000);
    const { details } = await importBatch(store(), ids, task, 4);
    assert.equal((await store().getDetail(ACC_A, details[0]!.id))?.state, 0);
    assert.ok(!(await store().listDueScheduledTasks(T0 + 59_999)).some((t) => t.id === task.id));
    assert.ok((await store().listDueScheduledTasks(T0 + 60_000)).some((t) => t.id === task.id));
    const started = await store().changeTaskStatus(ACC_A, task.id, 'start', T0 + 60_000);
    assert.deepEqual([started?.status, started?.scheduledStartAt, started?.realStartTime], ['RUNNING', null, T0 + 60_000]);
    assert.ok(!(await store().listDueScheduledTasks(T0 + 70_000)).some((t) => t.id === task.id));
    assert.equal((await store().taskProgress(ACC_A, [task.id])).get(task.id)?.byState[1], 4);
    assert.ok((await store().listRunningTasks()).some((t) => t.id === task.id));
  });

  test('a failed start keeps its reason until the task starts', async () => {
    const task = await createTask(store(), ids, ACC_A, 'fails', { StartType: 'SCHEDULE', TaskStartTime: T0 });
    const failed = await store().changeTaskStatus(ACC_A, task.id, 'start-failed', T0 + 1, 'agent offline');
    assert.deepEqual([failed?.status, failed?.startFailedReason], ['FAILED', 'agent offline']);
    const started = await store().changeTaskStatus(ACC_A, task.id, 'start', T0 + 2);
    assert.deepEqual([started?.status, started?.startFailedReason], ['RUNNING', null]);
  });

}

function taskCompletionTests(store: () => Store): void {
  const ids = idSource(15);

  test('a task completes when every detail is terminal; an import reopens it, a start does not', async () => {
    const task = await createTask(store(), ids, ACC_A, 'completes');
    assert.equal(await store().completeTaskIfDone(task.id, T0 + 1), false, 'no details yet');
    const { details } = await importBatch(store(), ids, task, 2);
    assert.equal(await store().completeTaskIfDone(task.id, T0 + 1), false, 'details still waiting');
    await store().cancelDetails(ACC_A, task.id, { detailIds: details.map((d) => d.id) }, T0 + 2);
    const progress = (await store().taskProgress(ACC_A, [task.id])).get(task.id);
    assert.deepEqual([progress?.total, progress?.allTerminal, progress?.byState[5]], [2, true, 2]);
    assert.equal(await store().completeTaskIfDone(task.id, T0 + 3), true);
    assert.equal((await store().getTask(ACC_A, task.id))?.status, 'COMPLETED');
    assert.equal(await store().completeTaskIfDone(task.id, T0 + 4), false);
    await rejectsWith(store().changeTaskStatus(ACC_A, task.id, 'start', T0 + 5), 'InvalidState', /completed/);
    const more = await importBatch(store(), ids, task, 1, { first: 50 });
    assert.equal((await store().getTask(ACC_A, task.id))?.status, 'RUNNING');
    assert.equal((await store().getDetail(ACC_A, more.details[0]!.id))?.state, 1);
  });

  test('after an update, a stopped task auto-starts only at a future TaskStartTime', async () => {
    const task = await createTask(store(), ids, ACC_A, 'reschedule');
    await store().changeTaskStatus(ACC_A, task.id, 'stop', T0 + 10);
    const past = applyTaskUpdate(task.settings, taskInput('reschedule', { StartType: 'SCHEDULE', TaskStartTime: T0 }));
    assert.equal((await store().updateTaskSettings(ACC_A, task.id, past, T0 + 20))?.scheduledStartAt, null);
    const future = applyTaskUpdate(task.settings, taskInput('reschedule', { StartType: 'SCHEDULE', TaskStartTime: T0 + 99 }));
    assert.equal((await store().updateTaskSettings(ACC_A, task.id, future, T0 + 20))?.scheduledStartAt, T0 + 99);
  });
}
