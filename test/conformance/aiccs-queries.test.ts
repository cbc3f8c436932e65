// aiccs QueryAiCallDetailPage (every filter), QueryConversationDetailInfo and QueryConversationDetailInfoNew through
// openapi-core (V3) and pop-core (V1), on SQLite and on PostgreSQL. Calls are settled in the store the way the dialer
// would settle them (it does not run in this server); the queries must report them with the documented names and types.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { SchemaSource } from '../support/pg-schemas.js';
import {
  CLIENTS, answered, createTask, data, defaultTenant, expectError, importRows, missed, rows, settleCalls, via, viaCore, viaPop,
  type Tenant,
} from './aiccs-kit.js';

const pgUrl = process.env.WAIHU_TEST_DATABASE_URL;

/** A task with two batches: numbers 0-2 in A, 3-5 in B; 0 answered 180 s (intent A), 1 answered 30 s (intent B),
 * 3 not answered, 4 cancelled, 2 and 5 still waiting; plus one single import. */
interface Fixture {
  taskId: string;
  batchA: string;
  batchB: string;
  ids: Record<string, string>;
  callIds: Record<string, string>;
  importedAt: number;
  calledAt: number;
}

const num = (i: number) => `1390000${String(i).padStart(4, '0')}`;

async function fixture(server: TestServer, t: Tenant): Promise<Fixture> {
  const taskId = await createTask(t, 'queries');
  const importedAt = Date.now();
  const batchA = await importRows(t, taskId, rows(3, 0));
  const batchB = await importRows(t, taskId, rows(3, 3));
  await viaPop(t, 'ImportOneTaskPhoneNumber', { TaskId: taskId, PhoneNumber: num(9), OutId: 'o-9' });
  const calledAt = Date.now() + 60_000;
  const callIds = await settleCalls(server.app.store, taskId, { [num(0)]: answered(180, 'A'), [num(1)]: answered(30, 'B'), [num(3)]: missed('NO_ANSWER') }, calledAt);
  const all = (await server.app.store.pageDetails(t.accountId, taskId, {}, { pageNo: 1, pageSize: 20 })).items;
  const ids = Object.fromEntries(all.map((d) => [d.number, d.id]));
  await viaPop(t, 'CancelAiCallDetails', { TaskId: taskId, DetailIdList: [ids[num(4)]] });
  return { taskId, batchA, batchB, ids, callIds, importedAt, calledAt };
}

