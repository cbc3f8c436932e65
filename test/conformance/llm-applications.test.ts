// LLM applications through the official clients: CreateLlmApplication, UpdateLlmApplication, GetLlmApplication,
// ListLlmApplications and DeleteLlmApplication round-trip with the placeholder variables derived from the text;
// bad input, unknown codes and other accounts' applications are refused in Alibaba's error format.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { CLIENTS, createTask, otherTenant } from './aiccs-kit.js';
import { created, refused, waihu } from './waihu-kit.js';

const APP = {
  Name: '医疗险推介',
  Prompt: '你是云保险的小云，语气${style}，向${name}介绍${product}。称呼对方${name}。',
  StartWord: '${name}您好，我是小云',
  TtsVoiceCode: 'xiaoyun',
  TtsSpeed: -50,
  TtsVolume: 70,
  Description: '测试用',
};

describe('LLM applications', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: create, read, edit, list and delete; PromptParam and StartWordParam follow the text`, async () => {
      const t = await otherTenant(server, `apps ${client}`);
      const code = await created(client, t, 'CreateLlmApplication', APP);
      assert.match(code, /^A[A-Z0-9]{10}$/);
      const got = await waihu(client, t, 'GetLlmApplication', { ApplicationCode: code });
      assert.deepEqual({ ...got, CreateTime: 0, UpdateTime: 0 }, {
        ApplicationCode: code, Name: APP.Name, Description: APP.Description, Prompt: APP.Prompt, PromptParam: ['style', 'name', 'product'],
        StartWord: APP.StartWord, StartWordParam: ['name'], TtsVoiceCode: 'xiaoyun', TtsSpeed: -50, TtsVolume: 70, CreateTime: 0, UpdateTime: 0,
      });
      assert.equal(typeof got.CreateTime, 'number');

      const edited = await waihu(client, t, 'UpdateLlmApplication', { ApplicationCode: code, Prompt: '只用${tone}的语气', TtsVolume: 0 });
      assert.deepEqual([edited.Name, edited.PromptParam, edited.TtsVolume, edited.TtsSpeed], [APP.Name, ['tone'], 0, -50]);
      assert.equal((await server.app.agents.applications.profile(t.accountId, code)).prompt, '只用${tone}的语气');

      const second = await created(client, t, 'CreateLlmApplication', { Name: '第二个', Prompt: 'p', StartWord: 's' });
      const list = await waihu(client, t, 'ListLlmApplications', { PageSize: 1 });
      assert.deepEqual([list.Total, list.PageNo, list.PageSize, (list.List as unknown as { ApplicationCode: string }[]).map((a) => a.ApplicationCode)], [2, 1, 1, [second]]);
      const named = await waihu(client, t, 'ListLlmApplications', { Name: '医疗' });
      assert.deepEqual((named.List as unknown as { ApplicationCode: string }[]).map((a) => a.ApplicationCode), [code]);

      assert.deepEqual(await waihu(client, t, 'DeleteLlmApplication', { ApplicationCode: code }), { ApplicationCode: code });
      await refused(client, t, 'GetLlmApplication', { ApplicationCode: code }, 'InvalidApplicationCode.NotFound', 404, new RegExp(`"${code}" does not exist`));
    });

    test(`${client}: bad input is refused naming the parameter`, async () => {
      const t = await otherTenant(server, `bad apps ${client}`);
      await refused(client, t, 'CreateLlmApplication', { Name: 'n', Prompt: 'p' }, 'MissingStartWord', 400);
      await refused(client, t, 'CreateLlmApplication', { ...APP, TtsSpeed: 201 }, 'InvalidParameter', 400, /"TtsSpeed" is not valid/);
      await refused(client, t, 'CreateLlmApplication', { ...APP, TtsVolume: -1 }, 'InvalidParameter', 400, /"TtsVolume" is not valid/);
      await created(client, t, 'CreateLlmApplication', APP);
      await refused(client, t, 'CreateLlmApplication', APP, 'Name.AlreadyExists', 400, /already exists/);
      const code = await created(client, t, 'CreateLlmApplication', { ...APP, Name: 'other' });
      await refused(client, t, 'UpdateLlmApplication', { ApplicationCode: code, Name: APP.Name }, 'Name.AlreadyExists', 400);
      await refused(client, t, 'UpdateLlmApplication', { ApplicationCode: code, Prompt: '' }, 'InvalidParameter', 400, /"Prompt" is not valid: Prompt is required/);
      await refused(client, t, 'ListLlmApplications', { PageSize: 500 }, 'InvalidParameter', 400, /PageSize/);
      await refused(client, t, 'UpdateLlmApplication', { ApplicationCode: 'ANOPE', Name: 'x' }, 'InvalidApplicationCode.NotFound', 404);
    });

    test(`${client}: an application an agent links or an unfinished task uses cannot be deleted`, async () => {
      const t = await otherTenant(server, `linked apps ${client}`);
      const code = await created(client, t, 'CreateLlmApplication', APP);
      const agentId = await created(client, t, 'CreateAiVoiceAgent', { Name: 'linker', ApplicationCode: code });
      await refused(client, t, 'DeleteLlmApplication', { ApplicationCode: code }, 'IncorrectStatus', 400, /linked by 1 AI voice agent/);
      await waihu(client, t, 'UpdateAiVoiceAgent', { AgentId: agentId, ApplicationCode: '' });
      await createTask(t, 'uses the app', { ApplicationCode: code, StartType: 'SCHEDULE', TaskStartTime: Date.now() + 86_400_000 });
      await refused(client, t, 'DeleteLlmApplication', { ApplicationCode: code }, 'IncorrectStatus', 400, /used by 1 unfinished task\(s\), e\.g\. "uses the app"/);
    });

    test(`${client}: another account can neither see nor change the caller's applications`, async () => {
      const a = await otherTenant(server, `app owner ${client}`);
      const b = await otherTenant(server, `app neighbour ${client}`);
      const code = await created(client, a, 'CreateLlmApplication', APP);
      for (const action of ['GetLlmApplication', 'UpdateLlmApplication', 'DeleteLlmApplication']) {
        await refused(client, b, action, { ApplicationCode: code, Name: 'stolen' }, 'InvalidApplicationCode.NotFound', 404);
      }
      assert.equal((await waihu(client, b, 'ListLlmApplications')).Total, 0);
      await refused(client, b, 'CreateAiVoiceAgent', { Name: 'borrower', ApplicationCode: code }, 'InvalidApplicationCode.NotFound', 404);
      await created(client, b, 'CreateLlmApplication', APP);
      assert.equal((await waihu(client, a, 'GetLlmApplication', { ApplicationCode: code })).Name, APP.Name);
    });
  }
});
