// Text test calls through the official clients: StartAgentTestCall, SendAgentTestInput and EndAgentTestCall talk to a
// robot and to an LLM application (the script brain: no LLM is configured) exactly as a call would, end with the
// call's analysis, stay within the account that started them, and refuse bad input naming the parameter.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { CLIENTS, exactId, otherTenant, type ClientName, type Tenant } from './aiccs-kit.js';
import { SURVEY_SCRIPT } from './robot-task-kit.js';
import { created, refused, waihu } from './waihu-kit.js';

interface TestCallData {
  TestCallId: string;
  Messages: { Role: string; Text: string }[];
  Ended: boolean;
  EndedBy?: string;
  Analysis?: { MajorIntent: string; Tags: { Name: string; Value: string }[]; Summary: string; TurnCount: number };
}

const VARIABLES = JSON.stringify({ name: '张先生', company: '云保险' });

async function robot(client: ClientName, t: Tenant): Promise<string> {
  return exactId(await created(client, t, 'CreateRobot', { Name: '回访', Script: JSON.stringify(SURVEY_SCRIPT) }));
}

function call(client: ClientName, t: Tenant, action: string, params: Record<string, unknown>): Promise<TestCallData> {
  return waihu(client, t, action, params) as unknown as Promise<TestCallData>;
}

const texts = (d: TestCallData) => d.Messages.map((m) => m.Text);