function suite(engine: 'sqlite' | 'postgres'): void {
  describe(`aiccs detail queries on ${engine}`, { skip: engine === 'postgres' && !pgUrl ? 'WAIHU_TEST_DATABASE_URL is not set' : false }, () => {
    let server: TestServer;
    let t: Tenant;
    let f: Fixture;
    const schemas = new SchemaSource(pgUrl ?? 'postgres://unused');
    before(async () => {
      const config = engine === 'postgres' ? { databaseUrl: await schemas.freshUrl() } : {};
      server = await startTestServer({ config });
      t = defaultTenant(server);
      f = await fixture(server, t);
    });
    after(async () => {
      await server?.stop();
      if (engine === 'postgres') await schemas.dropAll();
    });

    /** The numbers a QueryAiCallDetailPage call lists, sorted. */
    async function numbers(client: (typeof CLIENTS)[number], filter: Record<string, unknown>): Promise<string[]> {
      const page = data(await via(client, t, 'QueryAiCallDetailPage', { TaskId: f.taskId, PageSize: 100, ...filter }));
      const list = page.List as Record<string, unknown>[];
      assert.equal(page.Total, list.length);
      return list.map((d) => String(d.CalledNumber)).sort();
    }

    for (const client of CLIENTS) {
      test(`${client}: every QueryAiCallDetailPage filter narrows the list`, async () => {
        const n = (...is: number[]) => is.map(num).sort();
        assert.deepEqual(await numbers(client, { Status: 0 }), n(2, 5, 9), '0: not finished');
        assert.deepEqual(await numbers(client, { Status: 1 }), n(0, 1, 3), '1: ended');
        assert.deepEqual(await numbers(client, { Status: 2 }), n(4), '2: failed (cancelled)');
        assert.deepEqual(await numbers(client, { Status: 1, BatchId: f.batchA }), n(0, 1));
        assert.deepEqual(await numbers(client, { Status: 1, CalledNumber: num(3) }), n(3));
        assert.deepEqual(await numbers(client, { Status: 1, EncryptionType: 0 }), n(0, 1, 3));
        assert.deepEqual(await numbers(client, { Status: 1, EncryptionType: 1 }), []);
        assert.deepEqual(await numbers(client, { Status: 1, CallResult: 'ANSWERED' }), n(0, 1));
        assert.deepEqual(await numbers(client, { Status: 1, CallResult: 'NO_ANSWER' }), n(3));
        assert.deepEqual(await numbers(client, { Status: 1, MajorIntent: 'B' }), n(1));
        assert.deepEqual(await numbers(client, { Status: 1, MinConversationDuration: 1 }), n(0), 'minutes: 180 s is at least 1 minute');
        assert.deepEqual(await numbers(client, { Status: 1, MaxConversationDuration: 1 }), n(1, 3), 'minutes: at most 60 s');
        assert.deepEqual(await numbers(client, { Status: 0, StartImportedTime: f.importedAt - 1000, EndImportedTime: Date.now() + 1000 }), n(2, 5, 9));
        assert.deepEqual(await numbers(client, { Status: 0, EndImportedTime: f.importedAt - 1000 }), []);
        assert.deepEqual(await numbers(client, { Status: 1, StartCallingTime: f.calledAt, EndCallingTime: f.calledAt }), n(0, 1, 3));
        assert.deepEqual(await numbers(client, { Status: 1, StartCallingTime: f.calledAt + 1 }), []);
        assert.deepEqual(await numbers(client, { Status: 0, OutId: 'o-9' }), n(9));
        assert.deepEqual(await numbers(client, { Status: 1, DetailIds: [f.ids[num(0)], f.ids[num(3)], f.ids[num(2)]] }), n(0, 3));
        assert.deepEqual(await numbers(client, { Status: 1, BatchId: f.batchB, CallResult: 'ANSWERED' }), []);
      });

      test(`${client}: QueryAiCallDetailPage entries have the documented names and types`, async () => {
        const page = data(await via(client, t, 'QueryAiCallDetailPage', { TaskId: f.taskId, Status: 1, CalledNumber: num(0) }));
        const [entry] = page.List as Record<string, unknown>[];
        assert.deepEqual({ ...entry }, {
          DetailId: f.ids[num(0)], TaskId: f.taskId, BatchId: f.batchA, CalledNumber: num(0), EncryptionType: 0, OutId: 'o-0',
          Status: 4, ImportedTime: entry?.ImportedTime, CallingTime: f.calledAt, CallResult: 'ANSWERED', ConversationDuration: 180,
          ConversationTurnCount: 3, MajorIntent: 'A', Options: '{"name":"n0"}',
        });
        assert.equal(typeof entry?.ImportedTime, 'number');
        assert.ok(Number(entry?.ImportedTime) >= f.importedAt);
        const failed = (data(await via(client, t, 'QueryAiCallDetailPage', { TaskId: f.taskId, Status: 2 })).List as Record<string, unknown>[])[0];
        assert.equal(failed?.FailedReason, 'cancelled by CancelAiCallDetails');
        assert.equal(failed?.CallingTime, undefined, 'never called: no CallingTime');
      });

      test(`${client}: QueryAiCallDetailPage pages newest import first and refuses bad filters`, async () => {
        const first = data(await via(client, t, 'QueryAiCallDetailPage', { TaskId: f.taskId, Status: 0, PageNo: 1, PageSize: 2 }));
        assert.deepEqual([first.PageNo, first.PageSize, first.Total], [1, 2, 3]);
        assert.deepEqual((first.List as Record<string, unknown>[]).map((d) => d.CalledNumber), [num(9), num(5)]);
        const defaults = data(await via(client, t, 'QueryAiCallDetailPage', { TaskId: f.taskId, Status: 0 }));
        assert.deepEqual([defaults.PageNo, defaults.PageSize], [1, 10]);
        const bad = (extra: Record<string, unknown>) => ({ TaskId: f.taskId, Status: 1, ...extra });
        await expectError(client, t, 'QueryAiCallDetailPage', { TaskId: f.taskId }, { code: 'MissingStatus', status: 400 });
        await expectError(client, t, 'QueryAiCallDetailPage', bad({ Status: 3 }), { code: 'InvalidParameter', status: 400, message: /Status must be between 0 and 2/ });
        await expectError(client, t, 'QueryAiCallDetailPage', bad({ CallResult: 'HAPPY' }), { code: 'InvalidParameter', status: 400, message: /CallResult must be one of ANSWERED/ });
        await expectError(client, t, 'QueryAiCallDetailPage', bad({ EncryptionType: 9 }), { code: 'InvalidParameter', status: 400, message: /EncryptionType/ });
        await expectError(client, t, 'QueryAiCallDetailPage', bad({ DetailIds: Array.from({ length: 101 }, (_, i) => i + 1) }), { code: 'InvalidParameter', status: 400, message: /DetailIds takes at most 100/ });
        await expectError(client, t, 'QueryAiCallDetailPage', bad({ MinConversationDuration: 5, MaxConversationDuration: 2 }), { code: 'InvalidParameter', status: 400, message: /MaxConversationDuration must not be less than MinConversationDuration/ });
        await expectError(client, t, 'QueryAiCallDetailPage', bad({ StartCallingTime: 10, EndCallingTime: 5 }), { code: 'InvalidParameter', status: 400, message: /EndCallingTime/ });
        await expectError(client, t, 'QueryAiCallDetailPage', bad({ TaskId: '1234567890123456789' }), { code: 'InvalidTaskId.NotFound', status: 404 });
      });

      test(`${client}: QueryConversationDetailInfo reports the latest call with the documented names and types`, async () => {
        const body = data(await via(client, t, 'QueryConversationDetailInfo', { TaskId: f.taskId, DetailId: f.ids[num(0)], BatchId: f.batchA }));
        assert.deepEqual(body, {
          CalledPhone: num(0), EncryptionType: '0', OutId: 'o-0', CallId: f.callIds[num(0)], CallerPhone: '057100001111', CallResult: 'ANSWERED',
          StatusCode: '200000', StatusMsg: '用户接通', StartCallTime: f.calledAt, PickUpTime: f.calledAt + 5000, ReleaseTime: f.calledAt + 185_000,
          Duration: 180, HangupDirection: '0', MajorIntent: 'A', OutputTags: [],
          Variables: [{ Key: 'name', Name: 'name', Value: 'n0', Required: false }],
        });
        const missedCall = data(await via(client, t, 'QueryConversationDetailInfo', { TaskId: f.taskId, DetailId: f.ids[num(3)], BatchId: f.batchB }));
        assert.deepEqual([missedCall.CallResult, missedCall.StatusCode, missedCall.Duration, missedCall.PickUpTime], ['NO_ANSWER', '200003', 0, undefined]);
        const waiting = data(await via(client, t, 'QueryConversationDetailInfo', { TaskId: f.taskId, DetailId: f.ids[num(2)], BatchId: f.batchA }));
        assert.deepEqual([waiting.CallId, waiting.Duration, waiting.CalledPhone], [undefined, 0, num(2)], 'not called yet: no call fields');
        const single = data(await via(client, t, 'QueryConversationDetailInfo', { TaskId: f.taskId, DetailId: f.ids[num(9)], BatchId: '0' }));
        assert.equal(single.OutId, 'o-9', 'a single import has no batch; its BatchId is not checked');
      });

      test(`${client}: QueryConversationDetailInfo refuses ids that do not belong together`, async () => {
        await expectError(client, t, 'QueryConversationDetailInfo', { TaskId: f.taskId, DetailId: f.ids[num(0)], BatchId: f.batchB }, { code: 'InvalidBatchId.NotFound', status: 404 });
        await expectError(client, t, 'QueryConversationDetailInfo', { TaskId: f.taskId, DetailId: '42', BatchId: f.batchA }, { code: 'InvalidDetailId.NotFound', status: 404 });
        const otherTask = await createTask(t, `conversation other ${client}`);
        await expectError(client, t, 'QueryConversationDetailInfo', { TaskId: otherTask, DetailId: f.ids[num(0)], BatchId: f.batchA }, { code: 'InvalidDetailId.NotFound', status: 404 });
        await expectError(client, t, 'QueryConversationDetailInfo', { TaskId: f.taskId, DetailId: f.ids[num(0)] }, { code: 'MissingBatchId', status: 400 });
      });

      test(`${client}: QueryConversationDetailInfoNew finds a call by DetailId, CallId or OutId`, async () => {
        const byDetail = data(await via(client, t, 'QueryConversationDetailInfoNew', { TaskId: f.taskId, DetailId: f.ids[num(1)] }));
        assert.deepEqual(byDetail, {
          TaskId: f.taskId, BatchId: f.batchA, DetailId: f.ids[num(1)], CalledPhone: num(1), EncryptionType: 0, OutId: 'o-1', Status: 4,
          ImportedTime: byDetail.ImportedTime, Options: '{"name":"n1"}', ConversationTurnCount: 3, CallId: f.callIds[num(1)],
          CallerPhone: '057100001111', CallResult: 'ANSWERED', StatusCode: '200000', StatusMsg: '用户接通', StartCallTime: f.calledAt,
          PickUpTime: f.calledAt + 5000, ReleaseTime: f.calledAt + 35_000, Duration: 30, HangupDirection: '0', MajorIntent: 'B',
          Variables: [{ Key: 'name', Name: 'name', Value: 'n1', Required: false }], OutputTags: [],
        });
        const byCall = data(await via(client, t, 'QueryConversationDetailInfoNew', { TaskId: f.taskId, CallId: f.callIds[num(3)] }));
        assert.deepEqual([byCall.DetailId, byCall.CallResult], [f.ids[num(3)], 'NO_ANSWER']);
        const byOut = data(await via(client, t, 'QueryConversationDetailInfoNew', { TaskId: f.taskId, OutId: 'o-9' }));
        assert.deepEqual([byOut.DetailId, byOut.BatchId, byOut.Status], [f.ids[num(9)], undefined, 1]);
        await expectError(client, t, 'QueryConversationDetailInfoNew', { TaskId: f.taskId }, { code: 'InvalidParameter', status: 400, message: /needs DetailId, CallId or OutId/ });
        await expectError(client, t, 'QueryConversationDetailInfoNew', { TaskId: f.taskId, CallId: '1^2' }, { code: 'InvalidCallId.NotFound', status: 404 });
        await expectError(client, t, 'QueryConversationDetailInfoNew', { TaskId: f.taskId, OutId: 'nobody' }, { code: 'InvalidOutId.NotFound', status: 404 });
        await expectError(client, t, 'QueryConversationDetailInfoNew', { DetailId: f.ids[num(1)] }, { code: 'MissingTaskId', status: 400 });
      });
    }

    test('QueryAiCallTaskPage counts calls, answers and today’s work from the details', async () => {
      const list = data(await viaCore(t, 'QueryAiCallTaskPage', { TaskId: f.taskId })).List as Record<string, unknown>[];
      const entry = list[0] ?? {};
      assert.deepEqual(
        [entry.TotalCount, entry.TotalCallCount, entry.DayCallCount, entry.DayImportCount, entry.CallingCount, entry.SucceedCount, entry.FailedCount],
        [7, 3, 3, 7, 0, 3, 1],
      );
      assert.deepEqual([entry.CompleteRate, entry.HistoryConnectRate, entry.DayConnectRate], ['57.14%', '66.67%', '66.67%']);
    });
  });
}

suite('sqlite');
suite('postgres');
