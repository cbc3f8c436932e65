/**
 * The robot-task half of the Store contract: robot tasks read back joined with their campaign task, scoped by account
 * and product; the list filters; the number cap reserved atomically; schedule, unschedule and delete guarded by the
 * engine state; and the call list of latest ended attempts with their dialogs.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TaskRecord } from '../../src/core/campaigns/campaign-records.js';
import { newTaskRecord } from '../../src/core/campaigns/new-task.js';
import { parseRobotTaskConfig, robotTaskSettings } from '../../src/core/robot-tasks/robot-task-settings.js';
import { engineConditionsOf } from '../../src/core/robot-tasks/robot-task-status.js';
import type { RobotTaskRecord } from '../../src/ports/robot-task-store.js';
import type { Store } from '../../src/ports/store.js';
import { createTask as createAiccsTask, idSource, recipients } from './campaign-fixtures.js';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const A = 'rt-acc-a';
const B = 'rt-acc-b';
const PAGE = { pageNo: 1, pageSize: 10 };
const ROBOT = '900000000000000001';

/** Creates a robot task of `accountId` (campaign task + robot_tasks row) named `name`, created at `at`. */
async function robotTask(store: Store, id: string, accountId: string, name: string, at = T0): Promise<{ task: TaskRecord; record: RobotTaskRecord }> {
  const config = parseRobotTaskConfig({ TaskName: name, DialogId: ROBOT, Caller: '057100000001', NumberStatusIdent: true, RetryType: 1, RecallStateCodes: '200003' });
  const task = newTaskRecord(id, accountId, robotTaskSettings(id, config, 'Asia/Shanghai'), at, { product: 'robot-task', flow: { kind: 'robot', robotId: ROBOT } });
  const record: RobotTaskRecord = {
    taskId: id, accountId, taskName: name, dialogId: ROBOT, robotName: '旧名', corpName: '公司', caller: '057100000001', numberStatusIdent: true,
    retryType: 1, recallStateCodes: '200003', recallTimes: 1, recallInterval: 5, isSelfLine: false, scheduleType: 'SINGLE', numberCount: 0, createdAt: at,
  };
  await store.insertRobotTask(task, record);
  return { task, record };
}

