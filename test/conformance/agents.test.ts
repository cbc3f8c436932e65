// AI voice agents through the official clients, on SQLite and PostgreSQL: waihu's CreateAiVoiceAgent,
// UpdateAiVoiceAgent, PublishAiVoiceAgent, OfflineAiVoiceAgent and DeleteAiVoiceAgent, read back through aiccs'
// PageQueryAgentList and QueryAiVoiceAgentDetail in the documented shapes; bad input, unknown ids and other
// accounts' agents are refused in Alibaba's error format.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { SchemaSource } from '../support/pg-schemas.js';
import { assertOk, CLIENTS, createTask, data, exactId, expectError, otherTenant, via, type ClientName, type Tenant } from './aiccs-kit.js';
import { refused, waihuBody } from './waihu-kit.js';

const pgUrl = process.env.WAIHU_TEST_DATABASE_URL;
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const MODEL = {
  TaskType: 'BASIC',
  BasicTaskDescription: '向客户介绍续保优惠并邀约',
  Prologue: '您好，我是云保险的小云',
  MainPurpose: { MainPurposeName: '通话效果评级', MainPurposeEnum: [{ Value: 'A', Description: '意向强烈' }, { Value: 'B' }] },
  OutputTagConfig: [{ OutputTagName: '客户意向度', OutputTagType: 'ENUM', OutputTagEnum: [{ Value: '高' }, { Value: '低' }] }],
  PhoneTagConfig: [{ PhoneTagKey: 'name', PhoneTagName: '姓名', PhoneTagType: 'TEXT', PhoneTagRequired: true }],
  CustomExceptionVoiceStyle: 2,
};
const CALL = { TtsConfig: { VoiceCode: 'xiaoyun', TtsSpeed: 20, TtsVolume: 60 }, EventConfig: { SessionTimeout: 600 } };

/** The parts of a QueryAiVoiceAgentDetail Data the shape test reads. */
interface Part { Id: string; Value?: string }
interface DetailData {
  AgentName: string; Description: string; Status: number; BusinessTypeName: string; VoiceStyleName: string; AiVoiceAgentCallConfig: unknown;
  AiVoiceAgentModelConfig: {
    TaskType: string; BusinessType: number; StartWordType: number; Prologue: string; PhoneTagConfig: Part[];
    MainPurpose: Part & { MainPurposeType: string; MainPurposeEnum: Part[] };
    OutputTagConfig: (Part & { OutputTagEnum: Part[] })[];
  };
}

/** Creates an agent through `client`; returns its AgentId. */
async function createAgent(client: ClientName, t: Tenant, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const body = await waihuBody(client, t, 'CreateAiVoiceAgent', { Name: name, ModelConfig: JSON.stringify(MODEL), ...extra });
  return exactId(body.Data);
}

/** The PageQueryAgentList Data for `params`. */
async function agentPage(client: ClientName, t: Tenant, params: Record<string, unknown> = {}) {
  return data(await via(client, t, 'PageQueryAgentList', params)) as { Total: number; PageNo: number; PageSize: number; List: Record<string, unknown>[] };
}

/** The QueryAiVoiceAgentDetail body for `params` (openapi-core: plain JSON numbers). */
async function detail(t: Tenant, params: Record<string, unknown>) {
  return assertOk(await via('openapi-core V3', t, 'QueryAiVoiceAgentDetail', params)).Data as Record<string, unknown>;
}

