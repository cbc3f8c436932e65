// The dyvms task center through the official clients against a real server whose dialer calls on the simulated
// carrier: CreateCallTask (JSON and LIST data) makes an INIT task; ExecuteCallTask RUNNING calls every callee until
// the task is DONE; TIMING starts it at FireTime; STOP pauses, RUNNING resumes and CANCEL ends it; ListCallTask and
// ListCallTaskDetail report the task, its progress and each callee, filtered and paged.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createLogger } from '../../src/app/logger.js';
import { startDialer, type RunningDialer } from '../../src/app/dialer-service.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { buildWav, tone } from '../../src/core/media/voice-file-test-kit.js';
import { popCore, WAIHU } from '../support/sdk-clients.js';
import { CLIENTS } from './aiccs-kit.js';
import {
  callees, callTaskTenant, createCallTask, dyvms, fireTimeText, listedTask, refusedCall, taskItems, untilStatus,
} from './call-task-kit.js';

describe('dyvms call tasks', () => {
  let server: TestServer;
  let dialer: RunningDialer;
  before(async () => {
    server = await startTestServer({ config: { simTimeScale: 0.005, throttling: false }, logger: createLogger('error', process.stderr) });
    dialer = startDialer(server.app);
  });
  after(async () => {
    await dialer?.stop(5000);
    await server?.stop();
  });

  for (const client of CLIENTS) {
    test(`${client}: a JSON task calls every callee with their parameters until DONE`, async () => {
      const t = await callTaskTenant(server, client, `ct run ${client}`);
      const [answers1, answers2] = callees(2, '380') as [string, string];
      const busy = callees(1, '381', '0001')[0]!;
      const data = { paramNames: ['name', 'item'], calleeList: [[answers1, '张三', '书'], [busy, '李四', '茶'], [answers2, '王五', '笔']].map(([callee, ...params]) => ({ callee, params })) };
      const before = Date.now();
      const id = await createCallTask(client, t, {
        TaskName: '发货通知任务', BizType: 'VMS_VOICE_TTS', TemplateCode: t.withVars, ResourceType: 'LIST', Resource: t.caller, DataType: 'JSON', Data: JSON.stringify(data),
      });

      const fresh = await listedTask(client, t, id);
      assert.deepEqual({ ...fresh, Id: String(fresh.Id) }, {
        Id: id, TaskName: '发货通知任务', Status: 'INIT', BizType: 'VMS_VOICE_TTS', TemplateCode: t.withVars, TemplateName: '发货通知',
        Resource: t.caller, DataType: 'JSON', TotalCount: 3, CompletedCount: 0, CompletedRate: 0,
      });
      const waiting = await taskItems(client, t, { TaskId: id });
      assert.deepEqual(waiting.Data?.map((i) => [i.CalledNum, i.Status, i.Caller, i.Duration]), [
        [answers1, 'INIT', t.caller, 0], [busy, 'INIT', t.caller, 0], [answers2, 'INIT', t.caller, 0],
      ], 'callees are listed in the order given, not called yet');

      const started = await dyvms(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'RUNNING' });
      assert.deepEqual([started.Code, started.Data], ['200', true]);
      const done = await untilStatus(client, t, id, 'DONE');
      assert.deepEqual([done.TotalCount, done.CompletedCount, done.CompletedRate], [3, 3, 10000]);
      assert.ok(Number(done.FireTime) >= before && Number(done.CompleteTime) >= Number(done.FireTime), 'FireTime is when it ran, CompleteTime when it finished');
      assert.equal(typeof done.FireTime, 'string', 'epoch ms as text, as the SDK model types it');

      const success = await taskItems(client, t, { TaskId: id, Status: 'SUCCESS' });
      assert.deepEqual(success.Data?.map((i) => i.CalledNum), [answers1, answers2]);
      assert.ok(success.Data?.every((i) => Number(i.Duration) > 0 && i.Caller === t.caller), 'answered calls have a talk time');
      const spoken = async (number: string) => {
        const { items: [detail] } = await server.app.store.pageDetails(t.accountId, id, { number }, { pageNo: 1, pageSize: 1 });
        const attempt = (await server.app.store.getDetailWithAttempts(t.accountId, detail!.id))?.attempts[0];
        return (await server.app.store.getCallDialog(t.accountId, attempt!.callId))?.turns[0]?.content;
      };
      assert.equal(await spoken(answers1), '张三您好，您的书已发货。', "the template is filled with the callee's own parameters");
      assert.equal(await spoken(answers2), '王五您好，您的笔已发货。');
      const fail = await taskItems(client, t, { TaskId: id, Status: 'FAIL' });
      assert.deepEqual(fail.Data?.map((i) => [i.CalledNum, i.Duration]), [[busy, 0]]);
      assert.equal((await taskItems(client, t, { TaskId: id, Status: 'INIT' })).Total, 0);
      const one = await taskItems(client, t, { TaskId: id, CalledNum: answers2 });
      assert.deepEqual(one.Data?.map((i) => i.Status), ['SUCCESS']);
      const page2 = await taskItems(client, t, { TaskId: id, PageNumber: 2, PageSize: 2 });
      assert.deepEqual([page2.Total, page2.TotalPage, page2.PageNumber, page2.PageSize, page2.Data?.map((i) => i.CalledNum)], [3, 2, 2, 2, [answers2]]);

      await refusedCall(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'RUNNING' }, 'IncorrectStatus', 400, /is DONE \(every callee has been called\); RUNNING is allowed when the task is INIT, STOP or SYSTEM_STOP/);
      await refusedCall(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'CANCEL' }, 'IncorrectStatus', 400, /is DONE/);
    });

    test(`${client}: a LIST task of a plain template infers its BizType and lists with filters and pages`, async () => {
      const t = await callTaskTenant(server, client, `ct list ${client}`);
      const numbers = callees(3, '382');
      const first = await createCallTask(client, t, { TaskName: '维护A', TemplateCode: t.plain, Resource: t.caller, DataType: 'LIST', Data: numbers.join(',') });
      const second = await createCallTask(client, t, { TaskName: '维护B', TemplateCode: t.plain, TemplateName: '我的模板', Resource: t.caller, DataType: 'LIST', Data: ` ${numbers[0]} , ${numbers[1]}` });
      const listed = await listedTask(client, t, first);
      assert.deepEqual([listed.BizType, listed.DataType, listed.TotalCount, listed.TemplateName], ['VMS_VOICE_TTS', 'LIST', 3, '维护通知']);

      const page = async (params: Record<string, unknown>) => {
        const body = await dyvms(client, t, 'ListCallTask', { PageNumber: 1, ...params });
        return { total: body.Total, ids: ((body.Data ?? []) as Record<string, unknown>[]).map((d) => String(d.Id)), size: body.PageSize, no: body.PageNumber };
      };
      assert.deepEqual(await page({}), { total: 2, ids: [second, first], size: 10, no: 1 }, 'newest first');
      assert.deepEqual(await page({ PageNumber: 2, PageSize: 1 }), { total: 2, ids: [first], size: 1, no: 2 });
      assert.deepEqual((await page({ TaskName: '维护b' })).ids, [second], 'TaskName matches part of the name, any case');
      assert.deepEqual((await page({ TemplateName: '我的模板' })).ids, [second]);
      assert.deepEqual((await page({ BizType: 'VMS_VOICE_TTS', Status: 'INIT' })).ids, [second, first]);
      assert.equal((await page({ BizType: 'VMS_TTS' })).total, 0);
      assert.equal((await page({ Status: 'RUNNING' })).total, 0);
      assert.equal((await page({ Status: 'RELEASE' })).total, 0);
      assert.deepEqual((await taskItems(client, t, { TaskId: second })).Data?.map((i) => i.CalledNum), [numbers[0], numbers[1]]);
    });

    test(`${client}: a voice-file task (VMS_VOICE_CODE) plays the uploaded file to every callee`, async () => {
      const t = await callTaskTenant(server, client, `ct voice ${client}`);
      const wav = Buffer.from(buildWav({ encoding: 'pcm', bitsPerSample: 16, channels: 1, sampleRate: 8000, frames: 4000, signal: tone(440, 8000) }));
      const uploaded = await popCore(t.url, WAIHU, t.key).request('UploadVoiceFile', { Name: '催缴录音', FileName: 'a.wav', Content: wav.toString('base64') }, 'POST');
      const code = String(uploaded.Data);
      const [answers, busy] = [callees(1, '386')[0]!, callees(1, '387', '0001')[0]!];
      const id = await createCallTask(client, t, { TaskName: '录音通知', TemplateCode: code, Resource: t.caller, DataType: 'LIST', Data: `${answers},${busy}` });
      const listed = await listedTask(client, t, id);
      assert.deepEqual([listed.BizType, listed.TemplateCode, listed.TemplateName], ['VMS_VOICE_CODE', code, '催缴录音'], 'the type and name come from the voice file');
      await dyvms(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'RUNNING' });
      await untilStatus(client, t, id, 'DONE');
      const items = await taskItems(client, t, { TaskId: id });
      assert.deepEqual(items.Data?.map((i) => [i.CalledNum, i.Status]), [[answers, 'SUCCESS'], [busy, 'FAIL']]);
      await refusedCall(client, t, 'CreateCallTask', { BizType: 'VMS_VOICE_TTS', TemplateCode: code, Resource: t.caller, Data: answers }, 'InvalidTemplateCode.NotFound', 404, /neither a TTS template/);
    });

    test(`${client}: TIMING starts the task at FireTime`, async () => {
      const t = await callTaskTenant(server, client, `ct timing ${client}`);
      const id = await createCallTask(client, t, { TemplateCode: t.plain, Resource: t.caller, Data: callees(2, '383').join(',') });
      const fireAt = Math.ceil((Date.now() + 2500) / 1000) * 1000;
      const scheduled = await dyvms(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'TIMING', FireTime: fireTimeText(fireAt) });
      assert.equal(scheduled.Data, true);
      const waiting = await listedTask(client, t, id);
      assert.deepEqual([waiting.Status, waiting.FireTime], ['INIT', String(fireAt)], 'INIT until FireTime, which ListCallTask shows');
      // A second TIMING moves the start; the doc's example form (yyyy-MM-dd) is accepted too.
      const later = fireAt + 1000;
      await dyvms(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'TIMING', FireTime: fireTimeText(later).replace(/\./g, '-') });
      assert.equal((await listedTask(client, t, id)).FireTime, String(later));
      const done = await untilStatus(client, t, id, 'DONE');
      assert.ok(Date.now() >= later, 'the task did not finish before its FireTime');
      assert.ok(Number(done.CompleteTime) >= later, 'the calls were made after FireTime');
      assert.ok(Number(done.FireTime) >= later && Number(done.FireTime) < later + 10_000, 'once started, FireTime is when the engine started it');
    });

    test(`${client}: STOP pauses a running task, RUNNING resumes it and CANCEL ends it for good`, async () => {
      const t = await callTaskTenant(server, client, `ct stop ${client}`);
      // 400 callees at the task's 20 calls a second keep it running long enough to stop it midway.
      const id = await createCallTask(client, t, { TemplateCode: t.plain, Resource: t.caller, Data: [...callees(400, '384')].join(',') });
      await refusedCall(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'STOP' }, 'IncorrectStatus', 400, /is INIT \(it has not started yet\); STOP is allowed when the task is RUNNING/);
      await dyvms(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'RUNNING' });
      await refusedCall(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'RUNNING' }, 'IncorrectStatus', 400, /is RUNNING \(it is already running\)/);
      await refusedCall(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'TIMING', FireTime: fireTimeText(Date.now() + 60_000) }, 'IncorrectStatus', 400, /is RUNNING/);
      assert.equal((await dyvms(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'STOP' })).Data, true);
      const stopped = await listedTask(client, t, id);
      assert.equal(stopped.Status, 'STOP');
      assert.ok(Number(stopped.CompletedCount) < 400, 'stopped before every callee was called');
      await refusedCall(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'STOP' }, 'IncorrectStatus', 400, /is STOP \(it is already stopped\)/);
      await dyvms(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'RUNNING' });
      assert.equal((await listedTask(client, t, id)).Status, 'RUNNING');
      await dyvms(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'CANCEL' });
      const cancelled = await listedTask(client, t, id);
      assert.equal(cancelled.Status, 'CANCEL');
      assert.equal(cancelled.CompleteTime, undefined, 'only a DONE task has a CompleteTime');
      await refusedCall(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'RUNNING' }, 'IncorrectStatus', 400, /is CANCEL \(a cancelled task never runs again\)/);
      // Callees not yet called when the task was cancelled are failed, never called afterwards.
      const failed = await taskItems(client, t, { TaskId: id, Status: 'FAIL', PageSize: 1 });
      assert.ok(failed.Total > 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const items = await taskItems(client, t, { TaskId: id, Status: 'INIT' });
      assert.equal(items.Total, 0, 'no callee is left waiting');
    });

    test(`${client}: CANCEL before the start fails every callee; the task never calls`, async () => {
      const t = await callTaskTenant(server, client, `ct cancel ${client}`);
      const id = await createCallTask(client, t, { TemplateCode: t.plain, Resource: t.caller, Data: callees(2, '385').join(',') });
      await dyvms(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'CANCEL' });
      const task = await listedTask(client, t, id);
      assert.deepEqual([task.Status, task.CompletedCount, task.FireTime], ['CANCEL', 2, undefined]);
      assert.deepEqual((await taskItems(client, t, { TaskId: id })).Data?.map((i) => [i.Status, i.Duration]), [['FAIL', 0], ['FAIL', 0]]);
      await refusedCall(client, t, 'ExecuteCallTask', { TaskId: id, Status: 'TIMING', FireTime: fireTimeText(Date.now() + 60_000) }, 'IncorrectStatus', 400, /is CANCEL/);
    });
  }
});
