import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import { openStore } from '../../store/open-store.js';
import { DomainError } from '../errors.js';
import type { AgentNames } from './agent-names.js';
import { IdOnlyAgentNames } from './agent-names.js';
import { CampaignService } from './campaign-service.js';
import { startOfLocalDay } from './task-overview.js';

const T0 = 1_790_000_000_000;
const ACCOUNT = 'acc-service';

/** Sequential ids from `first`, so a test can tell which use case took which id. */
function counter(first: number) {
  let n = first - 1;
  return { next: () => String(++n) };
}

function task(name: string, extra: Record<string, unknown> = {}) {
  return { TaskName: name, StartType: 'IMMEDIATE', CallTime: ['{"startTime":"00:00:00","endTime":"24:00:00"}'], CallDay: ['MONDAY'], TaskCps: '5', ...extra };
}

const coded = (code: string, param?: string, message?: RegExp) => (e: unknown) =>
  e instanceof DomainError && e.code === code && e.param === param && (!message || message.test(e.message));

describe('CampaignService over an embedded store', () => {
  let store: Store;
  before(async () => {
    store = await openStore({ sqliteFile: ':memory:' });
    await store.migrate();
    await store.insertAccount({ id: ACCOUNT, name: 'service', createdAt: T0 });
  });
  after(() => store.close());

  let nextBlock = 100;
  const service = (agents: AgentNames = new IdOnlyAgentNames()) => {
    nextBlock += 100;
    return new CampaignService({ store, ids: counter(nextBlock + 1), clock: new ManualClock(T0), agents });
  };

  test('tasks, batches and details take their ids from the IdSource it was given', async () => {
    const s = service();
    const created = await s.createTask(ACCOUNT, task('ids'));
    const imported = await s.importNumbers(ACCOUNT, { TaskId: created.id, DataType: 'json', PhoneNumberList: [{ calleeNumber: '13900000001' }, { calleeNumber: '13900000002' }] });
    assert.deepEqual([created.id, imported.batchId, imported.details.map((d) => d.id)], ['201', '202', ['203', '204']]);
    assert.deepEqual(await store.getBatch(ACCOUNT, '202').then((b) => b?.rowCount), 2);
  });

  test('input is validated before the task is looked up, so a bad call never costs a read', async () => {
    const s = service();
    await assert.rejects(s.importNumbers(ACCOUNT, { TaskId: 'ghost', DataType: 'JSON', PhoneNumberList: [{ outId: 'x' }] }), coded('InvalidArgument', 'PhoneNumberList[0].calleeNumber'));
    await assert.rejects(s.importNumbers(ACCOUNT, { TaskId: 'ghost', DataType: 'JSON', PhoneNumberList: [{ calleeNumber: '13900000001' }] }), coded('NotFound', 'TaskId', /"ghost" does not exist/));
    await assert.rejects(s.importOne(ACCOUNT, { TaskId: 'ghost' }), coded('InvalidArgument', 'PhoneNumber'));
  });

  test('a status change that races the check is refused by the store and reworded from the task as it now is', async () => {
    const s = service();
    const created = await s.createTask(ACCOUNT, task('race'));
    // Another request stops the task between the service's check and its write.
    const racing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop !== 'changeTaskStatus') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<Store['changeTaskStatus']>) => {
          await target.changeTaskStatus(ACCOUNT, created.id, 'stop', T0);
          return target.changeTaskStatus(...args);
        };
      },
    });
    const raced = new CampaignService({ store: racing, ids: counter(9000), clock: new ManualClock(T0), agents: new IdOnlyAgentNames() });
    await assert.rejects(raced.stopTask(ACCOUNT, created.id), coded('InvalidState', undefined, /StopAiCallTask refused: task \d+ is STOPPED \(it is already stopped\)/));
  });

  test('AgentName goes through the AgentNames port, both to filter and to name', async () => {
    const registry: AgentNames = {
      idsByName: async (_account, fragment) => ('sales bot'.includes(fragment.toLowerCase()) ? ['agent-sales'] : []),
      namesOf: async (_account, ids) => new Map(ids.filter((id) => id === 'agent-sales').map((id) => [id, 'Sales Bot'])),
    };
    const s = service(registry);
    const sales = await s.createTask(ACCOUNT, task('with agent', { AgentId: 'agent-sales' }));
    await s.createTask(ACCOUNT, task('other agent', { AgentId: 'agent-other' }));
    const page = await s.pageTasks(ACCOUNT, { AgentName: 'SALES' });
    assert.deepEqual(page.items.map((i) => [i.task.id, i.agentName]), [[sales.id, 'Sales Bot']]);
    assert.equal((await s.pageTasks(ACCOUNT, { AgentName: 'nobody' })).total, 0);
    assert.equal((await s.describeTask(ACCOUNT, sales.id)).agentName, 'Sales Bot');
  });

  test('"today" starts at midnight in the task\'s time zone', () => {
    const noonShanghai = Date.UTC(2026, 5, 15, 4, 0, 0); // 12:00 in UTC+8
    assert.equal(startOfLocalDay(noonShanghai, 'Asia/Shanghai'), Date.UTC(2026, 5, 14, 16, 0, 0));
    assert.equal(startOfLocalDay(noonShanghai, 'America/New_York'), Date.UTC(2026, 5, 15, 4, 0, 0), '00:00 EDT is 04:00 UTC');
    assert.equal(startOfLocalDay(Date.UTC(2026, 5, 15, 3, 59, 59), 'America/New_York'), Date.UTC(2026, 5, 14, 4, 0, 0));
  });
});