function suite(engine: 'sqlite' | 'postgres'): void {
  describe(`AI voice agents on ${engine}`, { skip: engine === 'postgres' && !pgUrl ? 'WAIHU_TEST_DATABASE_URL is not set' : false }, () => {
    let server: TestServer;
    const schemas = new SchemaSource(pgUrl ?? 'postgres://unused');
    before(async () => {
      server = await startTestServer({ config: engine === 'postgres' ? { databaseUrl: await schemas.freshUrl() } : {} });
    });
    after(async () => {
      await server?.stop();
      if (engine === 'postgres') await schemas.dropAll();
    });

    for (const client of CLIENTS) {
      test(`${client}: create, publish, edit and delete; the queries show each step`, async () => {
        const t = await otherTenant(server, `round trip ${client}`);
        const id = await createAgent(client, t, '续保助手', { Description: '日常测试', BusinessType: 1, CallConfig: JSON.stringify(CALL) });
        const [draft] = (await agentPage(client, t)).List;
        assert.deepEqual({ ...draft, CreateTime: 'x', ModifyTime: 'x' }, {
          AgentId: id, AgentName: '续保助手', Description: '日常测试', Status: 0, BusinessTypeName: '个人客户线索转化',
          WithConfig: true, WithActivePrompt: false, CreateTime: 'x', ModifyTime: 'x',
        });
        const stored = await server.app.store.getVoiceAgent(t.accountId, id);
        const shanghai = new Intl.DateTimeFormat('sv-SE', {
          timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
        });
        assert.equal(draft!.CreateTime, shanghai.format(stored!.createdAt), 'times are yyyy-MM-dd HH:mm:ss in the configured zone');

        const published = (await waihuBody(client, t, 'PublishAiVoiceAgent', { AgentId: id })).Data as Record<string, unknown>;
        assert.deepEqual([published.Status, published.StatusName, published.OnlineVersion, published.PendingChanges], [1, 'ONLINE', 1, false]);
        const [online] = (await agentPage(client, t)).List;
        assert.deepEqual([online!.Status, online!.WithActivePrompt], [1, true]);
        assert.match(String(online!.LastOnlineTime), TIME);

        const edited = (await waihuBody(client, t, 'UpdateAiVoiceAgent', { AgentId: id, ModelConfig: JSON.stringify({ ...MODEL, BasicTaskDescription: '新版任务' }) })).Data as Record<string, unknown>;
        assert.deepEqual([edited.Status, edited.OnlineVersion, edited.PendingChanges], [1, 1, true]);
        assert.equal((await detail(t, { AgentId: id }) as { AiVoiceAgentModelConfig: { BasicTaskDescription: string } }).AiVoiceAgentModelConfig.BasicTaskDescription, '新版任务');
        const live = await detail(t, { AgentId: id, ConfigVersion: 'ONLINE' }) as { AiVoiceAgentModelConfig: { BasicTaskDescription: string } };
        assert.equal(live.AiVoiceAgentModelConfig.BasicTaskDescription, MODEL.BasicTaskDescription, 'the published version stays in force');
        assert.equal((await server.app.agents.voiceAgents.profile(t.accountId, id)).prompt.includes(MODEL.BasicTaskDescription), true);

        assert.equal((await waihuBody(client, t, 'OfflineAiVoiceAgent', { AgentId: id }) as { Data: { Status: number } }).Data.Status, 2);
        await waihuBody(client, t, 'DeleteAiVoiceAgent', { AgentId: id });
        assert.equal((await agentPage(client, t)).Total, 0);
        await refused(client, t, 'DeleteAiVoiceAgent', { AgentId: id }, 'InvalidAgentId.NotFound', 404);
      });

      test(`${client}: bad input is refused naming the parameter and the field`, async () => {
        const t = await otherTenant(server, `bad input ${client}`);
        await refused(client, t, 'CreateAiVoiceAgent', { Name: 'x', ModelConfig: '{"TaskType": ' }, 'InvalidParameter', 400, /^The specified value of parameter "ModelConfig" is not valid: not JSON text: /);
        const badTag = { OutputTagConfig: [{ OutputTagName: '意向', OutputTagType: 'LIST' }] };
        await refused(client, t, 'CreateAiVoiceAgent', { Name: 'x', ModelConfig: JSON.stringify(badTag) }, 'InvalidParameter', 400, /"ModelConfig" is not valid: OutputTagConfig\[0\]\.OutputTagType: /);
        await refused(client, t, 'CreateAiVoiceAgent', { Name: 'x', CallConfig: '{"EventConfig":{"MuteDuration":99}}' }, 'InvalidParameter', 400, /"CallConfig" is not valid: EventConfig\.MuteDuration: /);
        await refused(client, t, 'CreateAiVoiceAgent', { Name: 'x', BusinessType: 5 }, 'InvalidParameter', 400, /"BusinessType" is not valid: BusinessType must be one of 1/);
        await refused(client, t, 'CreateAiVoiceAgent', { Name: 'x', ApplicationCode: 'ANOPE' }, 'InvalidApplicationCode.NotFound', 404);
        await refused(client, t, 'CreateAiVoiceAgent', { ModelConfig: '{}' }, 'MissingName', 400);
        await createAgent(client, t, 'taken');
        await refused(client, t, 'CreateAiVoiceAgent', { Name: 'taken' }, 'Name.AlreadyExists', 400, /"taken" already exists/);
        const empty = exactId((await waihuBody(client, t, 'CreateAiVoiceAgent', { Name: 'empty' })).Data);
        await refused(client, t, 'PublishAiVoiceAgent', { AgentId: empty }, 'IncorrectStatus', 400, /BasicTaskDescription is required for a BASIC task/);
        await refused(client, t, 'OfflineAiVoiceAgent', { AgentId: empty }, 'IncorrectStatus', 400, /only an ONLINE agent/);
        await refused(client, t, 'UpdateAiVoiceAgent', { AgentId: '404404', Name: 'y' }, 'InvalidAgentId.NotFound', 404, /"404404" does not exist/);
        await expectError(client, t, 'QueryAiVoiceAgentDetail', {}, { code: 'MissingAgentId', status: 400 });
        await expectError(client, t, 'QueryAiVoiceAgentDetail', { AgentId: empty, ConfigVersion: 'ONLINE' }, { code: 'IncorrectStatus', status: 400, message: /never been published/ });
        await expectError(client, t, 'PageQueryAgentList', { Status: 7 }, { code: 'InvalidParameter', status: 400, message: /"Status" is not valid: Status must be one of 0 \(DRAFT\), 1 \(ONLINE\), 2 \(OFFLINE\)/ });
      });

      test(`${client}: an agent an unfinished task uses cannot be deleted`, async () => {
        const t = await otherTenant(server, `in use ${client}`);
        const id = await createAgent(client, t, 'busy');
        const taskId = await createTask(t, 'calls with busy', { AgentId: id, StartType: 'SCHEDULE', TaskStartTime: Date.now() + 86_400_000 });
        await refused(client, t, 'DeleteAiVoiceAgent', { AgentId: id }, 'IncorrectStatus', 400, /used by 1 unfinished task\(s\), e\.g\. "calls with busy"/);
        const page = data(await via(client, t, 'QueryAiCallTaskPage', { AgentName: 'BUS' })) as { List: { TaskId: string; AgentName: string }[] };
        assert.deepEqual(page.List.map((x) => [x.TaskId, x.AgentName]), [[taskId, 'busy']], 'task queries name the agent from the registry');
      });

      test(`${client}: another account can neither see nor change the caller's agents`, async () => {
        const a = await otherTenant(server, `owner ${client}`);
        const b = await otherTenant(server, `neighbour ${client}`);
        const id = await createAgent(client, a, 'private');
        assert.equal((await agentPage(client, b, { AgentId: id })).Total, 0);
        await expectError(client, b, 'QueryAiVoiceAgentDetail', { AgentId: id }, { code: 'InvalidAgentId.NotFound', status: 404 });
        for (const action of ['UpdateAiVoiceAgent', 'PublishAiVoiceAgent', 'DeleteAiVoiceAgent']) {
          await refused(client, b, action, { AgentId: id, Name: 'stolen' }, 'InvalidAgentId.NotFound', 404);
        }
        await createAgent(client, b, 'private');
        const [mine] = (await agentPage(client, a)).List;
        assert.deepEqual([mine!.AgentId, mine!.AgentName, mine!.Status], [id, 'private', 0]);
      });
    }

    test('PageQueryAgentList pages newest first and filters by AgentId, AgentName (contains) and Status', async () => {
      const t = await otherTenant(server, 'paging');
      const ids: string[] = [];
      for (const name of ['Loan A', 'loan b', 'Survey', 'Loan 100%']) ids.push(await createAgent('pop-core V1', t, name));
      await waihuBody('openapi-core V3', t, 'PublishAiVoiceAgent', { AgentId: ids[1] });
      const names = async (params: Record<string, unknown>) => {
        const page = await agentPage('openapi-core V3', t, params);
        return { total: page.Total, pageNo: page.PageNo, pageSize: page.PageSize, names: page.List.map((a) => a.AgentName) };
      };
      assert.deepEqual(await names({}), { total: 4, pageNo: 1, pageSize: 10, names: ['Loan 100%', 'Survey', 'loan b', 'Loan A'] });
      assert.deepEqual(await names({ PageNo: 2, PageSize: 3 }), { total: 4, pageNo: 2, pageSize: 3, names: ['Loan A'] });
      assert.deepEqual((await names({ AgentName: 'LOAN' })).names, ['Loan 100%', 'loan b', 'Loan A']);
      assert.deepEqual((await names({ AgentName: '0%' })).names, ['Loan 100%']);
      assert.deepEqual((await names({ Status: 1 })).names, ['loan b']);
      assert.deepEqual((await names({ Status: 0, AgentName: 'loan' })).names, ['Loan 100%', 'Loan A']);
      assert.deepEqual((await names({ AgentId: ids[2] })).names, ['Survey']);
      await expectError('openapi-core V3', t, 'PageQueryAgentList', { PageSize: 101 }, { code: 'InvalidParameter', status: 400, message: /PageSize/ });
    });

    test('QueryAiVoiceAgentDetail answers in the documented shape: AgentId int64, uuid-like part ids, config as set', async () => {
      const t = await otherTenant(server, 'detail');
      const id = await createAgent('pop-core V1', t, '详情', { Description: 'd', BusinessType: 1, CallConfig: JSON.stringify(CALL) });
      const pop = data(await via('pop-core V1', t, 'QueryAiVoiceAgentDetail', { AgentId: id }));
      assert.equal(exactId(pop.AgentId), id, 'AgentId is an int64 with every digit');
      const d = await detail(t, { AgentId: id }) as unknown as DetailData;
      assert.deepEqual([d.AgentName, d.Description, d.Status, d.BusinessTypeName, d.VoiceStyleName], ['详情', 'd', 0, '个人客户线索转化', '亲切']);
      const m = d.AiVoiceAgentModelConfig;
      assert.deepEqual([m.TaskType, m.BusinessType, m.StartWordType, m.Prologue, m.MainPurpose.MainPurposeType], ['BASIC', 1, 1, MODEL.Prologue, 'ENUM']);
      const tag = m.OutputTagConfig[0]!;
      for (const part of [m.MainPurpose, ...m.MainPurpose.MainPurposeEnum, tag, ...tag.OutputTagEnum, ...m.PhoneTagConfig]) assert.match(part.Id, UUID);
      assert.deepEqual(tag.OutputTagEnum.map((v) => v.Value), ['高', '低']);
      assert.deepEqual(d.AiVoiceAgentCallConfig, CALL);
      assertSdkShape(d as unknown as Record<string, unknown>, 'QueryAiVoiceAgentDetail');
      assertSdkShape((await agentPage('openapi-core V3', t)) as Record<string, unknown>, 'PageQueryAgentList');
    });
  });
}

