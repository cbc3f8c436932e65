/**
 * The whole path a customer takes, through the official SDK and the running dialer: CreateAiCallTask →
 * ImportTaskNumberDatas → (IMMEDIATE start) → every recipient terminal, outcomes as the simulated carrier's magic
 * numbers dictate, and the task COMPLETED.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
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

interface DetailRow { CalledNumber: string; CallResult?: string; FailedReason?: string }

/** Details of a task in one aiccs Status group: 1 ended, 2 failed. */
async function details(taskId: string, status = 1): Promise<DetailRow[]> {
  const page = await viaCore(tenant, 'QueryAiCallDetailPage', { TaskId: taskId, Status: status, PageSize: 100 });
  return (page.Data as { List: DetailRow[] }).List;
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

test('do-not-call numbers fail with a reason; hashed recipients dial through the uploaded number directory', async () => {
  const waihu = (action: string, params: Record<string, unknown>) =>
    tenant.core.call({ version: '2026-12-01', action, params: { PhoneNumbers: JSON.stringify(params.PhoneNumbers) } }).then((r) => r.body);
  assert.deepEqual((await waihu('AddDoNotCallNumbers', { PhoneNumbers: ['13855550000'] })).Data, { Added: 1 });
  assert.deepEqual((await waihu('AddDirectoryNumbers', { PhoneNumbers: ['13966660000'] })).Data, { Added: 1 });

  await createTask('lists-plain');
  const plainTask = await taskIdByName('lists-plain');
  await viaCore(tenant, 'ImportTaskNumberDatas', {
    TaskId: plainTask, DataType: 'JSON', PhoneNumberList: [{ calleeNumber: '13855550000' }, { calleeNumber: '13877770000' }],
  });
  await waitFor(async () => (await details(plainTask, 1)).length + (await details(plainTask, 2)).length === 2, 'both recipients to settle');
  assert.deepEqual((await details(plainTask, 1)).map((d) => [d.CalledNumber, d.CallResult]), [['13877770000', 'ANSWERED']]);
  const refused = await details(plainTask, 2);
  assert.equal(refused[0]?.CalledNumber, '13855550000');
  assert.match(refused[0]?.FailedReason ?? '', /do-not-call/);

  await createTask('lists-hashed');
  const hashedTask = await taskIdByName('lists-hashed');
  const sha256 = (n: string) => createHash('sha256').update(n).digest('hex');
  await viaCore(tenant, 'ImportTaskNumberDatas', {
    TaskId: hashedTask, DataType: 'JSON', EncryptionType: 2,
    PhoneNumberList: [{ calleeNumber: sha256('13966660000') }, { calleeNumber: sha256('13911110000') }],
  });
  await waitFor(async () => (await details(hashedTask, 1)).length + (await details(hashedTask, 2)).length === 2, 'both hashed recipients to settle');
  assert.deepEqual((await details(hashedTask, 1)).map((d) => [d.CalledNumber, d.CallResult]), [[sha256('13966660000'), 'ANSWERED']]);
  const unmatched = await details(hashedTask, 2);
  assert.match(unmatched[0]?.FailedReason ?? '', /no number in the directory matches this SHA256 hash/);
});
