// Two accounts on one waihu, through openapi-core (V3) and pop-core (V1), on SQLite and PostgreSQL: every aiccs task
// action given the other account's TaskId, DetailId, BatchId, CallId or OutId answers exactly as for an id that never
// existed (same code, status and wording), and leaves the owner's stored state untouched.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { SchemaSource } from '../support/pg-schemas.js';
import {
  CLIENTS, answered, assertOk, createTask, data, defaultTenant, expectError, importRows, otherTenant, rows, settleCalls, taskParams,
  via, viaPop, type ClientName, type ExpectedError, type Tenant,
} from './aiccs-kit.js';

const pgUrl = process.env.WAIHU_TEST_DATABASE_URL;
const GHOST = '1234567890123456789';

/** What tenant A owns. */
interface Owned {
  taskId: string;
  batchId: string;
  detailId: string;
  singleId: string;
  callId: string;
}

async function seedOwner(server: TestServer, a: Tenant): Promise<Owned> {
  const taskId = await createTask(a, 'tenant-a-only');
  const batchId = await importRows(a, taskId, [{ calleeNumber: '13911110000', outId: 'a-out-0' }, { calleeNumber: '13911110001', outId: 'a-out-1' }]);
  await viaPop(a, 'ImportOneTaskPhoneNumber', { TaskId: taskId, PhoneNumber: '13911110009', OutId: 'a-out-9' });
  const callIds = await settleCalls(server.app.store, taskId, { '13911110000': answered(20) }, Date.now() + 1000);
  const details = (await server.app.store.pageDetails(a.accountId, taskId, {}, { pageNo: 1, pageSize: 10 })).items;
  const id = (n: string) => details.find((d) => d.number === n)?.id ?? '';
  return { taskId, batchId, detailId: id('13911110001'), singleId: id('13911110009'), callId: callIds['13911110000'] ?? '' };
}

