// Robot tasks running on the campaign engine: the dialer calls every uploaded number on the simulated carrier
// through the task's robot (with each callee's TtsParam variables) until the task is FINISH; the call list and the
// call detail then show the robot's prompts and the callee's replies, the robot's intent and the tags. Redial follows
// RecallStateCodes/RecallTimes/RecallInterval (on a clock the test moves forward), and a scheduled task starts by
// itself at its ScheduleTime. A task whose robot was deleted meanwhile still calls, with a warning on each call.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createLogger } from '../../src/app/logger.js';
import { startDialer, type RunningDialer } from '../../src/app/dialer-service.js';
import { formatDateTime } from '../../src/core/local-time.js';
import { systemClock, type Clock } from '../../src/ports/clock.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { otherTenant, type ClientName, type Tenant } from './aiccs-kit.js';
import { createTask, dyvms, dyvmsData, dyvmsRefused, robotFor, statusOf } from './robot-task-kit.js';
import { waihu } from './waihu-kit.js';

/** The wall clock plus an offset the test can move forward, so a redial due in minutes is due now. */
class MovableClock implements Clock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return systemClock.sleep(ms, signal);
  }
  after(ms: number, callback: () => void) {
    return systemClock.after(ms, callback);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

const CORE: ClientName = 'openapi-core V3';
const POP: ClientName = 'pop-core V1';
type Item = Record<string, unknown>;

/** Polls until the task reaches `status` (30 s at most). */
async function until(t: Tenant, taskId: string, status: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if ((await statusOf(CORE, t, taskId)) === status) return;
    if (Date.now() > deadline) throw new Error(`task ${taskId} did not reach ${status}; it is ${await statusOf(CORE, t, taskId)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The call list, keyed by callee. */
async function calls(client: ClientName, t: Tenant, taskId: string, filter: Record<string, unknown> = {}): Promise<Record<string, Item>> {
  const items = await dyvmsData<Item[]>(client, t, 'QueryRobotTaskCallList', { TaskId: taskId, PageSize: 100, ...filter });
  return Object.fromEntries(items.map((item) => [String(item.called), item]));
}

describe('dyvms robot tasks on the dialer', () => {
  let server: TestServer;
  let dialer: RunningDialer | undefined;
  const clock = new MovableClock();
  before(async () => {
    server = await startTestServer({ clock, config: { simTimeScale: 0.02, throttling: false }, logger: createLogger('error', process.stderr) });
  });
  after(async () => {
    await dialer?.stop(5000);
    await server?.stop();
  });

  test('stop and resume, then the robot calls everyone until FINISH; the call list and detail show the dialog', async () => {
    const t = await otherTenant(server, 'run');
    const dialogId = await robotFor(CORE, t);
    const taskId = await createTask(CORE, t, dialogId);
    // Numbers ending 0015 are answered by callees who never hang up on their own (docs/simulator.md): with the default
    // model's talk times a callee may otherwise leave after 3 s, before the robot has heard a reply.
    await dyvms(POP, t, 'UploadRobotTaskCalledFile', {
      Id: taskId, CalledNumber: '13800010015,13800020015', TtsParamHead: '["name","company","sim_persona"]',
      TtsParam: JSON.stringify([{ number: '13800010015', params: ['张先生', '某某银行', 'cooperative'] }, { number: '13800020015', params: ['李女士', '某某保险', 'refuser'] }]),
    });
    await dyvms(CORE, t, 'StartRobotTask', { TaskId: taskId });
    await dyvms(CORE, t, 'StopRobotTask', { TaskId: taskId });
    assert.equal(await statusOf(CORE, t, taskId), 'MANUAL_STOP');
    await dyvms(CORE, t, 'StartRobotTask', { TaskId: taskId });
    dialer = startDialer(server.app);
    await until(t, taskId, 'FINISH');

    for (const client of [CORE, POP]) {
      const list = await calls(client, t, taskId);
      assert.deepEqual(Object.keys(list).sort(), ['13800010015', '13800020015']);
      const yes = list['13800010015']!;
      assert.deepEqual([yes.callResult, yes.callResultCode, yes.majorIntent, yes.label, yes.transferResult, yes.recallCurTimes], ['已接通', '200000', '有意向', '同意', '3', 0], JSON.stringify(yes));
      assert.equal(yes.taskId, taskId);
      assert.equal(yes.caller, '057188990001');
      assert.ok(Number(yes.duration) > 0);
      assert.match(String(yes.callStartTime), /^\d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d$/);
      assert.match(String(yes.callId), /^\d+\^\d+$/);
      const no = list['13800020015']!;
      assert.equal(no.majorIntent, '无意向', JSON.stringify(no));
      assert.ok(Number(no.denyCount) + Number(no.rejectCount) >= 1, 'the refuser refused');

      const detail = await dyvmsData(client, t, 'QueryRobotTaskCallDetail', { TaskId: taskId, Callee: '13800010015', QueryDate: clock.now() });
      // The simulator names a recording (spoken from the transcript when first downloaded, docs/recordings.md).
      assert.deepEqual([detail.recordStatus, detail.callId], [1, yes.callId], 'the simulated call has a recording');
      assert.match(String(detail.recordFile), /\/recordings\/.+\.wav\?Expires=\d+&Signature=/);
      const dialog = detail.dialogDetail as { role: string; content: string; speakTime: string }[];
      assert.deepEqual(dialog[0]?.role, 'robot');
      assert.equal(dialog[0]?.content, '您好张先生，这里是某某银行回访中心，请问您现在方便吗？', 'the prompt with the callee\'s TtsParam values');
      assert.ok(dialog.some((turn) => turn.role === 'user'), 'the callee\'s reply is in the dialog');
      assert.equal(dialog.at(-1)?.content, '好的，感谢您的支持，再见。');
      assert.match(dialog[0]!.speakTime, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      assert.match(String(detail.summary), /机器人判定意图：有意向/);
      const counted = ['sureCount', 'denyCount', 'rejectCount', 'customCount', 'knowledgeCommonCount', 'defaultCount'].reduce((n, k) => n + Number(detail[k]), 0);
      assert.equal(counted, dialog.filter((turn) => turn.role === 'user').length, 'every reply of the callee is counted once');
    }
    // Who hangs up at the closing line is a race on the simulator (the robot ends the call as the callee says goodbye),
    // so the filter is checked against the direction the call reports, and the other direction must exclude it.
    const direction = String((await calls(CORE, t, taskId))['13800010015']!.hangupDirection);
    assert.ok(direction === '0' || direction === '1', `a hang-up direction is reported (${direction})`);
    const other = direction === '0' ? '1' : '0';
    assert.ok('13800010015' in (await calls(CORE, t, taskId, { HangupDirection: direction, DialogCountFrom: '1' })), 'found by its own direction after a turn');
    assert.ok(!('13800010015' in (await calls(CORE, t, taskId, { HangupDirection: other }))), 'not found by the other direction');
    assert.ok(!('13800010015' in (await calls(CORE, t, taskId, { DialogCountFrom: '99' }))), 'nor with more turns than it had');
    assert.equal(Object.keys(await calls(CORE, t, taskId, { CallResult: '200003' })).length, 0);
    assert.equal(Object.keys(await calls(CORE, t, taskId, { Called: '13800020015' })).length, 1);
    const dayBefore = clock.now() - 86_400_000;
    await dyvmsRefused(CORE, t, 'QueryRobotTaskCallDetail', { TaskId: taskId, Callee: '13800010015', QueryDate: dayBefore }, 'InvalidCallee.NotFound', 404);

    const finished = await dyvmsData(CORE, t, 'QueryRobotTaskDetail', { Id: taskId });
    assert.deepEqual([finished.status, finished.totalCount, finished.finishCount], ['FINISH', 2, 2]);
    assert.notEqual(finished.completeTime, '');
    await dyvms(CORE, t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13800030000' });
    await until(t, taskId, 'FINISH');
    assert.equal(Object.keys(await calls(CORE, t, taskId)).length, 3, 'an upload reopens a finished task and its numbers are called');
    await dyvms(CORE, t, 'DeleteRobotTask', { TaskId: taskId });
  });

  test('redial: the listed states are called again after RecallInterval, the others are not', async () => {
    const t = await otherTenant(server, 'redial');
    const taskId = await createTask(CORE, t, await robotFor(CORE, t), { RetryType: 1, RecallStateCodes: '200003', RecallTimes: 1, RecallInterval: 2 });
    // Simulator magic suffixes: 0017 no answer then answered, 0002 never answers, 0001 busy.
    await dyvms(CORE, t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13900010017,13900010002,13900010001' });
    dialer ??= startDialer(server.app);
    await dyvms(CORE, t, 'StartRobotTask', { TaskId: taskId });
    const deadline = Date.now() + 30_000;
    while (Object.keys(await calls(CORE, t, taskId)).length < 3) {
      if (Date.now() > deadline) throw new Error('the first attempts did not end');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const first = await calls(CORE, t, taskId);
    assert.deepEqual(['13900010017', '13900010002', '13900010001'].map((n) => [first[n]?.callResultCode, first[n]?.callResult]),
      [['200003', '无应答'], ['200003', '无应答'], ['200002', '占线']]);
    assert.equal(await statusOf(CORE, t, taskId), 'EXCUTING', 'redials are pending');
    clock.advance(2 * 60_000 + 1000);
    await until(t, taskId, 'FINISH');
    const after = await calls(CORE, t, taskId);
    assert.deepEqual(['13900010017', '13900010002', '13900010001'].map((n) => [after[n]?.callResultCode, after[n]?.recallCurTimes]),
      [['200000', 1], ['200003', 1], ['200002', 0]]);
  });

  test('a task whose robot was deleted still calls, with a polite line and a warning', async () => {
    const t = await otherTenant(server, 'robot gone');
    const dialogId = await robotFor(CORE, t);
    const taskId = await createTask(CORE, t, dialogId);
    await dyvms(CORE, t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13600010000' });
    await waihu(CORE, t, 'DeleteRobot', { DialogId: dialogId });
    dialer ??= startDialer(server.app);
    await dyvms(CORE, t, 'StartRobotTask', { TaskId: taskId });
    await until(t, taskId, 'FINISH');
    const item = (await calls(CORE, t, taskId))['13600010000']!;
    assert.match(String(item.warning), new RegExp(`robot ${dialogId} cannot be used`));
    assert.equal(item.label, '', 'the warning is not a label');
  });

  test('a scheduled task starts by itself at ScheduleTime', async () => {
    const t = await otherTenant(server, 'scheduled');
    const taskId = await createTask(POP, t, await robotFor(POP, t));
    await dyvms(POP, t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13700010000' });
    dialer ??= startDialer(server.app);
    const at = Math.ceil(clock.now() / 1000) * 1000 + 2000;
    const scheduleTime = formatDateTime(at, 'Asia/Shanghai');
    await dyvms(POP, t, 'StartRobotTask', { TaskId: taskId, ScheduleTime: scheduleTime });
    assert.equal(await statusOf(POP, t, taskId), 'READY');
    await until(t, taskId, 'FINISH');
    const detail = await dyvmsData(POP, t, 'QueryRobotTaskDetail', { Id: taskId });
    assert.equal(detail.scheduleType, 'ORDER');
    assert.ok(String(detail.fireTime) >= scheduleTime, `started at or after ${scheduleTime}, got ${String(detail.fireTime)}`);
  });
});