const specDir = fileURLToPath(new URL('../../../shared/spec/sdk-models/aiccs-2019-10-15.sdk.json', import.meta.url));

interface SdkField { name: string; type: string; fields?: SdkField[]; items?: { type: string; fields?: SdkField[] } }

/** Asserts every member of `data` is in the SDK model's `Data` with a matching JSON type (when the spec is at hand). */
function assertSdkShape(value: Record<string, unknown>, action: string): void {
  if (!existsSync(specDir)) return;
  const model = JSON.parse(readFileSync(specDir, 'utf8')) as { apis: Record<string, { response: { fields: SdkField[] } }> };
  const dataField = model.apis[action]!.response.fields.find((f) => f.name === 'Data')!;
  checkFields(value, dataField.fields ?? [], `${action}.Data`);
}

function checkFields(value: Record<string, unknown>, fields: readonly SdkField[], where: string): void {
  for (const [key, member] of Object.entries(value)) {
    const field = fields.find((f) => f.name === key);
    assert.ok(field, `${where}.${key} is not in the SDK model`);
    checkType(member, field.type, field.fields ?? field.items?.fields, field.items?.type, `${where}.${key}`);
  }
}

function checkType(value: unknown, type: string, fields: readonly SdkField[] | undefined, itemType: string | undefined, where: string): void {
  if (type === 'array') {
    assert.ok(Array.isArray(value), `${where} is an array`);
    value.forEach((item, i) => checkType(item, itemType ?? 'object', fields, undefined, `${where}[${i}]`));
  } else if (type === 'object') {
    assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${where} is an object`);
    if (fields) checkFields(value as Record<string, unknown>, fields, where);
  } else {
    assert.equal(typeof value, type, `${where} is a ${type}`);
  }
}

suite('sqlite');
suite('postgres');