describe('agent test calls', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: a robot greets with the variables filled, follows the answer's branch and ends with its analysis`, async () => {
      const t = await otherTenant(server, `test call robot ${client}`);
      const dialogId = await robot(client, t);
      const started = await call(client, t, 'StartAgentTestCall', { DialogId: dialogId, Variables: VARIABLES });
      assert.deepEqual(texts(started), ['您好张先生，这里是云保险回访中心，请问您现在方便吗？']);
      assert.equal(started.Ended, false);
      assert.deepEqual(started.Messages.map((m) => m.Role), ['assistant']);

      const answered = await call(client, t, 'SendAgentTestInput', { TestCallId: started.TestCallId, Text: '不方便，没空' });
      assert.deepEqual(texts(answered), ['打扰您了，再见。']);
      assert.equal(answered.Ended, true);
      assert.equal(answered.EndedBy, 'robot');
      assert.equal(answered.Analysis?.MajorIntent, '无意向');
      assert.deepEqual(answered.Analysis?.Tags.find((tag) => tag.Name === '意向'), { Name: '意向', Value: '拒绝' });
      assert.match(answered.Analysis?.Summary ?? '', /无意向/);

      // An ended call is gone.
      await refused(client, t, 'SendAgentTestInput', { TestCallId: started.TestCallId, Text: '喂' }, 'InvalidTestCallId.NotFound', 404);
    });
  }

  test('silence takes the no-input branch; keys are accepted as input', async () => {
    const client = CLIENTS[0];
    const t = await otherTenant(server, 'test call silence');
    const dialogId = await robot(client, t);
    const first = await call(client, t, 'StartAgentTestCall', { DialogId: dialogId });
    assert.deepEqual(texts(first), ['您好，这里是回访中心，请问您现在方便吗？'], 'missing variables are left empty, as on a call');
    const quiet = await call(client, t, 'SendAgentTestInput', { TestCallId: first.TestCallId, Silence: true });
    assert.deepEqual([texts(quiet), quiet.Ended], [['打扰您了，再见。'], true]);

    const second = await call(client, t, 'StartAgentTestCall', { DialogId: dialogId });
    const keys = await call(client, t, 'SendAgentTestInput', { TestCallId: second.TestCallId, Dtmf: '1' });
    assert.equal(keys.Ended, true, 'keys the script does not expect are an unrecognized reply: the noMatch branch');
    assert.deepEqual(texts(keys), ['好的，感谢您的支持，再见。']);
  });

  test('an LLM application on the script brain: start word with variables, an answer, the close; EndAgentTestCall hangs up as the callee', async () => {
    const client = CLIENTS[0];
    const t = await otherTenant(server, 'test call app');
    const code = await created(client, t, 'CreateLlmApplication', { Name: '回访助手', Prompt: '你是回访助手，称呼对方${name}。', StartWord: '${name}您好，我是回访助手，耽误您一分钟可以吗？' });
    const started = await call(client, t, 'StartAgentTestCall', { ApplicationCode: code, Variables: JSON.stringify({ name: '李女士' }) });
    assert.deepEqual(texts(started), ['李女士您好，我是回访助手，耽误您一分钟可以吗？']);
    const refusedCall = await call(client, t, 'SendAgentTestInput', { TestCallId: started.TestCallId, Text: '不需要，谢谢' });
    assert.equal(refusedCall.Ended, true);
    assert.equal(refusedCall.Messages.length, 1);
    assert.match(texts(refusedCall)[0]!, /不打扰您了/);
    assert.ok(refusedCall.Analysis, 'an ended call carries its analysis');

    const again = await call(client, t, 'StartAgentTestCall', { ApplicationCode: code, Variables: JSON.stringify({ name: '李女士' }) });
    const hungUp = await call(client, t, 'EndAgentTestCall', { TestCallId: again.TestCallId });
    assert.deepEqual([hungUp.Ended, hungUp.EndedBy, hungUp.Messages], [true, 'callee', []]);
    assert.ok(hungUp.Analysis);
  });

  test("another account's test call is not found; bad input is refused naming the parameter", async () => {
    const client = CLIENTS[0];
    const owner = await otherTenant(server, 'test call owner');
    const stranger = await otherTenant(server, 'test call stranger');
    const dialogId = await robot(client, owner);
    const started = await call(client, owner, 'StartAgentTestCall', { DialogId: dialogId });
    await refused(client, stranger, 'SendAgentTestInput', { TestCallId: started.TestCallId, Text: '方便' }, 'InvalidTestCallId.NotFound', 404);
    await refused(client, stranger, 'EndAgentTestCall', { TestCallId: started.TestCallId }, 'InvalidTestCallId.NotFound', 404);
    await refused(client, stranger, 'StartAgentTestCall', { DialogId: dialogId }, 'InvalidDialogId.NotFound', 404);
    // The owner's call is untouched by the stranger's attempts.
    assert.equal((await call(client, owner, 'SendAgentTestInput', { TestCallId: started.TestCallId, Text: '方便' })).Ended, true);

    await refused(client, owner, 'StartAgentTestCall', {}, 'InvalidParameter', 400, /"AgentId" is not valid: name exactly one of AgentId, ApplicationCode or DialogId/);
    await refused(client, owner, 'StartAgentTestCall', { DialogId: dialogId, ApplicationCode: 'A1' }, 'InvalidParameter', 400, /"DialogId" is not valid/);
    await refused(client, owner, 'StartAgentTestCall', { ApplicationCode: 'ANOSUCHAPP01' }, 'InvalidApplicationCode.NotFound', 404);
    await refused(client, owner, 'StartAgentTestCall', { AgentId: '404' }, 'InvalidAgentId.NotFound', 404);
    await refused(client, owner, 'StartAgentTestCall', { DialogId: dialogId, Variables: '[1]' }, 'InvalidParameter', 400, /"Variables" is not valid/);
    const open = await call(client, owner, 'StartAgentTestCall', { DialogId: dialogId });
    await refused(client, owner, 'SendAgentTestInput', { TestCallId: open.TestCallId }, 'InvalidParameter', 400, /"Text" is not valid: send exactly one of Text, Dtmf or Silence/);
    await refused(client, owner, 'SendAgentTestInput', { TestCallId: open.TestCallId, Dtmf: '1a' }, 'InvalidParameter', 400, /"Dtmf" is not valid/);
    await refused(client, owner, 'SendAgentTestInput', { TestCallId: 'nope', Text: '方便' }, 'InvalidTestCallId.NotFound', 404);
  });
});
