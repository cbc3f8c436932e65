// dyvms robot tasks through the official clients, without a dialer: CreateRobotTask with a robot, numbers and their
// TtsParam variables uploaded in batches, the doc's status rules (start, schedule and unschedule, stop and resume,
// terminate, delete), the list and detail shapes (Data as JSON text), bad input naming the parameter, another
// account's task (and an aiccs task) reading as unknown, the 300,000-number cap, and the XML format.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatDateTime } from '../../src/core/local-time.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { CLIENTS, createTask as createAiccsTask, otherTenant } from './aiccs-kit.js';
import {
  CALLER, createTask, dyvms, dyvmsData, dyvmsRefused, invalidParam, robotFor, statusOf, taskParams, xmlCall,
} from './robot-task-kit.js';

const HEAD = JSON.stringify(['name', 'company']);

describe('dyvms robot tasks', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { throttling: false } });
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: create, upload with TtsParam, read back the list and the detail`, async () => {
      const t = await otherTenant(server, `rt ${client}`);
      const dialogId = await robotFor(client, t);
      const taskId = await createTask(client, t, dialogId, { CorpName: '某某公司', RetryType: 1, RecallStateCodes: '200003,200002', RecallTimes: 2, RecallInterval: 5 });
      const upload = await dyvms(client, t, 'UploadRobotTaskCalledFile', {
        Id: taskId, CalledNumber: '13800010000,13800020000,13800030000', TtsParamHead: HEAD,
        TtsParam: JSON.stringify([{ number: 'all', params: ['客户', '某某银行'] }, { number: '13800020000', params: ['李女士', '某某保险'] }]),
      });
      assert.equal(upload.Data, taskId, 'Data is the task id');
      // A second batch; a number already uploaded is not added twice.
      await dyvms(client, t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13800030000,13800040000' });

      const vars = await server.app.store.pageDetails(t.accountId, taskId, {}, { pageNo: 1, pageSize: 10 });
      const byNumber = Object.fromEntries(vars.items.map((d) => [d.number, d.variables]));
      assert.deepEqual(byNumber, {
        '13800010000': { name: '客户', company: '某某银行' }, '13800020000': { name: '李女士', company: '某某保险' },
        '13800030000': { name: '客户', company: '某某银行' }, '13800040000': {},
      });

      const detail = await dyvmsData(client, t, 'QueryRobotTaskDetail', { Id: taskId });
      assert.deepEqual({ ...detail, createTime: '', called: [] }, {
        id: taskId, taskName: '回访任务', robotId: dialogId, robotName: '回访', status: 'INIT', scheduleType: 'SINGLE', createTime: '',
        completeTime: '', fireTime: '', totalCount: 4, finishCount: 0, corpName: '某某公司', caller: CALLER, numberStatusIdent: true,
        retryType: 1, recallStateCodes: '200002,200003', recallTimes: 2, recallInterval: 5, isSelfLine: false, called: [],
      });
      assert.match(String(detail.createTime), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      assert.deepEqual((detail.called as { count: number; ossFilePath: string }[]).map((c) => [c.count, c.ossFilePath]), [[3, ''], [1, '']]);

      const list = await dyvms(client, t, 'QueryRobotTaskList', { PageNo: 1, PageSize: 10 });
      assert.deepEqual([list.PageNo, list.PageSize, list.TotalCount], ['1', '10', '1'], 'paging fields are strings');
      const [item] = JSON.parse(String(list.Data)) as Record<string, unknown>[];
      assert.deepEqual([item?.id, item?.status, item?.totalCount, item?.robotName], [taskId, 'INIT', 4, '回访']);
      assert.match(String(item?.createTime), /^\d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d$/, 'the list writes yyyy.MM.dd');
      const today = formatDateTime(Date.now(), 'Asia/Shanghai').slice(0, 10);
      assert.equal((await dyvms(client, t, 'QueryRobotTaskList', { Time: today, TaskName: '回访', Status: 'INIT' })).TotalCount, '1');
      assert.equal((await dyvms(client, t, 'QueryRobotTaskList', { Status: 'EXCUTING' })).TotalCount, '0');
      assert.equal((await dyvms(client, t, 'QueryRobotTaskList', { Time: '2019-06-14' })).TotalCount, '0');
    });

    test(`${client}: start, stop and resume, terminate, delete follow the doc's rules`, async () => {
      const t = await otherTenant(server, `rt rules ${client}`);
      const dialogId = await robotFor(client, t);
      const taskId = await createTask(client, t, dialogId);
      await dyvmsRefused(client, t, 'StartRobotTask', { TaskId: taskId }, 'IncorrectStatus', 400, /no numbers; upload them with UploadRobotTaskCalledFile/);
      await dyvmsRefused(client, t, 'StopRobotTask', { TaskId: taskId }, 'IncorrectStatus', 400, /StopRobotTask refused: task \d+ is INIT .*allowed when the task is DISPATCH or EXCUTING/);
      await dyvmsRefused(client, t, 'CancelRobotTask', { TaskId: taskId }, 'IncorrectStatus', 400, /has not started/);
      await dyvmsRefused(client, t, 'CancelOrderRobotTask', { TaskId: taskId }, 'IncorrectStatus', 400, /CancelOrderRobotTask is allowed when the task is READY/);
      await dyvms(client, t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13900010000' });

      assert.equal((await dyvms(client, t, 'StartRobotTask', { TaskId: taskId })).Data, true, 'Data true, as the doc\'s JSON example');
      assert.equal(await statusOf(client, t, taskId), 'EXCUTING');
      await dyvmsRefused(client, t, 'StartRobotTask', { TaskId: taskId }, 'IncorrectStatus', 400, /already executing/);
      await dyvmsRefused(client, t, 'DeleteRobotTask', { TaskId: taskId }, 'IncorrectStatus', 400, /DeleteRobotTask is allowed when the task is INIT, CANCEL, SYSTEM_CANCEL or FINISH/);
      await dyvms(client, t, 'StopRobotTask', { TaskId: taskId });
      assert.equal(await statusOf(client, t, taskId), 'MANUAL_STOP');
      await dyvmsRefused(client, t, 'StartRobotTask', { TaskId: taskId, ScheduleTime: '2099-01-01 08:00:00' }, 'IncorrectStatus', 400, /resumes at once/);
      await dyvms(client, t, 'StartRobotTask', { TaskId: taskId });
      assert.equal(await statusOf(client, t, taskId), 'EXCUTING', 'a paused task resumes');
      await dyvms(client, t, 'CancelRobotTask', { TaskId: taskId });
      assert.equal(await statusOf(client, t, taskId), 'CANCEL');
      await dyvmsRefused(client, t, 'StartRobotTask', { TaskId: taskId }, 'IncorrectStatus', 400, /terminated task never runs/);
      await dyvmsRefused(client, t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13900020000' }, 'IncorrectStatus', 400, /task \d+ is CANCEL/);
      await dyvms(client, t, 'DeleteRobotTask', { TaskId: taskId });
      await dyvmsRefused(client, t, 'QueryRobotTaskDetail', { Id: taskId }, 'InvalidId.NotFound', 404, new RegExp(`"${taskId}" does not exist`));
      assert.equal((await dyvms(client, t, 'QueryRobotTaskList', {})).TotalCount, '0');

      const fresh = await createTask(client, t, dialogId);
      await dyvms(client, t, 'DeleteRobotTask', { TaskId: fresh });
      await dyvmsRefused(client, t, 'StartRobotTask', { TaskId: fresh }, 'InvalidTaskId.NotFound', 404);
    });

    test(`${client}: ScheduleTime schedules (READY, ORDER); CancelOrderRobotTask unschedules`, async () => {
      const t = await otherTenant(server, `rt schedule ${client}`);
      const taskId = await createTask(client, t, await robotFor(client, t));
      await dyvms(client, t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13900010000' });
      await invalidParam(client, t, 'StartRobotTask', { TaskId: taskId, ScheduleTime: '2019-06-14 14:55:23' }, 'ScheduleTime', /has passed/);
      await invalidParam(client, t, 'StartRobotTask', { TaskId: taskId, ScheduleTime: '2099/01/01' }, 'ScheduleTime', /yyyy-MM-dd HH:mm:ss/);
      await dyvms(client, t, 'StartRobotTask', { TaskId: taskId, ScheduleTime: '2099-01-01 08:00:00' });
      const ready = await dyvmsData(client, t, 'QueryRobotTaskDetail', { Id: taskId });
      assert.deepEqual([ready.status, ready.scheduleType, ready.fireTime], ['READY', 'ORDER', '2099-01-01 08:00:00']);
      assert.equal((await dyvms(client, t, 'QueryRobotTaskList', { Status: 'READY' })).TotalCount, '1');
      await dyvmsRefused(client, t, 'DeleteRobotTask', { TaskId: taskId }, 'IncorrectStatus', 400, /CancelOrderRobotTask first/);
      await dyvms(client, t, 'StartRobotTask', { TaskId: taskId, ScheduleTime: '2099-02-01 08:00:00' });
      assert.equal((await dyvmsData(client, t, 'QueryRobotTaskDetail', { Id: taskId })).fireTime, '2099-02-01 08:00:00', 'rescheduled');
      await dyvms(client, t, 'CancelOrderRobotTask', { TaskId: taskId });
      const init = await dyvmsData(client, t, 'QueryRobotTaskDetail', { Id: taskId });
      assert.deepEqual([init.status, init.fireTime], ['INIT', '']);
      assert.equal((await server.app.store.getTask(t.accountId, taskId))?.scheduledStartAt, null, 'the engine will not start it');
      await dyvms(client, t, 'DeleteRobotTask', { TaskId: taskId });
    });

    test(`${client}: bad input is refused naming the parameter; unknown robots and other accounts' tasks are not found`, async () => {
      const t = await otherTenant(server, `rt bad ${client}`);
      const dialogId = await robotFor(client, t);
      await dyvmsRefused(client, t, 'CreateRobotTask', taskParams('1234567890123456789'), 'InvalidDialogId.NotFound', 404, /"1234567890123456789" does not exist/);
      await invalidParam(client, t, 'CreateRobotTask', taskParams(dialogId, { Caller: '057100000000' }), 'Caller', /AddCallerNumber/);
      await createTask(client, t, dialogId, { Caller: '057100000000', IsSelfLine: true });
      await invalidParam(client, t, 'CreateRobotTask', taskParams(dialogId, { Caller: '0571-abc' }), 'Caller');
      await invalidParam(client, t, 'CreateRobotTask', taskParams(dialogId, { RecallStateCodes: '200010,200999' }), 'RecallStateCodes', /"200999" is not one of/);
      await invalidParam(client, t, 'CreateRobotTask', taskParams(dialogId, { RecallInterval: 1 }), 'RecallInterval');
      await invalidParam(client, t, 'CreateRobotTask', taskParams(dialogId, { RetryType: 2 }), 'RetryType');
      await invalidParam(client, t, 'CreateRobotTask', taskParams(dialogId, { TaskName: 'x'.repeat(31) }), 'TaskName');
      await dyvmsRefused(client, t, 'CreateRobotTask', { DialogId: dialogId, Caller: CALLER, NumberStatusIdent: true, RetryType: 0 }, 'MissingTaskName', 400);

      const taskId = await createTask(client, t, dialogId);
      const upload = (extra: Record<string, unknown>) => ({ Id: taskId, CalledNumber: '13800010000,13800020000', ...extra });
      await invalidParam(client, t, 'UploadRobotTaskCalledFile', upload({ CalledNumber: '1380001****' }), 'CalledNumber', /not a phone number/);
      await invalidParam(client, t, 'UploadRobotTaskCalledFile', upload({ TtsParam: '[]' }), 'TtsParamHead', /required with TtsParam/);
      await invalidParam(client, t, 'UploadRobotTaskCalledFile', upload({ TtsParamHead: HEAD, TtsParam: '{"number"' }), 'TtsParam', /JSON array/);
      await invalidParam(client, t, 'UploadRobotTaskCalledFile', upload({ TtsParamHead: HEAD, TtsParam: '[{"number":"all","params":["a"]}]' }), 'TtsParam',
        /TtsParam\[0\]\.params must be a list of 2 values/);
      await invalidParam(client, t, 'UploadRobotTaskCalledFile', upload({ TtsParamHead: HEAD, TtsParam: '[{"number":"13999999999","params":["a","b"]}]' }), 'TtsParam',
        /not in CalledNumber/);
      await invalidParam(client, t, 'UploadRobotTaskCalledFile', upload({ TtsParamHead: '["a","a"]', TtsParam: '[]' }), 'TtsParamHead', /listed twice/);
      await invalidParam(client, t, 'QueryRobotTaskList', { PageSize: 101 }, 'PageSize');
      await invalidParam(client, t, 'QueryRobotTaskList', { Time: '2019-13-01' }, 'Time');
      await invalidParam(client, t, 'QueryRobotTaskCallList', { TaskId: taskId, CallResult: '123' }, 'CallResult');
      await invalidParam(client, t, 'QueryRobotTaskCallList', { TaskId: taskId, DurationFrom: '9', DurationTo: '3' }, 'DurationTo');
      await dyvmsRefused(client, t, 'CancelRobotTask', {}, 'MissingTaskId', 400);
      const stored = await server.app.store.pageDetails(t.accountId, taskId, {}, { pageNo: 1, pageSize: 10 });
      assert.equal(stored.total, 0, 'a refused upload stores nothing');

      const stranger = await otherTenant(server, `rt stranger ${client}`);
      for (const [action, params, param] of [
        ['QueryRobotTaskDetail', { Id: taskId }, 'Id'], ['UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13800010000' }, 'Id'],
        ['StartRobotTask', { TaskId: taskId }, 'TaskId'], ['DeleteRobotTask', { TaskId: taskId }, 'TaskId'],
        ['QueryRobotTaskCallList', { TaskId: taskId }, 'TaskId'], ['QueryRobotTaskCallDetail', { TaskId: taskId, Callee: '13800010000', QueryDate: Date.now() }, 'TaskId'],
      ] as const) {
        await dyvmsRefused(client, stranger, action, params, `Invalid${param}.NotFound`, 404);
      }
      assert.equal((await dyvms(client, stranger, 'QueryRobotTaskList', {})).TotalCount, '0');
      assert.equal(await statusOf(client, t, taskId), 'INIT', 'the owner still has it');
      const aiccsTask = await createAiccsTask(t, `aiccs ${client}`);
      await dyvmsRefused(client, t, 'QueryRobotTaskDetail', { Id: aiccsTask }, 'InvalidId.NotFound', 404);
      await dyvmsRefused(client, t, 'StopRobotTask', { TaskId: aiccsTask }, 'InvalidTaskId.NotFound', 404);
    });
  }

  test('numbers beyond 300,000 per task are refused, in one upload or over several', async () => {
    const t = await otherTenant(server, 'rt cap');
    const taskId = await createTask('pop-core V1', t, await robotFor('pop-core V1', t));
    const numbers = (from: number, n: number) => Array.from({ length: n }, (_, i) => `1${String(from + i).padStart(10, '0')}`).join(',');
    await invalidParam('pop-core V1', t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: numbers(0, 300_001) }, 'CalledNumber', /at most 300000/);
    for (let from = 0; from < 300_000; from += 100_000) {
      await dyvms('pop-core V1', t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: numbers(from, 100_000) });
    }
    await dyvms('pop-core V1', t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: numbers(0, 10) });
    await invalidParam('pop-core V1', t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: numbers(300_000, 1) }, 'CalledNumber',
      /would bring the task to 300001 numbers; a task takes at most 300000 \(it holds 300000\)/);
    assert.equal((await dyvmsData('pop-core V1', t, 'QueryRobotTaskDetail', { Id: taskId })).totalCount, 300_000);
  });

  test('XML: a V1 caller asking for XML gets the doc\'s XML, Data as JSON text, errors as <Error>', async () => {
    const t = await otherTenant(server, 'rt xml');
    const taskId = await createTask('pop-core V1', t, await robotFor('pop-core V1', t));
    const created = await xmlCall(server, t.key, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13800010000' });
    assert.equal(created.status, 200);
    assert.match(created.text, new RegExp(`^<\\?xml[^>]*\\?><UploadRobotTaskCalledFileResponse><RequestId>[0-9A-F-]{36}</RequestId><Code>OK</Code><Message>OK</Message><Data>${taskId}</Data></UploadRobotTaskCalledFileResponse>$`));
    const started = await xmlCall(server, t.key, 'StartRobotTask', { TaskId: taskId });
    assert.match(started.text, /<Data>true<\/Data><\/StartRobotTaskResponse>$/);
    const detail = await xmlCall(server, t.key, 'QueryRobotTaskDetail', { Id: taskId });
    assert.match(detail.text, /<Data>\{"id":"\d+","taskName":"回访任务",.*"status":"EXCUTING",.*\}<\/Data><\/QueryRobotTaskDetailResponse>$/);
    const refused = await xmlCall(server, t.key, 'DeleteRobotTask', { TaskId: taskId });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /<Error><RequestId>.*<Code>IncorrectStatus<\/Code><Message>DeleteRobotTask refused: task \d+ is EXCUTING/);
  });
});