function suite(engine: 'sqlite' | 'postgres'): void {
  describe(`two accounts on ${engine}`, { skip: engine === 'postgres' && !pgUrl ? 'WAIHU_TEST_DATABASE_URL is not set' : false }, () => {
    let server: TestServer;
    let a: Tenant;
    let b: Tenant;
    let owned: Owned;
    let bTask: string;
    const schemas = new SchemaSource(pgUrl ?? 'postgres://unused');
    before(async () => {
      server = await startTestServer({ config: engine === 'postgres' ? { databaseUrl: await schemas.freshUrl() } : {} });
      a = defaultTenant(server);
      b = await otherTenant(server, 'tenant b');
      owned = await seedOwner(server, a);
      bTask = await createTask(b, 'tenant-b-task');
      await importRows(b, bTask, rows(2));
    });
    after(async () => {
      await server?.stop();
      if (engine === 'postgres') await schemas.dropAll();
    });

    /**
     * B calls `action` once with A's id and once with a ghost id in its place; both must fail alike (the message
     * naming the id it was given).
     */
    async function sameAsGhost(client: ClientName, action: string, params: (id: string) => Record<string, unknown>, real: string, expected: ExpectedError) {
      const forReal = await expectError(client, b, action, params(real), expected);
      const forGhost = await expectError(client, b, action, params(GHOST), expected);
      assert.equal(String(forReal.Message).replaceAll(real, '<id>'), String(forGhost.Message).replaceAll(GHOST, '<id>'), `${action}: same wording`);
    }

    /** A's task as stored, to prove nothing B did reached it. */
    async function ownerSnapshot() {
      const task = await server.app.store.getTask(a.accountId, owned.taskId);
      const progress = (await server.app.store.taskProgress(a.accountId, [owned.taskId])).get(owned.taskId);
      return { status: task?.status, name: task?.settings.name, cps: task?.settings.taskCps, byState: progress?.byState };
    }

    for (const client of CLIENTS) {
      test(`${client}: every action given the other account's TaskId answers InvalidTaskId.NotFound, as for a ghost`, async () => {
        const before = await ownerSnapshot();
        const notFound = { code: 'InvalidTaskId.NotFound', status: 404, message: /does not exist/ };
        const cases: [string, (id: string) => Record<string, unknown>][] = [
          ['UpdateAiCallTask', (id) => ({ ...taskParams('hijack', { TaskCps: 1 }), TaskId: id })],
          ['StartAiCallTask', (id) => ({ TaskId: id })],
          ['StopAiCallTask', (id) => ({ TaskId: id })],
          ['QueryAiCallTaskDetail', (id) => ({ TaskId: id })],
          ['ImportTaskNumberDatas', (id) => ({ TaskId: id, DataType: 'JSON', PhoneNumberList: rows(2, 50) })],
          ['ImportOneTaskPhoneNumber', (id) => ({ TaskId: id, PhoneNumber: '13922220000' })],
          ['CancelAiCallDetails', (id) => ({ TaskId: id, DetailIdList: [owned.detailId] })],
          ['CancelAiCallDetails', (id) => ({ TaskId: id, BatchId: owned.batchId })],
          ['QueryAiCallDetailPage', (id) => ({ TaskId: id, Status: 0 })],
          ['QueryConversationDetailInfo', (id) => ({ TaskId: id, DetailId: owned.detailId, BatchId: owned.batchId })],
          ['QueryConversationDetailInfoNew', (id) => ({ TaskId: id, DetailId: owned.detailId })],
          ['QueryConversationDetailInfoNew', (id) => ({ TaskId: id, CallId: owned.callId })],
        ];
        for (const [action, params] of cases) await sameAsGhost(client, action, params, owned.taskId, notFound);
        assert.deepEqual(await ownerSnapshot(), before, "A's task is untouched");
      });

      test(`${client}: QueryAiCallTaskPage lists only the caller's own tasks`, async () => {
        const byId = data(await via(client, b, 'QueryAiCallTaskPage', { TaskId: owned.taskId }));
        const byGhost = data(await via(client, b, 'QueryAiCallTaskPage', { TaskId: GHOST }));
        assert.deepEqual([byId.Total, byId.List], [0, []]);
        assert.deepEqual(byId, byGhost);
        assert.equal(data(await via(client, b, 'QueryAiCallTaskPage', { TaskName: 'tenant-a-only' })).Total, 0);
        const mine = data(await via(client, b, 'QueryAiCallTaskPage', { PageSize: 100 })).List as Record<string, unknown>[];
        assert.ok(mine.every((e) => e.TaskId !== owned.taskId), "B's listing never shows A's task");
      });

      test(`${client}: B's own task given A's DetailId, BatchId, CallId or OutId answers as for ghosts`, async () => {
        const before = await ownerSnapshot();
        await sameAsGhost(client, 'CancelAiCallDetails', (id) => ({ TaskId: bTask, BatchId: id }), owned.batchId, { code: 'InvalidBatchId.NotFound', status: 404 });
        await sameAsGhost(client, 'QueryConversationDetailInfo', (id) => ({ TaskId: bTask, DetailId: id, BatchId: owned.batchId }), owned.detailId, { code: 'InvalidDetailId.NotFound', status: 404 });
        await sameAsGhost(client, 'QueryConversationDetailInfoNew', (id) => ({ TaskId: bTask, DetailId: id }), owned.singleId, { code: 'InvalidDetailId.NotFound', status: 404 });
        await sameAsGhost(client, 'QueryConversationDetailInfoNew', (id) => ({ TaskId: bTask, CallId: id }), owned.callId, { code: 'InvalidCallId.NotFound', status: 404 });
        await sameAsGhost(client, 'QueryConversationDetailInfoNew', (id) => ({ TaskId: bTask, OutId: id }), 'a-out-0', { code: 'InvalidOutId.NotFound', status: 404 });

        const cancel = data(await via(client, b, 'CancelAiCallDetails', { TaskId: bTask, DetailIdList: [owned.detailId, GHOST] }));
        assert.deepEqual(cancel, {
          TotalCount: 2, SucceedCount: 0, FailedCount: 2, ResultCode: 'ALL_FAILED',
          FailedDetails: { [owned.detailId]: '明细记录不存在', [GHOST]: '明细记录不存在' },
        });
        const page = async (filter: Record<string, unknown>) => data(await via(client, b, 'QueryAiCallDetailPage', { TaskId: bTask, Status: 0, ...filter }));
        assert.deepEqual(await page({ BatchId: owned.batchId }), await page({ BatchId: GHOST }));
        assert.equal((await page({ BatchId: owned.batchId })).Total, 0);
        assert.equal((await page({ DetailIds: [owned.detailId] })).Total, 0);
        assert.equal((await page({ OutId: 'a-out-1' })).Total, 0);
        assert.deepEqual(await ownerSnapshot(), before, "A's details are untouched");
        assert.equal((await server.app.store.getDetail(a.accountId, owned.detailId))?.state, 1);
      });
    }

    test('task names are unique per account: B may take the name of A\'s task, A may not reuse it', async () => {
      assertOk(await via('openapi-core V3', b, 'CreateAiCallTask', taskParams('tenant-a-only')));
      await expectError('pop-core V1', a, 'CreateAiCallTask', taskParams('tenant-a-only'), { code: 'TaskName.AlreadyExists', status: 400 });
    });

    test('the owner still reaches everything B could not', async () => {
      const conversation = data(await via('openapi-core V3', a, 'QueryConversationDetailInfoNew', { TaskId: owned.taskId, CallId: owned.callId }));
      assert.equal(conversation.CallResult, 'ANSWERED');
      const detail = data(await via('pop-core V1', a, 'QueryConversationDetailInfo', { TaskId: owned.taskId, DetailId: owned.detailId, BatchId: owned.batchId }));
      assert.equal(detail.OutId, 'a-out-1');
    });
  });
}

suite('sqlite');
suite('postgres');
