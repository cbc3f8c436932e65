/**
 * An outcome model set through the waihu API changes what the running dialer's simulated calls produce: with
 * USER_BUSY at 1 every ordinary number of the account ends busy (magic numbers still force theirs), other accounts
 * keep the default model, and a model replaced later is in force for dials made after the carrier's cache time.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../../src/app/logger.js';
import { startDialer, type RunningDialer } from '../../src/app/dialer-service.js';
import { SIM_MODEL_CACHE_MS } from '../../src/providers/telephony/sim/stored-sim-models.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { WAIHU } from '../support/sdk-clients.js';
import { ALL_DAYS, defaultTenant, otherTenant, viaCore, type Tenant } from '../conformance/aiccs-kit.js';

let server: TestServer;
let dialer: RunningDialer;
let a: Tenant;
let b: Tenant;

before(async () => {
  server = await startTestServer({ config: { simTimeScale: 0, throttling: false }, logger: createLogger('error', process.stderr) });
  dialer = startDialer(server.app);
  a = defaultTenant(server);
  b = await otherTenant(server, 'busy list');
});
after(async () => {
  await dialer.stop(5000);
  await server.stop();
});

/** Calls a waihu management action through openapi-core and returns Data. */
async function waihu(t: Tenant, action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const body = (await t.core.call({ version: WAIHU, action, params })).body;
  assert.equal(body.Code, 'OK', JSON.stringify(body));
  return body.Data as Record<string, unknown>;
}

interface DetailRow { CalledNumber: string; CallResult?: string }

/** Creates an IMMEDIATE task, imports the numbers and waits until every recipient has ended; returns number -> result. */
async function runCampaign(t: Tenant, name: string, numbers: string[]): Promise<Map<string, string | undefined>> {
  await viaCore(t, 'CreateAiCallTask', {
    TaskName: name, StartType: 'IMMEDIATE', CallTime: ['{"startTime":"00:00:00","endTime":"24:00:00"}'], CallDay: ALL_DAYS, TaskCps: 50,
  });
  // Data is the TaskId as a JSON number, beyond what a double holds exactly; the task page has it as a string.
  const tasks = (await viaCore(t, 'QueryAiCallTaskPage', { TaskName: name })).Data as { List: { TaskId: string; TaskName: string }[] };
  const taskId = tasks.List.find((task) => task.TaskName === name)!.TaskId;
  await viaCore(t, 'ImportTaskNumberDatas', { TaskId: taskId, DataType: 'JSON', PhoneNumberList: numbers.map((calleeNumber) => ({ calleeNumber })) });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await viaCore(t, 'QueryAiCallDetailPage', { TaskId: taskId, Status: 1, PageSize: 100 });
    const ended = (page.Data as { List: DetailRow[] }).List;
    if (ended.length === numbers.length) return new Map(ended.map((d) => [d.CalledNumber, d.CallResult]));
    if (Date.now() > deadline) throw new Error(`timed out: ${ended.length} of ${numbers.length} recipients of ${name} ended`);
    await sleep(100);
  }
}

/** Numbers whose last four digits are not magic (docs/simulator.md), so the model alone decides. */
const ordinary = (prefix: string) => Array.from({ length: 8 }, (_, i) => `${prefix}${i}5678`);

test("a model set through the API decides the account's simulated outcomes; other accounts keep the default", async () => {
  const set = await waihu(b, 'SetSimulatorModel', { Model: JSON.stringify({ outcomes: { USER_BUSY: 1 } }) });
  assert.equal(set.IsDefault, false);

  const answeredMagic = '13899990000';
  const bResults = await runCampaign(b, 'all-busy', [...ordinary('139000'), answeredMagic]);
  for (const number of ordinary('139000')) assert.equal(bResults.get(number), 'USER_BUSY', `${number} under B's model`);
  assert.equal(bResults.get(answeredMagic), 'ANSWERED', 'a magic number still forces its outcome');

  const aResults = await runCampaign(a, 'default-model', ordinary('139000'));
  const aBusy = [...aResults.values()].filter((r) => r === 'USER_BUSY').length;
  // Under the default model 6 % of calls are busy; all 8 busy would take odds of about 1 in 6 billion.
  assert.ok(aBusy < 8, `A's calls follow the default model, not B's: ${JSON.stringify([...aResults])}`);
});

test('a model replaced through the API is in force for dials made after the cache time', async () => {
  await waihu(b, 'SetSimulatorModel', { Model: JSON.stringify({ outcomes: { USER_BUSY: 1 } }) });
  // Let the dialer read the busy model, then replace it.
  assert.equal((await runCampaign(b, 'busy-before', ordinary('137000'))).get(ordinary('137000')[0]!), 'USER_BUSY');
  await waihu(b, 'SetSimulatorModel', { Model: JSON.stringify({ outcomes: { ANSWERED: 1 } }) });
  await sleep(SIM_MODEL_CACHE_MS);
  const results = await runCampaign(b, 'answered-after', ordinary('136000'));
  assert.deepEqual([...new Set(results.values())], ['ANSWERED']);
});
