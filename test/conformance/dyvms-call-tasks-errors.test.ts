// The dyvms task center's refusals through the official clients: missing and invalid parameters name the parameter,
// bad callee data names Data (and the callee), more than 1000 callees is refused, unknown templates and task ids are
// not found, and another account's or another product's task is as unknown as one that never existed. Then the XML
// form of the four actions through openapi-core.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { assertOk, CLIENTS, taskParams, viaPop } from './aiccs-kit.js';
import {
  callees, callTaskTenant, createCallTask, dyvms, dyvmsXml, fireTimeText, invalidParam, listedTask, refusedCall, type CallTaskTenant,
} from './call-task-kit.js';

describe('dyvms call tasks: bad input', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { throttling: false } });
  });
  after(() => server?.stop());

  /** Valid CreateCallTask parameters of `t` with `overrides` (undefined removes one). */
  function params(t: CallTaskTenant, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const all: Record<string, unknown> = { TaskName: 'x', TemplateCode: t.plain, Resource: t.caller, DataType: 'LIST', Data: '13900000000', ...overrides };
    return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
  }

  for (const client of CLIENTS) {
    test(`${client}: CreateCallTask refuses what it cannot run, naming the parameter`, async () => {
      const t = await callTaskTenant(server, client, `ct bad ${client}`);
      for (const name of ['TemplateCode', 'Resource', 'Data']) {
        await refusedCall(client, t, 'CreateCallTask', params(t, { [name]: undefined }), `Missing${name}`, 400, new RegExp(`${name} is mandatory`));
      }
      await invalidParam(client, t, 'CreateCallTask', params(t, { DataType: 'CSV' }), 'DataType');
      await invalidParam(client, t, 'CreateCallTask', params(t, { BizType: 'SMS' }), 'BizType');
      await invalidParam(client, t, 'CreateCallTask', params(t, { ResourceType: 'FILE' }), 'ResourceType');
      await invalidParam(client, t, 'CreateCallTask', params(t, { Data: '13900000000,1390000' }), 'Data', /callee 2 "1390000" is not a callee number/);
      await invalidParam(client, t, 'CreateCallTask', params(t, { Data: '13900000000,,13900000001' }), 'Data', /callee 2/);
      const tooMany = [...callees(1000, '390'), '13911110000'].join(',');
      await invalidParam(client, t, 'CreateCallTask', params(t, { Data: tooMany }), 'Data', /1001 callees; CreateCallTask takes at most 1000/);
      await invalidParam(client, t, 'CreateCallTask', params(t, { DataType: 'JSON', Data: '{"calleeList":[' }), 'Data', /not valid JSON/);
      await invalidParam(client, t, 'CreateCallTask', params(t, { DataType: 'JSON', Data: '{"paramNames":["a"]}' }), 'Data', /needs calleeList/);
      const misaligned = JSON.stringify({ paramNames: ['name', 'item'], calleeList: [{ callee: '13900000000', params: ['张三'] }] });
      await invalidParam(client, t, 'CreateCallTask', params(t, { TemplateCode: t.withVars, DataType: 'JSON', Data: misaligned }), 'Data', /calleeList\[0\]\.params must be an array of 2 values/);
      const short = JSON.stringify({ paramNames: ['name'], calleeList: [{ callee: '13900000000', params: ['张三'] }] });
      await invalidParam(client, t, 'CreateCallTask', params(t, { TemplateCode: t.withVars, DataType: 'JSON', Data: short }), 'Data', /fills \$\{item\}, but paramNames \["name"\] does not name it/);
      await invalidParam(client, t, 'CreateCallTask', params(t, { TemplateCode: t.withVars }), 'DataType', /DataType LIST cannot carry; send DataType JSON/);
      await invalidParam(client, t, 'CreateCallTask', params(t, { BizType: 'VMS_TTS' }), 'BizType', /is a notification template \(BizType VMS_VOICE_TTS\)/);
      await invalidParam(client, t, 'CreateCallTask', params(t, { Resource: '057199999999' }), 'Resource', /not one of the account's virtual numbers/);
      await invalidParam(client, t, 'CreateCallTask', params(t, { TaskName: '名'.repeat(129) }), 'TaskName');
      await refusedCall(client, t, 'CreateCallTask', params(t, { TemplateCode: 'TTS_100000000' }), 'InvalidTemplateCode.NotFound', 404, /TemplateCode "TTS_100000000" does not exist/);
      await refusedCall(client, t, 'CreateCallTask', params(t, { BizType: 'VMS_VOICE_CODE' }), 'InvalidTemplateCode.NotFound', 404);
      const list = await dyvms(client, t, 'ListCallTask', { PageNumber: 1 });
      assert.equal(list.Total, 0, 'no refused request left a task behind');
    });

    test(`${client}: ExecuteCallTask, ListCallTask and ListCallTaskDetail refuse bad and foreign ids`, async () => {
      const t = await callTaskTenant(server, client, `ct ids ${client}`);
      const other = await callTaskTenant(server, client, `ct other ${client}`, '057188330002');
      const id = await createCallTask(client, t, params(t));
      const theirs = await createCallTask(client, other, params(other));
      await refusedCall(client, t, 'ExecuteCallTask', { Status: 'RUNNING' }, 'MissingTaskId', 400);
      await refusedCall(client, t, 'ExecuteCallTask', { TaskId: id }, 'MissingStatus', 400);
      await invalidParam(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'PAUSE' }, 'Status');
      await invalidParam(client, t, 'ExecuteCallTask', { TaskId: 'abc', Status: 'RUNNING' }, 'TaskId');
      await invalidParam(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'TIMING' }, 'FireTime', /FireTime is required when Status is TIMING/);
      await invalidParam(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'TIMING', FireTime: 'tomorrow' }, 'FireTime', /yyyy\.MM\.dd HH:mm:ss/);
      await invalidParam(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'TIMING', FireTime: '2030.02.30 10:00:00' }, 'FireTime');
      await invalidParam(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'TIMING', FireTime: fireTimeText(Date.now() - 60_000) }, 'FireTime', /has passed; use Status RUNNING/);
      for (const [label, taskId] of [['unknown', '123456'], ["another account's", theirs]] as const) {
        const notFound = new RegExp(`TaskId "${taskId}" does not exist`);
        await refusedCall(client, t, 'ExecuteCallTask', { TaskId: taskId, Status: 'CANCEL' }, 'InvalidTaskId.NotFound', 404, notFound);
        await refusedCall(client, t, 'ListCallTaskDetail', { TaskId: taskId }, 'InvalidTaskId.NotFound', 404, notFound);
        const listed = await dyvms(client, t, 'ListCallTask', { PageNumber: 1, TaskId: taskId });
        assert.equal(listed.Total, 0, `${label} task is not listed`);
      }
      // An aiccs task of the same account is not a CallTask.
      const aiccsTask = String(assertOk(await viaPop(t, 'CreateAiCallTask', taskParams('aiccs task'))).Data);
      await refusedCall(client, t, 'ExecuteCallTask', { TaskId: aiccsTask, Status: 'CANCEL' }, 'InvalidTaskId.NotFound', 404);
      await refusedCall(client, t, 'ListCallTaskDetail', { TaskId: aiccsTask }, 'InvalidTaskId.NotFound', 404);
      await refusedCall(client, t, 'ListCallTaskDetail', {}, 'MissingTaskId', 400);
      await invalidParam(client, t, 'ListCallTaskDetail', { TaskId: id, Status: 'DONE' }, 'Status');
      await invalidParam(client, t, 'ListCallTaskDetail', { TaskId: id, PageSize: 101 }, 'PageSize');
      await invalidParam(client, t, 'ListCallTask', { PageNumber: 0 }, 'PageNumber');
      await invalidParam(client, t, 'ListCallTask', { Status: 'PAUSED' }, 'Status');
      await invalidParam(client, t, 'ListCallTask', { TaskId: 'x1' }, 'TaskId');
      // The other account's task was never touched.
      const stillThere = await listedTask(client, other, theirs);
      assert.equal(stillThere.Status, 'INIT');
    });
  }

  test('openapi-core with Format=XML gets the four actions and their errors as XML', async () => {
    const t = await callTaskTenant(server, 'openapi-core V3', 'ct xml');
    const created = await dyvmsXml(t, 'CreateCallTask', params(t, { TaskName: '<通知>', Data: '13900000000,13900010000' }));
    const id = /<Data>(\d+)<\/Data>/.exec(created)?.[1];
    assert.ok(id, created);
    assert.match(created, /^<\?xml version="1\.0" encoding="UTF-8"\?><CreateCallTaskResponse><RequestId>[0-9A-F-]{36}<\/RequestId><Code>200<\/Code><Data>\d+<\/Data><\/CreateCallTaskResponse>$/);
    const listed = await dyvmsXml(t, 'ListCallTask', { PageNumber: 1 });
    assert.match(listed, new RegExp(`<ListCallTaskResponse><RequestId>[0-9A-F-]{36}</RequestId><Code>200</Code><PageNumber>1</PageNumber><PageSize>10</PageSize><Total>1</Total><Data><Id>${id}</Id><TaskName>&lt;通知&gt;</TaskName><Status>INIT</Status>`));
    const items = await dyvmsXml(t, 'ListCallTaskDetail', { TaskId: id });
    assert.match(items, /<ListCallTaskDetailResponse><RequestId>[0-9A-F-]{36}<\/RequestId><Code>OK<\/Code><PageNumber>1<\/PageNumber><PageSize>10<\/PageSize><Total>2<\/Total><TotalPage>1<\/TotalPage><Data><Status>INIT<\/Status><Duration>0<\/Duration><CalledNum>13900000000<\/CalledNum><Caller>057188330001<\/Caller><\/Data><Data>/);
    assert.match(await dyvmsXml(t, 'ExecuteCallTask', { TaskId: id, Status: 'CANCEL' }), /<ExecuteCallTaskResponse><RequestId>[0-9A-F-]{36}<\/RequestId><Code>200<\/Code><Data>true<\/Data>/);
    const err = await dyvmsXml(t, 'ExecuteCallTask', { TaskId: id, Status: 'RUNNING' }).then(() => undefined, (e: { data?: Record<string, unknown>; statusCode?: number }) => e);
    assert.equal(err?.statusCode, 400);
    assert.equal(err?.data?.Code, 'IncorrectStatus', 'openapi-core parsed the XML error');
  });
});
