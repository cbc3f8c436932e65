// A SIP server without speech recognition (WAIHU_ASR_BASE_URL unset), through the official clients: actions whose
// calls would be driven by what the callee says are refused with Speech.RecognitionUnavailable before anything is
// stored or dialed, and say which setting is missing; robot tasks whose scripts take keys at every question are
// accepted. The same actions are accepted once an ASR endpoint is configured, and on the simulated carrier. No SIP
// peer is needed: creating and starting tasks dials nothing (the dialer does not run in these servers), and the
// refused single calls are refused before the carrier is asked.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { REPAYMENT_REMINDER_SCRIPT } from '../../src/core/agents/robot-samples.js';
import { RegistryAgentNames } from '../../src/core/campaigns/agent-names.js';
import { CampaignService } from '../../src/core/campaigns/campaign-service.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { CLIENTS, createTask as createAiccsTask, defaultTenant, expectError, taskParams as aiccsTaskParams, via, type Tenant } from './aiccs-kit.js';
import { CALLER, createTask as createRobotTask, dyvms, dyvmsRefused, SURVEY_SCRIPT, taskParams as robotTaskParams } from './robot-task-kit.js';
import { created, waihu } from './waihu-kit.js';

const CODE = 'Speech.RecognitionUnavailable';
/** Every refusal names the missing setting and where to read more. */
const NAMES_SETTING = /WAIHU_ASR_BASE_URL is not set.*Set WAIHU_ASR_BASE_URL.*docs\/speech\.md/;
const CLIENT = 'openapi-core V3';
const DEAD_TRUNK = { telephony: 'sip', sipProxy: '127.0.0.1:5999', sipBind: '127.0.0.1:0' };

/** An LLM application and two robots of the tenant: one answered by keys (the sample), one by words only. */
async function resources(t: Tenant) {
  await waihu(CLIENT, t, 'AddCallerNumber', { PhoneNumber: CALLER });
  const app = await created(CLIENT, t, 'CreateLlmApplication', { Name: '回访', Prompt: '你是回访专员。', StartWord: '您好，我是客服小云。' });
  const keysRobot = await created(CLIENT, t, 'CreateRobot', { Name: '还款提醒', Script: JSON.stringify(REPAYMENT_REMINDER_SCRIPT) });
  const wordsRobot = await created(CLIENT, t, 'CreateRobot', { Name: '回访', Script: JSON.stringify(SURVEY_SCRIPT) });
  return { app, keysRobot, wordsRobot };
}

const llmCall = (app: string) => ({ CalledNumber: '13800000015', CallerNumber: '057100000001', ApplicationCode: app, StartWordParam: { name: '张先生' } });

