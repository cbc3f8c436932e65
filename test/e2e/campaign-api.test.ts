/**
 * The whole path a customer takes, through the official SDK and the running dialer: CreateAiCallTask →
 * ImportTaskNumberDatas → (IMMEDIATE start) → every recipient terminal, outcomes as the simulated carrier's magic
 * numbers dictate, and the task COMPLETED.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../../src/app/logger.js';
import { startDialer, type RunningDialer } from '../../src/app/dialer-service.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { ALL_DAYS, defaultTenant, viaCore, type Tenant } from '../conformance/aiccs-kit.js';

let server: TestServer;
let dialer: RunningDialer;
let tenant: Tenant;

before(async () => {
  server = await startTestServer({ config: { simTimeScale: 0, throttling: false }, logger: createLogger('error', process.stderr) });
  dialer = startDialer(server.app);
  tenant = defaultTenant(server);
});
after(async () => {
  await dialer.stop(5000);
  await server.stop();
});

async function createTask(name: string): Promise<string> {
  const created = await viaCore(tenant, 'CreateAiCallTask', {
    TaskName: name, StartType: 'IMMEDIATE', CallTime: ['{"startTime":"00:00:00","endTime":"24:00:00"}'], CallDay: ALL_DAYS, TaskCps: 50,
  });
  return String(created.Data);
}

async function taskIdByName(name: string): Promise<string> {
  const page = await viaCore(tenant, 'QueryAiCallTaskPage', { TaskName: name });
  const list = (page.Data as { List: { TaskId: string; TaskName: string }[] }).List;
  return list.find((t) => t.TaskName === name)!.TaskId;
}

async function details(taskId: string): Promise<{ PhoneNumber?: string; CalledNumber?: string; Status: number; CallResult?: string }[]> {
  const page = await viaCore(tenant, 'QueryAiCallDetailPage', { TaskId: taskId, Status: 1, PageSize: 100 });
  return (page.Data as { List: [] }).List;
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('create, import and the dialer calls every recipient to a final outcome', async () => {
  await createTask('api-e2e');
  const taskId = await taskIdByName('api-e2e');
  const rows = [
    ...Array.from({ length: 6 }, (_, i) => ({ calleeNumber: `1380000${i}0000`, name: `a${i}` })),
    ...Array.from({ length: 4 }, (_, i) => ({ calleeNumber: `1381000${i}0003` })),
  ];
  const imported = await viaCore(tenant, 'ImportTaskNumberDatas', { TaskId: taskId, DataType: 'JSON', PhoneNumberList: rows });
  assert.equal(imported.Code, 'OK');
  await waitFor(async () => (await details(taskId)).length === 10, 'all 10 recipients to end');
  const ended = await details(taskId);
  const results = ended.map((d) => d.CallResult).sort();
  assert.deepEqual(results, [...Array(6).fill('ANSWERED'), ...Array(4).fill('POWERED_OFF')].sort());
  // Status 4 is COMPLETED (docs/aiccs-tasks.md); the dialer marks it once the last call has settled.
  const status = async () => ((await viaCore(tenant, 'QueryAiCallTaskPage', { TaskId: taskId })).Data as { List: { Status: number }[] }).List[0]?.Status;
  await waitFor(async () => (await status()) === 4, 'the task to complete');
});
