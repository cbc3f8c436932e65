/**
 * A campaign talked through by an AI voice agent, end to end through the official clients and the running dialer:
 * CreateAiVoiceAgent → PublishAiVoiceAgent → CreateAiCallTask with its AgentId → ImportTaskNumberDatas. The simulated
 * callees (personas, forced per recipient with the `sim_persona` variable) talk with the agent on the script engine;
 * QueryConversationDetailInfo(New) then return the dialog as ConversationRecord, the agent's output tags and the
 * MajorIntent, and QueryAiCallDetailPage the turn counts. A task whose agent was never published still calls, with
 * a polite line and a flow_warning tag.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createLogger } from '../../src/app/logger.js';
import { startDialer, type RunningDialer } from '../../src/app/dialer-service.js';
import { WAIHU } from '../support/sdk-clients.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { ALL_DAYS, defaultTenant, exactId, shrink, viaCore, viaPop, type Tenant } from '../conformance/aiccs-kit.js';

let server: TestServer;
let dialer: RunningDialer;
let t: Tenant;

before(async () => {
  server = await startTestServer({ config: { simTimeScale: 0.005, throttling: false }, logger: createLogger('error', process.stderr) });
  dialer = startDialer(server.app);
  t = defaultTenant(server);
});
after(async () => {
  await dialer.stop(5000);
  await server.stop();
});

const MODEL = {
  TaskType: 'BASIC', StartWordType: 1, BasicTaskDescription: '回访信用卡用户的使用体验',
  Prologue: '您好${name}，我是某某银行的小云，想占用您一分钟做个回访，方便吗？',
  MainPurpose: { MainPurposeName: '回访意向', MainPurposeEnum: [{ Value: 'A', Description: '愿意沟通' }, { Value: 'B' }, { Value: 'C', Description: '拒绝' }] },
  OutputTagConfig: [{ OutputTagName: '客户态度', OutputTagType: 'ENUM', OutputTagEnum: [{ Value: '积极' }, { Value: '拒绝' }] }],
};

async function waihu(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  return (await t.core.call({ version: WAIHU, action, params: shrink(params) })).body;
}

async function task(name: string, agentId: string, rows: Record<string, string>[]): Promise<string> {
  // pop-core keeps every digit of the int64 TaskId (json-bigint); plain JSON parsing would round it.
  const created = await viaPop(t, 'CreateAiCallTask', {
    TaskName: name, AgentId: agentId, StartType: 'IMMEDIATE', CallTime: ['{"startTime":"00:00:00","endTime":"24:00:00"}'], CallDay: ALL_DAYS, TaskCps: 20,
  });
  const taskId = exactId(created.Data);
  await viaCore(t, 'ImportTaskNumberDatas', { TaskId: taskId, DataType: 'JSON', PhoneNumberList: rows }, 'form');
  return taskId;
}

interface Listed { DetailId: string; CalledNumber: string; ConversationTurnCount?: number; MajorIntent?: string; BatchId?: string }

async function ended(taskId: string, n: number): Promise<Listed[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page = await viaCore(t, 'QueryAiCallDetailPage', { TaskId: taskId, Status: 1, PageSize: 100 });
    const list = (page.Data as { List: Listed[] }).List;
    if (list.length === n) return list;
    if (Date.now() > deadline) throw new Error(`only ${list.length} of ${n} details ended`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a published agent talks with each callee; the dialog, tags, intent and turn count are returned', async () => {
  const agentId = String((await waihu('CreateAiVoiceAgent', { Name: '回访小云', ModelConfig: JSON.stringify(MODEL) })).Data);
  await waihu('PublishAiVoiceAgent', { AgentId: agentId });
  const taskId = await task('agent campaign', agentId, [
    { calleeNumber: '13800010015', name: '张先生', sim_persona: 'cooperative' },
    { calleeNumber: '13800020015', name: '李女士', sim_persona: 'refuser' },
  ]);
  const list = await ended(taskId, 2);
  for (const entry of list) {
    const info = (await viaPop(t, 'QueryConversationDetailInfo', { TaskId: taskId, DetailId: entry.DetailId, BatchId: entry.BatchId ?? '0' })).Data as Record<string, unknown>;
    const record = JSON.parse(String(info.ConversationRecord)) as { role: string; content: string }[];
    const who = entry.CalledNumber === '13800010015' ? '张先生' : '李女士';
    assert.equal(record[0]?.content, `您好${who}，我是某某银行的小云，想占用您一分钟做个回访，方便吗？`);
    assert.equal(record[0]?.role, 'assistant');
    assert.ok(record.some((turn) => turn.role === 'user'), `${who} answered`);
    assert.ok(['A', 'B', 'C'].includes(String(info.MajorIntent)), `a MajorIntent from the agent's values, got ${String(info.MajorIntent)}`);
    assert.equal(info.MajorIntent, entry.MajorIntent, 'the list and the detail agree');
    assert.ok((entry.ConversationTurnCount ?? 0) >= 1);
    const tags = info.OutputTags as { OutputTagName: string; OutputTagValue: string }[];
    for (const tag of tags) assert.equal(typeof tag.OutputTagValue, 'string');
  }
  const refused = list.find((d) => d.CalledNumber === '13800020015');
  assert.equal(refused?.MajorIntent, 'C', 'the refuser grades as the last value');
});

test('a task whose agent was never published calls with a polite line and a flow_warning tag', async () => {
  const agentId = String((await waihu('CreateAiVoiceAgent', { Name: '草稿', ModelConfig: JSON.stringify(MODEL) })).Data);
  const taskId = await task('draft agent', agentId, [{ calleeNumber: '13800030015', sim_persona: 'cooperative' }]);
  const [entry] = await ended(taskId, 1);
  const info = (await viaCore(t, 'QueryConversationDetailInfoNew', { TaskId: taskId, DetailId: entry?.DetailId })).Data as Record<string, unknown>;
  const tags = info.OutputTags as { OutputTagName: string; OutputTagValue: string }[];
  assert.ok(tags.some((tag) => tag.OutputTagName === 'flow_warning' && /cannot be used/.test(tag.OutputTagValue)));
  assert.match(String(info.ConversationRecord), /语音通知/);
});
