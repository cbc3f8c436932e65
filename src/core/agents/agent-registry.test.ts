import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import { openStore } from '../../store/open-store.js';
import { RegistryAgentNames } from '../campaigns/agent-names.js';
import { CampaignService } from '../campaigns/campaign-service.js';
import { DomainError } from '../errors.js';
import type { AgentDeps } from './agent-deps.js';
import { AgentRegistry } from './agent-registry.js';

const T0 = 1_790_000_000_000;
const ACC = 'acc-registry';
const OTHER = 'acc-registry-other';

const coded = (code: string, param?: string, message?: RegExp) => (e: unknown) =>
  e instanceof DomainError && e.code === code && (param === undefined || e.param === param) && (!message || message.test(e.message));

/** A task that calls with `extra`'s agent or application. */
const task = (name: string, extra: Record<string, unknown>) => ({
  TaskName: name, StartType: 'SCHEDULE', TaskStartTime: String(T0 + 86_400_000), CallTime: ['{"startTime":"00:00:00","endTime":"24:00:00"}'], CallDay: ['MONDAY'], ...extra,
});

describe('AgentRegistry over an embedded store', () => {
  let store: Store;
  let n = 5000;
  const randomQueue: number[][] = [];
  const deps = (): AgentDeps => ({
    store, tasks: store, clock: new ManualClock(T0),
    ids: { next: () => String(++n) },
    newId: () => `uuid-${++n}`,
    randomBytes: (size) => Uint8Array.from(randomQueue.shift() ?? Array.from({ length: size }, () => ++n % 256)),
  });
  let registry: AgentRegistry;
  let campaigns: CampaignService;
  before(async () => {
    store = await openStore({ sqliteFile: ':memory:' });
    await store.migrate();
    for (const id of [ACC, OTHER]) await store.insertAccount({ id, name: id, createdAt: T0 });
    registry = new AgentRegistry(deps());
    campaigns = new CampaignService({ store, ids: { next: () => String(++n) }, clock: new ManualClock(T0), agents: new RegistryAgentNames(store) });
  });
  after(() => store.close());

  test('task queries name agents from the registry and filter by a fragment of their names', async () => {
    const agent = await registry.voiceAgents.create(ACC, { name: 'Renewal Caller' });
    const other = await registry.voiceAgents.create(OTHER, { name: 'Renewal Elsewhere' });
    const mine = await campaigns.createTask(ACC, task('named', { AgentId: agent.id }));
    await campaigns.createTask(ACC, task('ghost agent', { AgentId: other.id }));
    const page = await campaigns.pageTasks(ACC, { AgentName: 'renewal' });
    assert.deepEqual(page.items.map((i) => [i.task.id, i.agentName]), [[mine.id, 'Renewal Caller']]);
    const ghost = await campaigns.pageTasks(ACC, { TaskName: 'ghost agent' });
    assert.equal(ghost.items[0]?.agentName, null, "another account's agent lends no name");
  });

  test('an agent in use by an unfinished task cannot be deleted; once the task is cancelled it can', async () => {
    const agent = await registry.voiceAgents.create(ACC, { name: 'Busy' });
    const used = await campaigns.createTask(ACC, task('uses busy', { AgentId: agent.id }));
    await assert.rejects(registry.voiceAgents.delete(ACC, agent.id), coded('InvalidState', 'AgentId', /used by 1 unfinished task\(s\), e\.g\. "uses busy" \(INIT\)/));
    await store.changeTaskStatus(ACC, used.id, 'cancel', T0);
    await registry.voiceAgents.delete(ACC, agent.id);
    await assert.rejects(registry.voiceAgents.get(ACC, agent.id), coded('NotFound', 'AgentId'));
    await assert.rejects(registry.voiceAgents.delete(ACC, agent.id), coded('NotFound', 'AgentId'));
  });

  test('an application linked by an agent or used by an unfinished task cannot be deleted', async () => {
    const app = await registry.applications.create(ACC, { Name: 'Linked', Prompt: 'p', StartWord: 's' });
    const agent = await registry.voiceAgents.create(ACC, { name: 'Linker', applicationCode: app.code });
    await assert.rejects(registry.applications.delete(ACC, app.code), coded('InvalidState', 'ApplicationCode', /linked by 1 AI voice agent/));
    await registry.voiceAgents.update(ACC, agent.id, { applicationCode: '' });
    const used = await campaigns.createTask(ACC, task('uses app', { ApplicationCode: app.code }));
    await assert.rejects(registry.applications.delete(ACC, app.code), coded('InvalidState', 'ApplicationCode', /unfinished task/));
    await store.changeTaskStatus(ACC, used.id, 'cancel', T0);
    await registry.applications.delete(ACC, app.code);
  });

  test("linking names an application of the caller's own account", async () => {
    const theirs = await registry.applications.create(OTHER, { Name: 'Theirs', Prompt: 'p', StartWord: 's' });
    await assert.rejects(registry.voiceAgents.create(ACC, { name: 'Borrower', applicationCode: theirs.code }), coded('NotFound', 'ApplicationCode'));
  });

  test('concurrent edits of one agent both land: the loser of the race re-reads and applies its change again', async () => {
    const agent = await registry.voiceAgents.create(ACC, { name: 'Raced' });
    await Promise.all([
      registry.voiceAgents.update(ACC, agent.id, { description: 'from A' }),
      registry.voiceAgents.update(ACC, agent.id, { modelConfig: { BasicTaskDescription: 'from B' } }),
      registry.voiceAgents.update(ACC, agent.id, { name: 'Raced 2' }),
    ]);
    const final = await registry.voiceAgents.get(ACC, agent.id);
    assert.deepEqual([final.name, final.description, final.draft.model.BasicTaskDescription, final.revision], ['Raced 2', 'from A', 'from B', 4]);
  });

  test('a fresh ApplicationCode is drawn when the first one is taken', async () => {
    const bytes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    randomQueue.push(bytes, bytes, [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const first = await registry.applications.create(ACC, { Name: 'Code 1', Prompt: 'p', StartWord: 's' });
    const second = await registry.applications.create(ACC, { Name: 'Code 2', Prompt: 'p', StartWord: 's' });
    assert.equal(first.code, 'ABCDEFGHIJK');
    assert.equal(second.code, 'ALMNOPQRSTU');
  });

  test('a robot goes one version up per update and keeps its script valid', async () => {
    const script = { version: 1, start: 'bye', nodes: { bye: { type: 'hangup', prompt: '再见' } } };
    const robot = await registry.robots.create(ACC, { Name: 'Hanger', Script: JSON.stringify(script) });
    const renamed = await registry.robots.update(ACC, robot.id, { Name: 'Hanger 2' });
    assert.deepEqual([renamed.version, renamed.script], [2, JSON.stringify(script)]);
    await assert.rejects(registry.robots.update(ACC, robot.id, { Script: '{"version":1,"start":"nowhere","nodes":{}}' }), coded('InvalidArgument', 'Script'));
    assert.equal((await registry.robots.get(ACC, robot.id)).version, 2, 'a refused update changes nothing');
    assert.equal((await registry.robots.script(ACC, robot.id)).start, 'bye');
    await assert.rejects(registry.robots.get(OTHER, robot.id), coded('NotFound', 'DialogId'));
  });
});
