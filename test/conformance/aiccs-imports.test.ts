// aiccs ImportTaskNumberDatas, ImportOneTaskPhoneNumber and CancelAiCallDetails through openapi-core (V3) and
// pop-core (V1): batches of up to 1000 JSON rows, all-or-nothing validation, encrypted numbers, and which details a
// cancel reaches. Outcomes are asserted on stored state (the dialer does not run in this server).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import {
  CLIENTS, assertOk, createTask, data, defaultTenant, expectError, exactId, importRows, rows, settleCalls, answered,
  storedStatus, via, viaCore, viaPop, type Tenant,
} from './aiccs-kit.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('aiccs imports and cancels through the official clients', () => {
  let server: TestServer;
  let t: Tenant;
  before(async () => {
    server = await startTestServer();
    t = defaultTenant(server);
  });
  after(() => server.stop());

  const progress = async (taskId: string) => (await server.app.store.taskProgress(t.accountId, [taskId])).get(taskId);

  for (const client of CLIENTS) {
    test(`${client}: ImportTaskNumberDatas takes 1000 rows in one call and returns the BatchId`, async () => {
      const taskId = await createTask(t, `thousand ${client}`);
      const body = assertOk(await via(client, t, 'ImportTaskNumberDatas', { TaskId: taskId, DataType: 'JSON', PhoneNumberList: rows(1000) }));
      const batches = await server.app.store.pageDetails(t.accountId, taskId, {}, { pageNo: 1, pageSize: 1 });
      const batchId = batches.items[0]?.batchId ?? '';
      if (client === 'pop-core V1') assert.equal(exactId(body.Data), batchId, 'json-bigint keeps every digit');
      else assert.equal(body.Data, Number(batchId), 'JSON.parse reads the int64 as a number');
      assert.deepEqual(await server.app.store.getBatch(t.accountId, batchId).then((b) => [b?.taskId, b?.rowCount]), [taskId, 1000]);
      assert.equal((await progress(taskId))?.byState[1], 1000, 'a running task queues the rows at once (state 1)');
    });

    test(`${client}: more than 1000 rows, or one bad row, imports nothing`, async () => {
      const taskId = await createTask(t, `refused rows ${client}`);
      const call = (list: unknown[], extra: Record<string, unknown> = {}) => ({ TaskId: taskId, DataType: 'JSON', PhoneNumberList: list, ...extra });
      await expectError(client, t, 'ImportTaskNumberDatas', call(rows(1001)), { code: 'InvalidParameter', status: 400, message: /PhoneNumberList takes at most 1000 rows per call/ });
      const badRow = [...rows(3), { outId: 'no number' }];
      await expectError(client, t, 'ImportTaskNumberDatas', call(badRow), { code: 'InvalidParameter', status: 400, message: /PhoneNumberList\[3\]\.calleeNumber is required/ });
      await expectError(client, t, 'ImportTaskNumberDatas', call([{ calleeNumber: 'call me' }]), { code: 'InvalidParameter', status: 400, message: /"call me" is not a phone number/ });
      await expectError(client, t, 'ImportTaskNumberDatas', call([{ calleeNumber: '13900001111', outId: 'x'.repeat(129) }]), { code: 'InvalidParameter', status: 400, message: /outId must be at most 128/ });
      await expectError(client, t, 'ImportTaskNumberDatas', call([]), { code: 'InvalidParameter', status: 400, message: /PhoneNumberList/ });
      await expectError(client, t, 'ImportTaskNumberDatas', call(rows(1), { DataType: 'EXCEL' }), { code: 'InvalidParameter', status: 400, message: /DataType EXCEL is not supported through the API/ });
      await expectError(client, t, 'ImportTaskNumberDatas', call(rows(1), { DataType: 'CSV' }), { code: 'InvalidParameter', status: 400, message: /DataType/ });
      await expectError(client, t, 'ImportTaskNumberDatas', call(rows(1), { OssFileName: 'calls.xlsx' }), { code: 'InvalidParameter', status: 400, message: /OssFileName/ });
      await expectError(client, t, 'ImportTaskNumberDatas', call(rows(1), { EncryptionType: 4 }), { code: 'InvalidParameter', status: 400, message: /EncryptionType must be 0 \(plain\), 1 \(MD5\), 2 \(SHA256\) or 3 \(SM3\)/ });
      await expectError(client, t, 'ImportTaskNumberDatas', { TaskId: taskId, PhoneNumberList: rows(1) }, { code: 'MissingDataType', status: 400 });
      await expectError(client, t, 'ImportTaskNumberDatas', { TaskId: taskId, DataType: 'JSON' }, { code: 'InvalidParameter', status: 400, message: /PhoneNumberList is required when DataType is JSON/ });
      assert.equal((await progress(taskId))?.total, 0, 'nothing of any refused call was stored');
    });
  }

  test('MD5 digests import with EncryptionType 1 (lower-cased); a malformed digest is refused', async () => {
    const taskId = await createTask(t, 'hashed');
    const digest = md5('13900002222').toUpperCase();
    const batchId = await importRows(t, taskId, [{ calleeNumber: digest, outId: 'h1' }], { EncryptionType: 1 });
    const [detail] = (await server.app.store.pageDetails(t.accountId, taskId, { batchId }, { pageNo: 1, pageSize: 5 })).items;
    assert.deepEqual([detail?.number, detail?.encryptionType], [digest.toLowerCase(), 1]);
    await expectError('openapi-core V3', t, 'ImportTaskNumberDatas', { TaskId: taskId, DataType: 'JSON', EncryptionType: 1, PhoneNumberList: [{ calleeNumber: '13900002222' }] }, {
      code: 'InvalidParameter', status: 400, message: /must be a MD5 digest \(32 hex characters\) when EncryptionType is 1/,
    });
  });

  test('rows imported before a task ever ran wait in state 0 and join the queue when it starts', async () => {
    const taskId = await createTask(t, 'scheduled import', { StartType: 'SCHEDULE', TaskStartTime: Date.now() + 86_400_000 });
    await importRows(t, taskId, rows(5));
    assert.equal((await progress(taskId))?.byState[0], 5);
    assert.equal(await storedStatus(server.app.store, t.accountId, taskId), 'INIT', 'an import does not start a task');
    assertOk(await viaPop(t, 'StartAiCallTask', { TaskId: taskId }));
    assert.equal((await progress(taskId))?.byState[1], 5);
  });

  for (const client of CLIENTS) {
    test(`${client}: ImportOneTaskPhoneNumber stores one recipient with its OutId and Variables, in no batch`, async () => {
      const taskId = await createTask(t, `one ${client}`);
      const body = assertOk(await via(client, t, 'ImportOneTaskPhoneNumber', { TaskId: taskId, PhoneNumber: '13900003333', OutId: 'single-1', Variables: { name: '张三', age: 30 } }));
      const d = body.Data as Record<string, unknown>;
      assert.deepEqual(Object.keys({ ...d }), ['DetailId']);
      const [detail] = (await server.app.store.pageDetails(t.accountId, taskId, {}, { pageNo: 1, pageSize: 5 })).items;
      if (client === 'pop-core V1') assert.equal(exactId(d.DetailId), detail?.id);
      else assert.equal(d.DetailId, Number(detail?.id));
      assert.deepEqual([detail?.number, detail?.outId, detail?.variables, detail?.batchId, detail?.state], ['13900003333', 'single-1', { name: '张三', age: '30' }, null, 1]);
    });

    test(`${client}: ImportOneTaskPhoneNumber refuses bad input naming the parameter`, async () => {
      const taskId = await createTask(t, `one bad ${client}`);
      await expectError(client, t, 'ImportOneTaskPhoneNumber', { TaskId: taskId }, { code: 'MissingPhoneNumber', status: 400 });
      await expectError(client, t, 'ImportOneTaskPhoneNumber', { TaskId: 'task-1', PhoneNumber: '13900003333' }, { code: 'InvalidParameter', status: 400, message: /"TaskId"/ });
      await expectError(client, t, 'ImportOneTaskPhoneNumber', { TaskId: taskId, PhoneNumber: '12-34' }, { code: 'InvalidParameter', status: 400, message: /PhoneNumber "12-34" is not a phone number/ });
      await expectError(client, t, 'ImportOneTaskPhoneNumber', { TaskId: taskId, PhoneNumber: '13900003333', OutId: 'o'.repeat(129) }, { code: 'InvalidParameter', status: 400, message: /OutId/ });
      await expectError(client, t, 'ImportOneTaskPhoneNumber', { TaskId: taskId, PhoneNumber: '13900003333', Variables: { nested: { no: 1 } } }, { code: 'InvalidParameter', status: 400, message: /variable "nested"/ });
      await expectError(client, t, 'ImportOneTaskPhoneNumber', { TaskId: '1234567890123456789', PhoneNumber: '13900003333' }, { code: 'InvalidTaskId.NotFound', status: 404 });
      assert.equal((await progress(taskId))?.total, 0);
    });
  }

  for (const client of CLIENTS) {
    test(`${client}: CancelAiCallDetails by DetailIdList cancels only details not yet queued or calling`, async () => {
      const taskId = await createTask(t, `cancel ids ${client}`);
      await importRows(t, taskId, rows(4, 100));
      const details = (await server.app.store.pageDetails(t.accountId, taskId, {}, { pageNo: 1, pageSize: 10 })).items;
      const byNumber = new Map(details.map((d) => [d.number, d.id]));
      await settleCalls(server.app.store, taskId, { '13900000100': answered(30) }, Date.now() + 1000);
      const ended = byNumber.get('13900000100') ?? '';
      const [waiting1, waiting2] = [byNumber.get('13900000101') ?? '', byNumber.get('13900000102') ?? ''];
      const body = data(await via(client, t, 'CancelAiCallDetails', { TaskId: taskId, DetailIdList: [waiting1, waiting2, ended, '999'] }));
      assert.deepEqual(body, {
        TotalCount: 4, SucceedCount: 2, FailedCount: 2, ResultCode: 'PART_FAILED',
        FailedDetails: { [ended]: '明细记录当前状态不可取消', '999': '明细记录不存在' },
      });
      const states = await Promise.all([waiting1, ended].map((id) => server.app.store.getDetail(t.accountId, id)));
      assert.deepEqual(states.map((d) => d?.state), [5, 4]);
      const again = data(await via(client, t, 'CancelAiCallDetails', { TaskId: taskId, DetailIdList: [waiting1] }));
      assert.equal(again.ResultCode, 'ALL_FAILED');
      assert.equal(await storedStatus(server.app.store, t.accountId, taskId), 'RUNNING', 'one recipient is still waiting');
    });

    test(`${client}: CancelAiCallDetails by BatchId, optionally narrowed to PhoneNumbers`, async () => {
      const taskId = await createTask(t, `cancel batch ${client}`);
      const batchA = await importRows(t, taskId, rows(3, 200));
      const batchB = await importRows(t, taskId, rows(3, 300));
      const narrowed = data(await via(client, t, 'CancelAiCallDetails', { TaskId: taskId, BatchId: batchA, PhoneNumbers: ['13900000200', '13900000300'] }));
      assert.deepEqual(narrowed, { TotalCount: 2, SucceedCount: 1, FailedCount: 1, ResultCode: 'PART_FAILED', FailedDetails: { '13900000300': '明细记录不存在' } });
      const whole = data(await via(client, t, 'CancelAiCallDetails', { TaskId: taskId, BatchId: batchB }));
      assert.deepEqual([whole.TotalCount, whole.SucceedCount, whole.ResultCode, whole.FailedDetails], [3, 3, 'ALL_SUCCEED', {}]);
      assert.deepEqual((await progress(taskId))?.byState, { 0: 0, 1: 2, 2: 0, 3: 0, 4: 0, 5: 4 });
      const ignored = data(await via(client, t, 'CancelAiCallDetails', { TaskId: taskId, BatchId: batchA, PhoneNumbers: ['13900000201'], DetailIdList: ['1'] }));
      assert.deepEqual(ignored.FailedDetails, { '1': '明细记录不存在' }, 'DetailIdList wins over BatchId and PhoneNumbers');
    });

    test(`${client}: CancelAiCallDetails refuses incomplete selections and batches of other tasks`, async () => {
      const taskId = await createTask(t, `cancel bad ${client}`);
      const otherTask = await createTask(t, `cancel other ${client}`);
      const otherBatch = await importRows(t, otherTask, rows(1));
      await expectError(client, t, 'CancelAiCallDetails', { TaskId: taskId, PhoneNumbers: ['13900000000'] }, { code: 'InvalidParameter', status: 400, message: /PhoneNumbers needs BatchId/ });
      await expectError(client, t, 'CancelAiCallDetails', { TaskId: taskId }, { code: 'InvalidParameter', status: 400, message: /needs DetailIdList, or BatchId/ });
      await expectError(client, t, 'CancelAiCallDetails', { TaskId: taskId, BatchId: otherBatch }, { code: 'InvalidBatchId.NotFound', status: 404 });
      await expectError(client, t, 'CancelAiCallDetails', { DetailIdList: ['1'] }, { code: 'MissingTaskId', status: 400 });
      assert.equal((await progress(otherTask))?.byState[1], 1, "the other task's recipient was not touched");
    });
  }

  test('CancelAiCallDetails with PhoneNumbers and EncryptionType matches digests in any case', async () => {
    const taskId = await createTask(t, 'cancel hashed');
    const digest = md5('13900004444');
    const batchId = await importRows(t, taskId, [{ calleeNumber: digest }], { EncryptionType: 1 });
    const body = data(await viaCore(t, 'CancelAiCallDetails', { TaskId: taskId, BatchId: batchId, PhoneNumbers: [digest.toUpperCase()], EncryptionType: 1 }));
    assert.deepEqual([body.SucceedCount, body.ResultCode], [1, 'ALL_SUCCEED']);
    assert.equal(await storedStatus(server.app.store, t.accountId, taskId), 'COMPLETED', 'the last open recipient cancelled completes the task');
  });
});
