/**
 * A dyvms robot task run by the campaign dialer over a real SIP call, with no speech recognition configured: the
 * robot's question takes keys, so the task is accepted and the callee answers by key. sipp answers and presses 1 by
 * replaying sip-tester's RFC 2833 capture during the question; the robot must take the key's branch, and the call
 * detail must show the dialog and a working link to the call's recording. Skipped only when sipp or espeak-ng is
 * not installed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLogger } from '../../src/app/logger.js';
import { startDialer, type RunningDialer } from '../../src/app/dialer-service.js';
import { defaultTenant } from '../conformance/aiccs-kit.js';
import { CALLER, createTask, dyvms, dyvmsData, statusOf } from '../conformance/robot-task-kit.js';
import { created, waihu } from '../conformance/waihu-kit.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { startSippWith } from '../sipp/run-sipp.js';
import { assertSippFollowed, sipConfig, sipSkip, sleep } from './sip-e2e-kit.js';

const skip = sipSkip;

const CLIENT = 'openapi-core V3';

/** One question answered by keys: 1 confirms, 3 declines. */
const KEYS_SCRIPT = {
  version: 1,
  start: 'confirm',
  nodes: {
    confirm: {
      type: 'ask',
      prompt: '确认预约请按1，取消请按3。',
      bargeIn: true,
      timeoutMs: 8000,
      intents: [
        { name: '确认', keywords: ['确认'], dtmf: '1', next: 'yes', tag: { name: '预约', value: '确认' } },
        { name: '取消', keywords: ['取消'], dtmf: '3', next: 'no', tag: { name: '预约', value: '取消' } },
      ],
      noInput: { retries: 0, next: 'no' },
      noMatch: { retries: 0, next: 'no' },
    },
    yes: { type: 'hangup', prompt: '已为您确认，再见。', intent: '确认预约' },
    no: { type: 'hangup', prompt: '已为您取消，再见。', intent: '取消预约' },
  },
};

describe('telephony sip: a robot task answered by keys, without speech recognition', { skip, timeout: 120_000 }, () => {
  test('the dialer calls sipp, the robot takes key 1\'s branch, and the call detail links the recording', async () => {
    const sipp = await startSippWith('answer-dtmf-1-wait-bye', { timeoutS: 60 });
    let server: TestServer | undefined;
    let dialer: RunningDialer | undefined;
    try {
      server = await startTestServer({
        config: sipConfig(sipp, { throttling: false }),
        logger: createLogger('error', process.stderr),
      });
      const t = defaultTenant(server);
      await waihu(CLIENT, t, 'AddCallerNumber', { PhoneNumber: CALLER });
      const robot = await created(CLIENT, t, 'CreateRobot', { Name: '预约确认', Script: JSON.stringify(KEYS_SCRIPT) });
      const taskId = await createTask(CLIENT, t, robot);
      await dyvms(CLIENT, t, 'UploadRobotTaskCalledFile', { Id: taskId, CalledNumber: '13800000000' });
      await dyvms(CLIENT, t, 'StartRobotTask', { TaskId: taskId });
      dialer = startDialer(server.app);
      for (let i = 0; i < 600 && (await statusOf(CLIENT, t, taskId)) !== 'FINISH'; i++) await sleep(100);
      assert.equal(await statusOf(CLIENT, t, taskId), 'FINISH');

      const detail = await dyvmsData(CLIENT, t, 'QueryRobotTaskCallDetail', { TaskId: taskId, Callee: '13800000000', QueryDate: Date.now() });
      assert.equal(detail.majorIntent, '确认预约');
      const dialog = (detail.dialogDetail as { role: string; content: string }[]).map((turn) => [turn.role, turn.content.replace('<客户打断>', '')]);
      assert.deepEqual(dialog, [['robot', '确认预约请按1，取消请按3。'], ['user', '1'], ['robot', '已为您确认，再见。']]);
      assert.equal(detail.recordStatus, 1);
      const recording = await fetch(String(detail.recordFile));
      assert.equal(recording.status, 200);
      assert.ok((await recording.arrayBuffer()).byteLength > 44 + 8000 * 4, 'at least a second of stereo audio');
      await assertSippFollowed(sipp);
    } finally {
      sipp.kill();
      await dialer?.stop(5000);
      await server?.stop();
    }
  });
});
