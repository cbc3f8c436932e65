// aiccs CreateAiCallTask, UpdateAiCallTask, StartAiCallTask, StopAiCallTask, QueryAiCallTaskPage and
// QueryAiCallTaskDetail through openapi-core (V3, the generated SDKs' core) and pop-core (V1): exact response shapes,
// bad input, and the state rules. The dialer does not run in this server, so outcomes are asserted on stored state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import {
  ALL_DAYS, CLIENTS, assertOk, createTask, data, defaultTenant, expectError, exactId, importRows, rows, storedStatus,
  taskParams, via, viaCore, viaPop, type Tenant,
} from './aiccs-kit.js';

const HOUR = 3_600_000;

describe('aiccs task actions through the official clients', () => {
  let server: TestServer;
  let t: Tenant;
  before(async () => {
    server = await startTestServer();
    t = defaultTenant(server);
  });
  after(() => server.stop());

  /** QueryAiCallTaskPage's entry for one task, found by its exact name. */
  async function listed(name: string): Promise<Record<string, unknown>> {
    const page = data(await viaCore(t, 'QueryAiCallTaskPage', { TaskName: name }));
    const list = page.List as Record<string, unknown>[];
    const entry = list.find((e) => e.TaskName === name);
    assert.ok(entry, `QueryAiCallTaskPage lists ${name}`);
    return entry;
  }

  test('openapi-core V3: CreateAiCallTask answers Code OK and the TaskId as an int64 number; IMMEDIATE runs at once', async () => {
    const body = assertOk(await viaCore(t, 'CreateAiCallTask', taskParams('core create')));
    assert.deepEqual(Object.keys(body).sort(), ['Code', 'Data', 'Message', 'RequestId', 'Success']);
    assert.equal(typeof body.Data, 'number', 'Data is typed int64; JSON.parse reads it as a number');
    const entry = await listed('core create');
    assert.equal(typeof entry.TaskId, 'string');
    assert.equal(Number(entry.TaskId), body.Data, 'the number is the TaskId (rounded by JSON.parse past 2^53)');
    assert.equal(await storedStatus(server.app.store, t.accountId, String(entry.TaskId)), 'RUNNING');
    assert.equal(entry.Status, 1);
  });

  for (const method of ['POST', 'GET'] as const) {
    test(`pop-core V1 ${method}: CreateAiCallTask's TaskId arrives with every digit; SCHEDULE waits in INIT`, async () => {
      const at = Date.now() + 2 * HOUR;
      const body = assertOk(await viaPop(t, 'CreateAiCallTask', taskParams(`pop ${method}`, { StartType: 'SCHEDULE', TaskStartTime: at }), method));
      const taskId = exactId(body.Data);
      assert.equal(await storedStatus(server.app.store, t.accountId, taskId), 'INIT');
      const detail = data(await viaPop(t, 'QueryAiCallTaskDetail', { TaskId: taskId }, method));
      assert.equal(detail.TaskId, taskId);
      assert.equal(detail.StartType, 'SCHEDULE');
      assert.equal(Number(detail.StartTime), at);
      assert.equal(detail.RealStartTime, undefined, 'a task that never ran has no RealStartTime');
    });
  }

  test('pop-core flattening the lists (CallTime.1, CallDay.1, ...) instead of shrinking them works the same', async () => {
    const body = assertOk(await t.pop.request('CreateAiCallTask', taskParams('flattened', { CallDay: ['SUNDAY', 'MONDAY'], CallRetryReason: ['USER_BUSY'] }), 'POST'));
    const task = await server.app.store.getTask(t.accountId, exactId(body.Data));
    assert.deepEqual([task?.settings.callDays, task?.settings.retry.reasons, task?.settings.callTime.raw], [['MONDAY', 'SUNDAY'], ['USER_BUSY'], ['{"startTime":"00:00:00","endTime":"24:00:00"}']]);
  });

  test('QueryAiCallTaskDetail echoes every setting with the documented names and types', async () => {
    const agentId = (await server.app.agents.voiceAgents.create(t.accountId, { name: 'Agent Seven' })).id;
    const taskId = await createTask(t, 'full settings', {
      AgentId: agentId, VirtualNumber: '05710000001', MissCallRetry: true, CallRetryReason: ['USER_BUSY', 'NO_ANSWER'],
      CallRetryTimes: 3, CallRetryInterval: 600, TaskCps: 75, CallDay: ['SATURDAY', 'MONDAY'], PhoneType: 2,
      CallTime: ['{"startTime":"09:00:00","endTime":"12:00:00"}', '{"startTime":"22:00:00","endTime":"02:00:00"}'],
      ApplicationCode: 'app-1', LineEncoding: 'enc', LinePhoneNum: '0571999',
    });
    const d = data(await viaCore(t, 'QueryAiCallTaskDetail', { TaskId: taskId }));
    const created = Number((await server.app.store.getTask(t.accountId, taskId))?.createdAt);
    assert.deepEqual(d, {
      TaskId: taskId, TaskName: 'full settings', AgentId: agentId, AgentName: 'Agent Seven', ApplicationCode: 'app-1',
      StartType: 'IMMEDIATE', StartTime: created, RealStartTime: created, ConcurrentCount: 75, CallerNumber: '05710000001',
      LinePhoneNum: '0571999', LineEncoding: 'enc', PhoneType: 2,
      CallTimes: [{ StartTime: '09:00:00', EndTime: '12:00:00' }, { StartTime: '22:00:00', EndTime: '02:00:00' }],
      CallDays: ['MONDAY', 'SATURDAY'], RetryEnable: true, RetryReasons: ['USER_BUSY', 'NO_ANSWER'], RetryCount: 3, RetryInterval: 600,
    });
  });

  test("waihu's extensions TimeZone, CallerNumbers and Concurrency are stored; the catalog's parameters are unchanged", async () => {
    const taskId = await createTask(t, 'extensions', { TimeZone: 'Europe/Berlin', CallerNumbers: ['0571001', '0571002'], Concurrency: 4 });
    const task = await server.app.store.getTask(t.accountId, taskId);
    assert.deepEqual([task?.settings.timeZone, task?.settings.callerNumbers, task?.settings.concurrency], ['Europe/Berlin', ['0571001', '0571002'], 4]);
    await expectError('pop-core V1', t, 'CreateAiCallTask', taskParams('bad zone', { TimeZone: 'Mars/Olympus' }), { code: 'InvalidParameter', status: 400, message: /TimeZone/ });
  });

  for (const client of CLIENTS) {
    test(`${client}: bad CreateAiCallTask input is refused with the parameter named`, async () => {
      const bad = (extra: Record<string, unknown>) => taskParams(`bad ${client}`, extra);
      const { TaskName: _n, ...noName } = taskParams('x');
      await expectError(client, t, 'CreateAiCallTask', noName, { code: 'MissingTaskName', status: 400 });
      const { CallTime: _c, ...noCallTime } = taskParams('x');
      await expectError(client, t, 'CreateAiCallTask', noCallTime, { code: 'MissingCallTime', status: 400 });
      await expectError(client, t, 'CreateAiCallTask', bad({ StartType: 'LATER' }), { code: 'InvalidParameter', status: 400, message: /StartType.*IMMEDIATE or SCHEDULE/ });
      await expectError(client, t, 'CreateAiCallTask', bad({ StartType: 'SCHEDULE' }), { code: 'InvalidParameter', status: 400, message: /TaskStartTime is required/ });
      await expectError(client, t, 'CreateAiCallTask', bad({ CallDay: ['MONDAY', 'FUNDAY'] }), { code: 'InvalidParameter', status: 400, message: /CallDay\[1\] "FUNDAY"/ });
      await expectError(client, t, 'CreateAiCallTask', bad({ CallRetryReason: ['BORED'] }), { code: 'InvalidParameter', status: 400, message: /CallRetryReason/ });
      await expectError(client, t, 'CreateAiCallTask', bad({ CallRetryTimes: 4 }), { code: 'InvalidParameter', status: 400, message: /CallRetryTimes must be between 0 and 3/ });
      await expectError(client, t, 'CreateAiCallTask', bad({ CallRetryInterval: 721 }), { code: 'InvalidParameter', status: 400, message: /CallRetryInterval/ });
      await expectError(client, t, 'CreateAiCallTask', bad({ TaskCps: 501 }), { code: 'InvalidParameter', status: 400, message: /TaskCps must be between 1 and 500/ });
      await expectError(client, t, 'CreateAiCallTask', bad({ MissCallRetry: 'perhaps' }), { code: 'InvalidParameter', status: 400, message: /MissCallRetry/ });
    });

    test(`${client}: bad CallTime JSON is refused naming CallTime and the item`, async () => {
      const bad = (callTime: unknown) => ({ ...taskParams(`bad time ${client}`), CallTime: callTime });
      await expectError(client, t, 'CreateAiCallTask', bad('[{"startTime":'), { code: 'InvalidParameter', status: 400, message: /"CallTime".*not valid JSON/ });
      await expectError(client, t, 'CreateAiCallTask', bad(['{startTime: 9}']), { code: 'InvalidParameter', status: 400, message: /CallTime\[0\].*not valid JSON/ });
      await expectError(client, t, 'CreateAiCallTask', bad(['{"startTime":"25:00:00","endTime":"26:00:00"}']), { code: 'InvalidParameter', status: 400, message: /start time "25:00:00"/ });
      await expectError(client, t, 'CreateAiCallTask', bad(['{"startTime":"09:00:00","endTime":"09:00:00"}']), { code: 'InvalidParameter', status: 400, message: /is empty/ });
      const page = data(await viaCore(t, 'QueryAiCallTaskPage', { TaskName: `bad time ${client}` }));
      assert.equal(page.Total, 0, 'nothing was created');
    });

    test(`${client}: a task name is unique within the account`, async () => {
      await createTask(t, `unique ${client}`);
      await expectError(client, t, 'CreateAiCallTask', taskParams(`unique ${client}`), { code: 'TaskName.AlreadyExists', status: 400 });
    });
  }

  for (const client of CLIENTS) {
    test(`${client}: Stop, Start and Update follow the state rules with errors that name the state`, async () => {
      const taskId = await createTask(t, `lifecycle ${client}`);
      const update = { ...taskParams(`lifecycle ${client} v2`, { TaskCps: 99, CallDay: ['FRIDAY'] }), TaskId: taskId };
      await expectError(client, t, 'UpdateAiCallTask', update, {
        code: 'IncorrectStatus', status: 400, message: /task \d+ is RUNNING \(stop it with StopAiCallTask first\); UpdateAiCallTask is allowed when the task is INIT, STOPPED, FAILED or COMPLETED/,
      });
      await expectError(client, t, 'StartAiCallTask', { TaskId: taskId }, { code: 'IncorrectStatus', status: 400, message: /is RUNNING \(it is already running\)/ });

      assert.equal(assertOk(await via(client, t, 'StopAiCallTask', { TaskId: taskId })).Data, true);
      assert.equal(await storedStatus(server.app.store, t.accountId, taskId), 'STOPPED');
      await expectError(client, t, 'StopAiCallTask', { TaskId: taskId }, { code: 'IncorrectStatus', status: 400, message: /is STOPPED \(it is already stopped\); StopAiCallTask is allowed when the task is RUNNING/ });

      assert.equal(assertOk(await via(client, t, 'UpdateAiCallTask', update)).Data, true);
      const stored = await server.app.store.getTask(t.accountId, taskId);
      assert.deepEqual([stored?.settings.name, stored?.settings.taskCps, stored?.settings.callDays, stored?.status], [`lifecycle ${client} v2`, 99, ['FRIDAY'], 'STOPPED']);

      assert.equal(assertOk(await via(client, t, 'StartAiCallTask', { TaskId: taskId })).Data, true);
      assert.equal(await storedStatus(server.app.store, t.accountId, taskId), 'RUNNING');
    });
  }

  test('a SCHEDULE task cannot be stopped before it starts, but can be started early', async () => {
    const taskId = await createTask(t, 'early start', { StartType: 'SCHEDULE', TaskStartTime: Date.now() + 24 * HOUR });
    await expectError('openapi-core V3', t, 'StopAiCallTask', { TaskId: taskId }, { code: 'IncorrectStatus', status: 400, message: /is INIT \(it has not started yet\)/ });
    assertOk(await viaCore(t, 'StartAiCallTask', { TaskId: taskId }));
    const task = await server.app.store.getTask(t.accountId, taskId);
    assert.equal(task?.status, 'RUNNING');
    assert.equal(task?.scheduledStartAt, null, 'the schedule is used up');
  });

  for (const client of CLIENTS) {
    test(`${client}: a completed task cannot be started, only reopened by an import`, async () => {
      const taskId = await createTask(t, `finish ${client}`);
      await importRows(t, taskId, rows(1, 500));
      const [detail] = (await server.app.store.pageDetails(t.accountId, taskId, {}, { pageNo: 1, pageSize: 5 })).items;
      assertOk(await via(client, t, 'CancelAiCallDetails', { TaskId: taskId, DetailIdList: [detail?.id] }));
      assert.equal(await storedStatus(server.app.store, t.accountId, taskId), 'COMPLETED', 'every recipient is terminal');
      await expectError(client, t, 'StartAiCallTask', { TaskId: taskId }, {
        code: 'IncorrectStatus', status: 400, message: /is COMPLETED \(every number has been called; import more numbers to reopen it\); StartAiCallTask is allowed when the task is INIT, STOPPED or FAILED/,
      });
      await expectError(client, t, 'StopAiCallTask', { TaskId: taskId }, { code: 'IncorrectStatus', status: 400, message: /is COMPLETED/ });
      await importRows(t, taskId, rows(1, 501));
      assert.equal(await storedStatus(server.app.store, t.accountId, taskId), 'RUNNING');
    });

    test(`${client}: a cancelled task refuses start, stop, update and imports`, async () => {
      const taskId = await createTask(t, `cancelled ${client}`);
      // No aiccs action cancels a whole task (dyvms CancelCallTask will); the engine's command does it here.
      await server.app.store.changeTaskStatus(t.accountId, taskId, 'cancel', Date.now());
      const refused = /is CANCELLED \(a cancelled task never runs or changes again\)/;
      await expectError(client, t, 'StartAiCallTask', { TaskId: taskId }, { code: 'IncorrectStatus', status: 400, message: refused });
      await expectError(client, t, 'StopAiCallTask', { TaskId: taskId }, { code: 'IncorrectStatus', status: 400, message: refused });
      await expectError(client, t, 'UpdateAiCallTask', { ...taskParams('whatever'), TaskId: taskId }, { code: 'IncorrectStatus', status: 400, message: refused });
      const noNumbers = /is CANCELLED \(a cancelled task takes no more numbers\); ImportTaskNumberDatas is allowed when the task is INIT, RUNNING, STOPPED, FAILED or COMPLETED/;
      await expectError(client, t, 'ImportTaskNumberDatas', { TaskId: taskId, DataType: 'JSON', PhoneNumberList: rows(2) }, { code: 'IncorrectStatus', status: 400, message: noNumbers });
      await expectError(client, t, 'ImportOneTaskPhoneNumber', { TaskId: taskId, PhoneNumber: '13900001111' }, { code: 'IncorrectStatus', status: 400, message: /CANCELLED/ });
      assert.equal((await server.app.store.taskProgress(t.accountId, [taskId])).get(taskId)?.total, 0, 'nothing was imported');
    });
  }

  for (const client of CLIENTS) {
    test(`${client}: UpdateAiCallTask validates like CreateAiCallTask and needs TaskId and TaskCps`, async () => {
      const taskId = await createTask(t, `update input ${client}`);
      assertOk(await via(client, t, 'StopAiCallTask', { TaskId: taskId }));
      const noCps: Record<string, unknown> = { ...taskParams('u'), TaskId: taskId };
      delete noCps.TaskCps;
      await expectError(client, t, 'UpdateAiCallTask', noCps, { code: 'MissingTaskCps', status: 400 });
      await expectError(client, t, 'UpdateAiCallTask', taskParams('u'), { code: 'MissingTaskId', status: 400 });
      await expectError(client, t, 'UpdateAiCallTask', { ...taskParams('u'), TaskId: '1234567890123456789' }, { code: 'InvalidTaskId.NotFound', status: 404 });
      await expectError(client, t, 'UpdateAiCallTask', { ...taskParams('u', { CallTime: ['nope'] }), TaskId: taskId }, { code: 'InvalidParameter', status: 400, message: /CallTime\[0\]/ });
      await createTask(t, `taken ${client}`);
      await expectError(client, t, 'UpdateAiCallTask', { ...taskParams(`taken ${client}`), TaskId: taskId }, { code: 'TaskName.AlreadyExists', status: 400 });
      assert.equal((await server.app.store.getTask(t.accountId, taskId))?.settings.name, `update input ${client}`, 'a refused update changes nothing');
    });
  }

  test('QueryAiCallTaskPage: paging, every filter and the counters', async () => {
    const agentId = (await server.app.agents.voiceAgents.create(t.accountId, { name: 'Agent X' })).id;
    const taskId = await createTask(t, 'Counter Task', { AgentId: agentId, ApplicationCode: 'app-x', TaskCps: 33, Source: 3 });
    await importRows(t, taskId, rows(4, 700));
    const [first] = (await server.app.store.pageDetails(t.accountId, taskId, {}, { pageNo: 1, pageSize: 1 })).items;
    assertOk(await viaPop(t, 'CancelAiCallDetails', { TaskId: taskId, DetailIdList: [first?.id] }));
    const entry = await listed('Counter Task');
    const task = await server.app.store.getTask(t.accountId, taskId);
    assert.deepEqual(entry, {
      TaskId: taskId, TaskName: 'Counter Task', Status: 1, AgentId: agentId, AgentName: 'Agent X', ApplicationCode: 'app-x',
      CreateTime: task?.createdAt, StartTime: task?.createdAt, RealStartTime: task?.realStartTime, ConcurrentCount: 33,
      TotalCount: 4, TotalCallCount: 0, DayCallCount: 0, DayImportCount: 4, CallingCount: 0, SucceedCount: 0, FailedCount: 1,
      CompleteRate: '25%', HistoryConnectRate: '0%', DayConnectRate: '0%',
    });
    const find = async (filter: Record<string, unknown>) => {
      const list = data(await viaCore(t, 'QueryAiCallTaskPage', { PageSize: 100, ...filter })).List as Record<string, unknown>[];
      return list.map((e) => e.TaskId);
    };
    assert.deepEqual(await find({ TaskName: 'counter t' }), [taskId], 'TaskName matches a part of the name, any case');
    assert.deepEqual(await find({ TaskId: taskId }), [taskId]);
    assert.deepEqual(await find({ AgentName: 'agent x' }), [taskId], 'AgentName matches a part of the agent\'s name, any case');
    assert.deepEqual(await find({ ApplicationCode: 'app-x' }), [taskId]);
    assert.ok((await find({ Source: 3 })).includes(taskId), 'Source matches the Source the task was created with');
    assert.ok(!(await find({ Source: 4 })).includes(taskId), 'and filters');
    assert.ok((await find({ Status: 'RUNNING' })).includes(taskId));
    assert.ok(!(await find({ Status: 'stopped' })).includes(taskId), 'Status is case-insensitive and filters');
    await expectError('pop-core V1', t, 'QueryAiCallTaskPage', { Status: 'DONE' }, { code: 'InvalidParameter', status: 400, message: /Status must be one of INIT, RUNNING, STOPPED, FAILED/ });
    await expectError('openapi-core V3', t, 'QueryAiCallTaskPage', { PageSize: 101 }, { code: 'InvalidParameter', status: 400, message: /PageSize must be between 1 and 100/ });
    await expectError('openapi-core V3', t, 'QueryAiCallTaskPage', { PageNo: 0 }, { code: 'InvalidParameter', status: 400, message: /PageNo/ });
  });

  test('QueryAiCallTaskPage pages newest first with PageNo, PageSize and Total', async () => {
    const before = Number(data(await viaPop(t, 'QueryAiCallTaskPage', {})).Total);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push(await createTask(t, `paged ${i}`));
    const first = data(await viaPop(t, 'QueryAiCallTaskPage', { PageNo: 1, PageSize: 2 }));
    assert.deepEqual([first.PageNo, first.PageSize, first.Total], [1, 2, before + 3]);
    assert.deepEqual((first.List as Record<string, unknown>[]).map((e) => e.TaskId), [made[2], made[1]]);
    const second = data(await viaPop(t, 'QueryAiCallTaskPage', { PageNo: 2, PageSize: 2 }));
    assert.equal((second.List as Record<string, unknown>[])[0]?.TaskId, made[0]);
    const defaults = data(await viaCore(t, 'QueryAiCallTaskPage', {}));
    assert.deepEqual([defaults.PageNo, defaults.PageSize], [1, 10]);
  });

  for (const client of CLIENTS) {
    test(`${client}: an unknown TaskId is InvalidTaskId.NotFound for every task action`, async () => {
      const unknown = { TaskId: '1234567890123456789' };
      for (const action of ['StartAiCallTask', 'StopAiCallTask', 'QueryAiCallTaskDetail']) {
        await expectError(client, t, action, unknown, { code: 'InvalidTaskId.NotFound', status: 404, message: /The specified TaskId "1234567890123456789" does not exist/ });
      }
      await expectError(client, t, 'StartAiCallTask', {}, { code: 'MissingTaskId', status: 400 });
    });
  }

  test('every documented CallDay is accepted', async () => {
    const taskId = await createTask(t, 'days', { CallDay: ALL_DAYS.map((d) => d.toLowerCase()) });
    assert.deepEqual(data(await viaCore(t, 'QueryAiCallTaskDetail', { TaskId: taskId })).CallDays, ALL_DAYS);
  });
});