/** Registers the robot-task tests for one adapter. */
export function robotTaskContract(openFreshStore: FreshStoreFactory): void {
  describe('robot tasks', () => {
    const store = useMigratedStore(openFreshStore);
    const ids = idSource(41);
    before(async () => {
      await store().insertAccount(account(A));
      await store().insertAccount(account(B));
      await store().insertRobot({ id: ROBOT, accountId: A, name: '回访', script: '{}', version: 1, createdAt: T0, updatedAt: T0 });
    });

    test('a robot task reads back with its campaign task, for its own account only; other products are absent', async () => {
      const { record } = await robotTask(store(), '700000000000000001', A, '回访一');
      const view = await store().getRobotTask(A, record.taskId);
      assert.deepEqual(view?.robotTask, record);
      assert.deepEqual([view?.task.product, view?.task.status, view?.task.flow, view?.currentRobotName], ['robot-task', 'INIT', { kind: 'robot', robotId: ROBOT }, '回访']);
      assert.equal(typeof view?.robotTask.createdAt, 'number');
      assert.equal(await store().getRobotTask(B, record.taskId), undefined);
      const aiccs = await createAiccsTask(store(), ids, A, 'aiccs task');
      assert.equal(await store().getRobotTask(A, aiccs.id), undefined);
    });

    test('the list filters by name, engine state and creation time, newest first', async () => {
      await robotTask(store(), '700000000000000010', B, '催收 一', T0 + 10);
      const running = await robotTask(store(), '700000000000000011', B, '催收 二', T0 + 20);
      await robotTask(store(), '700000000000000012', B, '回访', T0 + 30);
      await store().changeTaskStatus(B, running.task.id, 'start', T0 + 40);
      const all = await store().pageRobotTasks(B, {}, { pageNo: 1, pageSize: 2 });
      assert.deepEqual([all.total, all.items.map((v) => v.robotTask.taskName)], [3, ['回访', '催收 二']]);
      assert.deepEqual((await store().pageRobotTasks(B, { name: '催收' }, PAGE)).items.map((v) => v.robotTask.taskName), ['催收 二', '催收 一']);
      assert.deepEqual((await store().pageRobotTasks(B, { conditions: engineConditionsOf(['EXCUTING']) }, PAGE)).items.map((v) => v.task.id), [running.task.id]);
      assert.equal((await store().pageRobotTasks(B, { conditions: engineConditionsOf(['INIT']) }, PAGE)).total, 2);
      assert.equal((await store().pageRobotTasks(B, { conditions: [] }, PAGE)).total, 0);
      assert.equal((await store().pageRobotTasks(B, { createdFrom: T0 + 15, createdTo: T0 + 30 }, PAGE)).total, 1);
      assert.equal((await store().pageRobotTasks(A, { name: '催收' }, PAGE)).total, 0);
    });

    test('the number cap is reserved atomically and given back; stored numbers are found', async () => {
      const { task } = await robotTask(store(), '700000000000000020', A, 'cap');
      assert.equal(await store().reserveRobotTaskNumbers(A, task.id, 3, 4), true);
      assert.equal(await store().reserveRobotTaskNumbers(A, task.id, 2, 4), false);
      assert.equal(await store().reserveRobotTaskNumbers(B, task.id, 1, 4), false, 'another account reserves nothing');
      const racing = await Promise.all([1, 2, 3].map(() => store().reserveRobotTaskNumbers(A, task.id, 1, 4)));
      assert.deepEqual(racing.filter(Boolean).length, 1, 'one of three racing reservations fits');
      await store().releaseRobotTaskNumbers(A, task.id, 2);
      assert.equal((await store().getRobotTask(A, task.id))?.robotTask.numberCount, 2);
      const details = recipients(ids, 2);
      await store().importDetails({ accountId: A, taskId: task.id, batchId: ids.next(), encryptionType: 0, details, at: T0 + 5 });
      assert.deepEqual([...await store().findRobotTaskNumbers(A, task.id, [details[0]!.number, '13999999999'])], [details[0]!.number]);
      assert.deepEqual((await store().listRobotTaskUploads(A, task.id)).map((u) => u.rowCount), [2]);
    });

    test('schedule and unschedule only in INIT; delete only in a deletable state, then the task is gone and cancelled', async () => {
      const { task } = await robotTask(store(), '700000000000000030', A, 'schedule');
      assert.equal(await store().unscheduleRobotTask(A, task.id, T0), false, 'nothing to unschedule');
      assert.equal(await store().scheduleRobotTask(B, task.id, T0 + 9000, T0), false);
      assert.equal(await store().scheduleRobotTask(A, task.id, T0 + 9000, T0), true);
      const ready = await store().getRobotTask(A, task.id);
      assert.deepEqual([ready?.task.scheduledStartAt, ready?.robotTask.scheduleType], [T0 + 9000, 'ORDER']);
      assert.deepEqual((await store().listDueScheduledTasks(T0 + 9000)).map((t) => t.id).includes(task.id), true, 'the engine will start it');
      const deletable = engineConditionsOf(['INIT', 'FINISH', 'CANCEL']);
      assert.equal(await store().deleteRobotTask(A, task.id, deletable, T0), false, 'a READY task is not deletable');
      assert.equal(await store().unscheduleRobotTask(A, task.id, T0), true);
      assert.equal((await store().getRobotTask(A, task.id))?.task.scheduledStartAt, null);
      await store().changeTaskStatus(A, task.id, 'start', T0 + 1);
      assert.equal(await store().scheduleRobotTask(A, task.id, T0 + 9000, T0), false, 'a started task cannot be scheduled');
      assert.equal(await store().deleteRobotTask(A, task.id, deletable, T0), false, 'a running task is not deletable');
      await store().changeTaskStatus(A, task.id, 'cancel', T0 + 2);
      assert.equal(await store().deleteRobotTask(B, task.id, deletable, T0), false);
      assert.equal(await store().deleteRobotTask(A, task.id, deletable, T0 + 3), true);
      assert.equal(await store().getRobotTask(A, task.id), undefined);
      assert.equal((await store().getTask(A, task.id))?.status, 'CANCELLED');
      assert.equal(await store().deleteRobotTask(A, task.id, deletable, T0 + 4), false, 'deleted once');
      assert.equal(await store().reserveRobotTaskNumbers(A, task.id, 1, 10), false, 'a deleted task takes no numbers');
      const init = await robotTask(store(), '700000000000000031', A, 'delete at once');
      assert.equal(await store().deleteRobotTask(A, init.task.id, deletable, T0), true);
      assert.equal((await store().getTask(A, init.task.id))?.status, 'CANCELLED', 'nothing can start it any more');
    });

    test('the call list holds the latest ended attempt per callee with its dialog, filtered; a call is found by callee and day', async () => {
      const { task } = await robotTask(store(), '700000000000000040', A, 'calls');
      const details = recipients(ids, 2, 50);
      await store().importDetails({ accountId: A, taskId: task.id, batchId: ids.next(), encryptionType: 0, details, at: T0 });
      await store().changeTaskStatus(A, task.id, 'start', T0);
      const claimAt = async (at: number) => store().claimDueDetails({ taskId: task.id, now: at, limit: 10, leaseOwner: 'd', leaseMs: 60_000, ids });
      const first = await claimAt(T0 + 1000);
      assert.equal(first.length, 2);
      const [busy, talk] = [first.find((c) => c.detail.id === details[0]!.id)!, first.find((c) => c.detail.id === details[1]!.id)!];
      await store().completeAttempt({ attemptId: busy.attempt.id, outcome: { callResult: 'NO_ANSWER', endedAt: T0 + 2000 }, next: { state: 2, dueAt: T0 + 5000 } });
      const turns = [{ role: 'assistant' as const, content: '您好', at: 0 }, { role: 'user' as const, content: '好的', at: 900 }];
      const analysis = { summary: 's', majorIntent: '有意向', tags: [{ name: '意向', value: '同意' }], turnCount: 1, analyzedBy: 'rules' as const };
      await store().completeAttempt({
        attemptId: talk.attempt.id, next: { state: 4 },
        outcome: { callResult: 'ANSWERED', answerAt: T0 + 1500, durationSeconds: 30, hangupDirection: 'robot', conversationTurnCount: 1, majorIntent: '有意向', endedAt: T0 + 3000 },
        dialog: { callId: talk.attempt.callId, accountId: A, taskId: task.id, detailId: talk.detail.id, attemptId: talk.attempt.id, turns, analysis, createdAt: T0 + 3000 },
      });
      const retry = await claimAt(T0 + 6000);
      assert.deepEqual(retry.map((c) => c.detail.id), [busy.detail.id]);
      // While the retry is in progress, the list shows the first attempt's outcome.
      assert.deepEqual((await store().pageRobotTaskCalls(A, task.id, { called: busy.detail.number }, PAGE)).items.map((c) => c.attempt.attemptNumber), [1]);
      await store().completeAttempt({ attemptId: retry[0]!.attempt.id, outcome: { callResult: 'USER_BUSY', endedAt: T0 + 7000 }, next: { state: 4 } });

      const all = await store().pageRobotTaskCalls(A, task.id, {}, PAGE);
      assert.deepEqual(all.items.map((c) => [c.detail.number, c.attempt.attemptNumber, c.attempt.callResult]), [[busy.detail.number, 2, 'USER_BUSY'], [talk.detail.number, 1, 'ANSWERED']]);
      const answered = all.items[1]!;
      assert.deepEqual(answered.dialog, { turns, analysis });
      assert.equal(all.items[0]!.dialog, undefined);
      const only = async (filter: Parameters<Store['pageRobotTaskCalls']>[2]) => (await store().pageRobotTaskCalls(A, task.id, filter, PAGE)).items.map((c) => c.detail.number);
      assert.deepEqual(await only({ callResults: ['USER_BUSY'] }), [busy.detail.number]);
      assert.deepEqual(await only({ minDuration: 10, maxDialogCount: 1, hangupDirection: 'robot' }), [talk.detail.number]);
      assert.deepEqual(await only({ minDialogCount: 2 }), []);
      assert.deepEqual(await only({ callResults: [] }), []);
      assert.equal((await store().pageRobotTaskCalls(B, task.id, {}, PAGE)).total, 0);

      const found = await store().findRobotTaskCall(A, task.id, busy.detail.number, T0, T0 + 86_400_000);
      assert.equal(found?.attempt.attemptNumber, 2, 'the latest call of the day');
      assert.equal((await store().findRobotTaskCall(A, task.id, busy.detail.number, T0, T0 + 2000))?.attempt.attemptNumber, 1);
      assert.equal(await store().findRobotTaskCall(A, task.id, busy.detail.number, T0 + 86_400_000, T0 + 2 * 86_400_000), undefined);
      assert.equal(await store().findRobotTaskCall(B, task.id, busy.detail.number, T0, T0 + 86_400_000), undefined);
    });
  });
}
