/**
 * The CallTask half of the Store contract: a CallTask reads back with its campaign task's state, only in its account
 * and only as a CallTask; the list filters and pages; TIMING's schedule is set only where the engine can start the
 * task; the callees list in the order given with INIT / SUCCESS / FAIL from their state and call outcome.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallTaskRecord } from '../../src/core/call-tasks/call-task.js';
import { callTaskSettings } from '../../src/core/call-tasks/call-task-settings.js';
import { newTaskRecord } from '../../src/core/campaigns/new-task.js';
import type { IdGenerator } from '../../src/core/ids.js';
import type { Store } from '../../src/ports/store.js';
import { idSource } from './campaign-fixtures.js';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const PAGE = { pageNo: 1, pageSize: 10 };
const CALLER = '057100000001';

/** A CallTask of `accountId` with its campaign task and callees (numbers in order), stored as CreateCallTask does. */
async function createCallTask(store: Store, ids: IdGenerator, accountId: string, id: string, numbers: string[], extra: Partial<CallTaskRecord> = {}): Promise<CallTaskRecord> {
  const at = T0 + Number(id);
  const flow = { kind: 'notify' as const, templateCode: 'TTS_100000001', media: 'tts' as const };
  const campaign = newTaskRecord(id, accountId, callTaskSettings(id, [CALLER], 'Asia/Shanghai'), at, { product: 'call-task', flow });
  const details = numbers.map((number) => ({ id: ids.next(), number, encryptionType: 0 as const, outId: null, variables: { name: `n${number}` } }));
  const record: CallTaskRecord = {
    id, accountId, taskName: `任务${id}`, bizType: 'VMS_VOICE_TTS', templateCode: 'TTS_100000001', templateName: '通知', resource: CALLER,
    dataType: 'LIST', calleeCount: numbers.length, createdAt: at, ...extra,
  };
  await store.insertCallTask(campaign, details, record);
  return record;
}

/** Calls every due callee of a running task, ending each with `results` in claim order (null: interrupted, failed). */
async function callAll(store: Store, ids: IdGenerator, taskId: string, results: ('ANSWERED' | 'USER_BUSY' | null)[]): Promise<void> {
  const claims = await store.claimDueDetails({ taskId, now: T0 + 10_000, limit: results.length, leaseOwner: 'w', leaseMs: 60_000, ids });
  for (const [i, claim] of claims.entries()) {
    const result = results[i];
    await store.markOriginated({ attemptId: claim.attempt.id, at: T0 + 10_001, callerNumber: CALLER, calleeKey: claim.detail.number });
    const outcome = { callResult: result ?? null, durationSeconds: result === 'ANSWERED' ? 42 : 0, endedAt: T0 + 20_000 };
    await store.completeAttempt({ attemptId: claim.attempt.id, outcome, next: { state: result === null ? 5 : 4 } });
  }
}