describe('telephony sip without WAIHU_ASR_BASE_URL: speech-driven flows are refused at creation', () => {
  let server: TestServer;
  let t: Tenant;
  let r: Awaited<ReturnType<typeof resources>>;
  before(async () => {
    server = await startTestServer({ config: DEAD_TRUNK });
    t = defaultTenant(server);
    r = await resources(t);
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: CreateAiCallTask is refused and no task is stored`, async () => {
      await expectError(client, t, 'CreateAiCallTask', aiccsTaskParams(`agents-${client}`), {
        code: CODE, status: 400, message: /^CreateAiCallTask refused: its calls would run AI voice agent conversations/,
      });
      const page = await via(client, t, 'QueryAiCallTaskPage', { PageNumber: 1, PageSize: 10 });
      assert.equal(Number((page.Data as { Total: unknown }).Total), 0, 'nothing was created');
    });
  }

  test('StartAiCallTask of a task created before the carrier changed is refused; an unknown TaskId is still NotFound', async () => {
    const { store, ids, clock } = server.app;
    const campaigns = new CampaignService({ store, ids, clock, agents: new RegistryAgentNames(store) });
    const task = await campaigns.createTask(t.accountId, aiccsTaskParams('earlier'));
    await campaigns.stopTask(t.accountId, task.id);
    const body = await expectError(CLIENT, t, 'StartAiCallTask', { TaskId: task.id }, { code: CODE, status: 400, message: NAMES_SETTING });
    assert.match(String(body.Message), /^StartAiCallTask refused/);
    assert.equal((await store.getTask(t.accountId, task.id))?.status, 'STOPPED');
    await expectError(CLIENT, t, 'StartAiCallTask', { TaskId: '1234567890123456789' }, { code: 'InvalidTaskId.NotFound', status: 404 });
  });

  for (const client of CLIENTS) {
    test(`${client}: LlmSmartCall is refused before anything is dialed`, async () => {
      const body = await expectError(client, t, 'LlmSmartCall', llmCall(r.app), { code: CODE, status: 400, message: NAMES_SETTING });
      assert.match(String(body.Message), new RegExp(`^LlmSmartCall refused: its calls would run a conversation with LLM application ${r.app}`));
    });
  }

  test('LlmSmartCallEncrypt is refused the same way', async () => {
    await waihu(CLIENT, t, 'AddDirectoryNumbers', { PhoneNumbers: ['13800000015'] });
    const digest = createHash('sha256').update('13800000015').digest('hex');
    const { CalledNumber: _plain, ...rest } = llmCall(r.app);
    await expectError(CLIENT, t, 'LlmSmartCallEncrypt', { ...rest, EncryptCalledNumber: digest }, { code: CODE, status: 400, message: /^LlmSmartCallEncrypt refused/ });
  });

  for (const client of CLIENTS) {
    test(`${client}: CreateRobotTask with a robot whose question takes no keys is refused, naming the node`, async () => {
      const body = await dyvmsRefused(client, t, 'CreateRobotTask', robotTaskParams(r.wordsRobot), CODE, 400, NAMES_SETTING);
      assert.match(String(body.Message), new RegExp(`^CreateRobotTask refused: its calls would run the script of robot ${r.wordsRobot}, whose ask node "greet" takes no keys`));
    });
  }

  test('a robot answered by keys at every question runs: its task is created and started; once its script needs words, StartRobotTask is refused', async () => {
    const running = await createRobotTask(CLIENT, t, r.keysRobot);
    await dyvms(CLIENT, t, 'UploadRobotTaskCalledFile', { Id: running, CalledNumber: '13800030000' });
    assert.equal(String((await dyvms(CLIENT, t, 'StartRobotTask', { TaskId: running })).Data), 'true');
    const later = await createRobotTask(CLIENT, t, r.keysRobot);
    await dyvms(CLIENT, t, 'UploadRobotTaskCalledFile', { Id: later, CalledNumber: '13800030001' });
    await waihu(CLIENT, t, 'UpdateRobot', { DialogId: r.keysRobot, Script: JSON.stringify(SURVEY_SCRIPT) });
    await dyvmsRefused(CLIENT, t, 'StartRobotTask', { TaskId: later }, CODE, 400, /^StartRobotTask refused: .*ask node "greet" takes no keys/);
    await dyvmsRefused(CLIENT, t, 'CreateRobotTask', robotTaskParams('1234567890123456789'), 'InvalidDialogId.NotFound', 404);
  });
});

describe('the same actions where callees can be understood', () => {
  test('telephony sip with WAIHU_ASR_BASE_URL: CreateAiCallTask and CreateRobotTask with a words-only robot are accepted', async () => {
    const server = await startTestServer({ config: { ...DEAD_TRUNK, asrBaseUrl: 'http://127.0.0.1:9/v1' } });
    try {
      const t = defaultTenant(server);
      const r = await resources(t);
      assert.match(await createAiccsTask(t, 'agents'), /^\d{18,19}$/);
      assert.match(await createRobotTask(CLIENT, t, r.wordsRobot), /^\d{18,19}$/);
    } finally {
      await server.stop();
    }
  });

  test('the simulated carrier: CreateAiCallTask and LlmSmartCall are accepted', async () => {
    const server = await startTestServer({ config: { simTimeScale: 0 } });
    try {
      const t = defaultTenant(server);
      const r = await resources(t);
      assert.match(await createAiccsTask(t, 'agents'), /^\d{18,19}$/);
      const body = await via(CLIENT, t, 'LlmSmartCall', llmCall(r.app));
      assert.equal(body.Code, 'OK');
      assert.match(String(body.CallId), /^\d+\^\d+$/);
    } finally {
      await server.stop();
    }
  });
});