/** Registers the CallTask tests for one adapter. */
export function callTaskContract(openFreshStore: FreshStoreFactory): void {
  describe('call tasks', () => {
    const store = useMigratedStore(openFreshStore);
    const ids = idSource(77);
    before(async () => {
      for (const id of ['ct-a', 'ct-b']) await store().insertAccount(account(id));
    });

    test('a CallTask reads back with its campaign task, only in its account', async () => {
      const record = await createCallTask(store(), ids, 'ct-a', '1001', ['13900000001', '13900000002']);
      assert.deepEqual(await store().getCallTask('ct-a', '1001'), {
        ...record, engineStatus: 'INIT', realStartTime: null, scheduledStartAt: null, updatedAt: T0 + 1001,
      });
      assert.equal(await store().getCallTask('ct-b', '1001'), undefined);
      assert.equal(await store().getCallTask('ct-a', '9999'), undefined);
      await store().changeTaskStatus('ct-a', '1001', 'start', T0 + 5000);
      const running = await store().getCallTask('ct-a', '1001');
      assert.deepEqual([running?.engineStatus, running?.realStartTime, running?.updatedAt], ['RUNNING', T0 + 5000, T0 + 5000]);
    });

    test('creating a CallTask is all or nothing: a failing part leaves no campaign task and no callees', async () => {
      const first = await createCallTask(store(), ids, 'ct-a', '1002', ['13900000011']);
      // A second CallTask whose own row collides with the first (same id in call_tasks) after its campaign task and
      // callees were written: the whole creation must roll back.
      const campaign = newTaskRecord('1003', 'ct-a', callTaskSettings('1003', [CALLER], 'Asia/Shanghai'), T0, { product: 'call-task', flow: { kind: 'notify', templateCode: 'TTS_1', media: 'tts' } });
      const callees = [{ id: ids.next(), number: '13900000012', encryptionType: 0 as const, outId: null, variables: {} }];
      await assert.rejects(store().insertCallTask(campaign, callees, { ...first }));
      assert.equal(await store().getTask('ct-a', '1003'), undefined, 'no campaign task left behind');
      assert.equal((await store().pageDetails('ct-a', '1003', {}, { pageNo: 1, pageSize: 10 })).total, 0, 'no callees left behind');
      assert.equal((await store().getCallTask('ct-a', '1002'))?.calleeCount, 1, 'the first CallTask is untouched');
    });

    test('the list filters by name, template, type, id and status and pages newest first', async () => {
      await createCallTask(store(), ids, 'ct-b', '2001', ['13900000011'], { taskName: 'Spring Sale', templateName: 'A' });
      await createCallTask(store(), ids, 'ct-b', '2002', ['13900000012'], { taskName: 'spring_notice', bizType: 'VMS_TTS' });
      await createCallTask(store(), ids, 'ct-b', '2003', ['13900000013'], { taskName: 'autumn', templateName: 'A' });
      await store().changeTaskStatus('ct-b', '2003', 'cancel', T0 + 9000);
      const ids_ = async (filter: Parameters<Store['pageCallTasks']>[1], page = PAGE) => {
        const result = await store().pageCallTasks('ct-b', filter, page);
        return [result.total, result.items.map((t) => t.id)];
      };
      assert.deepEqual(await ids_({}), [3, ['2003', '2002', '2001']]);
      assert.deepEqual(await ids_({}, { pageNo: 2, pageSize: 2 }), [3, ['2001']]);
      assert.deepEqual(await ids_({ taskName: 'SPRING' }), [2, ['2002', '2001']]);
      assert.deepEqual(await ids_({ taskName: '_' }), [1, ['2002']], 'LIKE wildcards in the name match literally');
      assert.deepEqual(await ids_({ templateName: 'A' }), [2, ['2003', '2001']]);
      assert.deepEqual(await ids_({ bizType: 'VMS_TTS' }), [1, ['2002']]);
      assert.deepEqual(await ids_({ taskId: '2001' }), [1, ['2001']]);
      assert.deepEqual(await ids_({ engineStatuses: ['CANCELLED'] }), [1, ['2003']]);
      assert.deepEqual(await ids_({ engineStatuses: [] }), [0, []]);
      assert.deepEqual((await store().pageCallTasks('ct-a', { taskId: '2001' }, PAGE)).total, 0, "another account's task is not listed");
    });

    test('an aiccs task is not a CallTask', async () => {
      const aiccs = newTaskRecord('3001', 'ct-a', { ...callTaskSettings('3001', [CALLER], 'Asia/Shanghai'), name: 'aiccs one' }, T0);
      await store().insertTask(aiccs);
      assert.equal(await store().getCallTask('ct-a', '3001'), undefined);
      assert.equal(await store().scheduleCallTask('ct-a', '3001', T0 + 60_000, T0), undefined);
      assert.equal((await store().getTask('ct-a', '3001'))?.scheduledStartAt, null, 'the aiccs task was not scheduled');
    });

    test('TIMING sets the start the engine applies, only where the engine can start the task', async () => {
      await createCallTask(store(), ids, 'ct-a', '4001', ['13900000021']);
      const scheduled = await store().scheduleCallTask('ct-a', '4001', T0 + 60_000, T0 + 100);
      assert.deepEqual([scheduled?.engineStatus, scheduled?.scheduledStartAt], ['INIT', T0 + 60_000]);
      assert.ok(!(await store().listDueScheduledTasks(T0 + 59_999)).some((t) => t.id === '4001'));
      assert.ok((await store().listDueScheduledTasks(T0 + 60_000)).some((t) => t.id === '4001'), 'the engine sees the schedule');
      assert.equal(await store().scheduleCallTask('ct-b', '4001', T0 + 70_000, T0), undefined, "another account's task");
      await store().changeTaskStatus('ct-a', '4001', 'start', T0 + 200);
      assert.equal((await store().getCallTask('ct-a', '4001'))?.scheduledStartAt, null, 'starting uses the schedule up');
      await assert.rejects(store().scheduleCallTask('ct-a', '4001', T0 + 70_000, T0 + 300), { name: 'DomainError', code: 'InvalidState' });
      await store().changeTaskStatus('ct-a', '4001', 'stop', T0 + 400);
      assert.equal((await store().scheduleCallTask('ct-a', '4001', T0 + 80_000, T0 + 500))?.scheduledStartAt, T0 + 80_000, 'a stopped task can be scheduled to resume');
    });

    test('callees list in the order given, with INIT, SUCCESS and FAIL', async () => {
      const numbers = ['13900000033', '13900000031', '13900000032', '13900000034'];
      await createCallTask(store(), ids, 'ct-a', '5001', numbers);
      const before = await store().pageCallTaskItems('ct-a', '5001', {}, PAGE);
      assert.deepEqual(before.items.map((i) => [i.calledNum, i.status, i.caller, i.durationSeconds]), numbers.map((n) => [n, 'INIT', null, 0]));
      await store().changeTaskStatus('ct-a', '5001', 'start', T0 + 6000);
      await callAll(store(), ids, '5001', ['ANSWERED', 'USER_BUSY', null]);
      const items = await store().pageCallTaskItems('ct-a', '5001', {}, PAGE);
      assert.deepEqual(items.items.map((i) => [i.status, i.caller, i.durationSeconds]), [
        ['SUCCESS', CALLER, 42], ['FAIL', CALLER, 0], ['FAIL', CALLER, 0], ['INIT', null, 0],
      ]);
      const of = async (filter: Parameters<Store['pageCallTaskItems']>[2], page = PAGE) => {
        const result = await store().pageCallTaskItems('ct-a', '5001', filter, page);
        return [result.total, result.items.map((i) => i.calledNum)];
      };
      assert.deepEqual(await of({ status: 'SUCCESS' }), [1, ['13900000033']]);
      assert.deepEqual(await of({ status: 'FAIL' }), [2, ['13900000031', '13900000032']]);
      assert.deepEqual(await of({ status: 'INIT' }), [1, ['13900000034']]);
      assert.deepEqual(await of({ calledNum: '13900000032' }), [1, ['13900000032']]);
      assert.deepEqual(await of({}, { pageNo: 2, pageSize: 3 }), [4, ['13900000034']]);
      assert.deepEqual(await store().pageCallTaskItems('ct-b', '5001', {}, PAGE), { total: 0, items: [] }, "another account's callees");
    });
  });
}
