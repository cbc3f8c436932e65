// Voice resources through the official clients: TTS templates (CreateTtsTemplate, GetTtsTemplate, ListTtsTemplates,
// DeleteTtsTemplate), caller numbers (AddCallerNumber, ListCallerNumbers, RemoveCallerNumber) and receipt settings
// (SetReceiptConfig, GetReceiptConfig) round-trip; bad input is refused naming the parameter; accounts are isolated.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { CLIENTS, otherTenant } from './aiccs-kit.js';
import { created, refused, waihu } from './waihu-kit.js';

const NOTICE = { Name: '到货通知', Content: '${name}您好，您的订单${order}已到货，请凭取件码${code}取件。', Type: 'NOTIFY' };
const CODE = { Name: '登录验证码', Content: '您的验证码是${code}，五分钟内有效。', Type: 'CODE', PublicMode: true };

type Row = Record<string, unknown>;

describe('voice resources', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.stop());

  for (const client of CLIENTS) {
    test(`${client}: TTS templates are created approved, read with their variables, listed and deleted`, async () => {
      const t = await otherTenant(server, `tts ${client}`);
      const code = await created(client, t, 'CreateTtsTemplate', NOTICE);
      assert.match(code, /^TTS_\d{9}$/);
      const got = await waihu(client, t, 'GetTtsTemplate', { TtsCode: code });
      assert.equal(typeof got.CreateTime, 'number');
      assert.deepEqual({ ...got, CreateTime: 0 }, {
        TtsCode: code, Name: NOTICE.Name, Type: 'NOTIFY', Content: NOTICE.Content, Variables: ['name', 'order', 'code'],
        PublicMode: false, Status: 'APPROVED', CreateTime: 0,
      });
      const verification = await created(client, t, 'CreateTtsTemplate', CODE);
      const second = await waihu(client, t, 'GetTtsTemplate', { TtsCode: verification });
      assert.deepEqual([second.Type, second.Variables, second.PublicMode], ['CODE', ['code'], true]);

      const page = await waihu(client, t, 'ListTtsTemplates', { PageSize: 1 });
      assert.deepEqual([page.Total, page.PageNo, page.PageSize, (page.List as Row[]).map((r) => r.TtsCode)], [2, 1, 1, [verification]]);
      const named = await waihu(client, t, 'ListTtsTemplates', { Name: '到货' });
      assert.deepEqual((named.List as Row[]).map((r) => r.TtsCode), [code]);

      assert.deepEqual(await waihu(client, t, 'DeleteTtsTemplate', { TtsCode: code }), { TtsCode: code });
      await refused(client, t, 'GetTtsTemplate', { TtsCode: code }, 'InvalidTtsCode.NotFound', 404, new RegExp(`TtsCode "${code}" does not exist`));
      await refused(client, t, 'DeleteTtsTemplate', { TtsCode: code }, 'InvalidTtsCode.NotFound', 404);
    });

    test(`${client}: bad templates are refused naming the parameter`, async () => {
      const t = await otherTenant(server, `bad tts ${client}`);
      await refused(client, t, 'CreateTtsTemplate', { Name: 'n', Type: 'NOTIFY' }, 'MissingContent', 400);
      await refused(client, t, 'CreateTtsTemplate', { Content: 'c', Type: 'NOTIFY' }, 'MissingName', 400);
      await refused(client, t, 'CreateTtsTemplate', { Name: 'n', Content: 'c' }, 'MissingType', 400);
      await refused(client, t, 'CreateTtsTemplate', { ...NOTICE, Type: 'VOICE' }, 'InvalidParameter', 400, /"Type" is not valid/);
      await refused(client, t, 'CreateTtsTemplate', { ...NOTICE, Name: 'n'.repeat(65) }, 'InvalidParameter', 400, /"Name" is not valid/);
      await refused(client, t, 'CreateTtsTemplate', { ...NOTICE, Name: '   ' }, 'InvalidParameter', 400, /"Name" is not valid: Name must not be blank/);
      await refused(client, t, 'CreateTtsTemplate', { ...NOTICE, Content: '字'.repeat(501) }, 'InvalidParameter', 400, /"Content" is not valid/);
      for (const link of ['详见 http://x.cn', '详见 HTTPS://x.cn', '详见 www.x.cn']) {
        await refused(client, t, 'CreateTtsTemplate', { ...NOTICE, Content: link }, 'InvalidParameter', 400, /"Content" is not valid: Content must not contain links/);
      }
      await refused(client, t, 'CreateTtsTemplate', { ...CODE, Content: '您的验证码是${code}，用户${name}' }, 'InvalidParameter', 400,
        /"Content" is not valid: a CODE \(verification code\) template must contain exactly one \$\{variable\}; Content has 2 \(code, name\)/);
      await refused(client, t, 'CreateTtsTemplate', { ...CODE, Content: '没有变量' }, 'InvalidParameter', 400, /exactly one \$\{variable\}; Content has none/);
      await refused(client, t, 'CreateTtsTemplate', { ...NOTICE, Content: '您好${name' }, 'InvalidParameter', 400, /"Content" is not valid: Content has a "\$\{"/);
      await refused(client, t, 'CreateTtsTemplate', { ...NOTICE, Content: '您好${}' }, 'InvalidParameter', 400, /empty name/);
      await refused(client, t, 'ListTtsTemplates', { PageSize: 500 }, 'InvalidParameter', 400, /PageSize/);
      await refused(client, t, 'GetTtsTemplate', {}, 'MissingTtsCode', 400);
      assert.equal((await waihu(client, t, 'ListTtsTemplates')).Total, 0);
    });

    test(`${client}: caller numbers are added once, listed newest first, removed, and owned only by their account`, async () => {
      const t = await otherTenant(server, `numbers ${client}`);
      const added = await waihu(client, t, 'AddCallerNumber', { PhoneNumber: '057112345678' });
      assert.equal(added.PhoneNumber, '057112345678');
      assert.equal(typeof added.CreateTime, 'number');
      await waihu(client, t, 'AddCallerNumber', { PhoneNumber: '95187' });
      await refused(client, t, 'AddCallerNumber', { PhoneNumber: '057112345678' }, 'PhoneNumber.AlreadyExists', 400, /already registered/);
      const list = await waihu(client, t, 'ListCallerNumbers');
      assert.deepEqual([list.Total, (list.List as Row[]).map((r) => r.PhoneNumber)], [2, ['95187', '057112345678']]);
      const numbers = server.app.voiceResources.callerNumbers;
      assert.equal(await numbers.isOwnedCallerNumber(t.accountId, '95187'), true);

      assert.deepEqual(await waihu(client, t, 'RemoveCallerNumber', { PhoneNumber: '95187' }), { PhoneNumber: '95187' });
      assert.equal(await numbers.isOwnedCallerNumber(t.accountId, '95187'), false);
      await refused(client, t, 'RemoveCallerNumber', { PhoneNumber: '95187' }, 'InvalidPhoneNumber.NotFound', 404, /"95187" does not exist/);
      for (const bad of ['1234', '+8613800000000', '0571-1234567', '123456789012345678901']) {
        await refused(client, t, 'AddCallerNumber', { PhoneNumber: bad }, 'InvalidParameter', 400, /"PhoneNumber" is not valid/);
      }
      await refused(client, t, 'AddCallerNumber', {}, 'MissingPhoneNumber', 400);
    });

    test(`${client}: receipt URLs are set per message type, replaced, read back and removed with an empty Url`, async () => {
      const t = await otherTenant(server, `receipts ${client}`);
      assert.deepEqual(await waihu(client, t, 'GetReceiptConfig'), { List: [] });
      const set = await waihu(client, t, 'SetReceiptConfig', { MessageType: 'VoiceReport', Url: 'http://receiver.example/report' });
      assert.deepEqual({ ...set, UpdateTime: 0 }, { MessageType: 'VoiceReport', Url: 'http://receiver.example/report', UpdateTime: 0, Removed: false });
      await waihu(client, t, 'SetReceiptConfig', { MessageType: 'LlmSmartCallRecord', Url: 'https://receiver.example/llm' });
      await waihu(client, t, 'SetReceiptConfig', { MessageType: 'VoiceReport', Url: 'https://receiver.example/v2' });
      const all = (await waihu(client, t, 'GetReceiptConfig')).List as Row[];
      assert.deepEqual(all.map((r) => [r.MessageType, r.Url]), [['VoiceReport', 'https://receiver.example/v2'], ['LlmSmartCallRecord', 'https://receiver.example/llm']]);
      const one = (await waihu(client, t, 'GetReceiptConfig', { MessageType: 'LlmSmartCallRecord' })).List as Row[];
      assert.deepEqual(one.map((r) => r.MessageType), ['LlmSmartCallRecord']);
      assert.equal(await server.app.voiceResources.receiptConfigs.urlFor(t.accountId, 'VoiceReport'), 'https://receiver.example/v2');

      assert.deepEqual(await waihu(client, t, 'SetReceiptConfig', { MessageType: 'VoiceReport', Url: '' }), { MessageType: 'VoiceReport', Url: '', Removed: true });
      assert.deepEqual(await waihu(client, t, 'SetReceiptConfig', { MessageType: 'VoiceReport' }), { MessageType: 'VoiceReport', Url: '', Removed: false });
      assert.deepEqual(((await waihu(client, t, 'GetReceiptConfig')).List as Row[]).map((r) => r.MessageType), ['LlmSmartCallRecord']);
    });

    test(`${client}: bad receipt settings are refused naming the parameter`, async () => {
      const t = await otherTenant(server, `bad receipts ${client}`);
      await refused(client, t, 'SetReceiptConfig', { Url: 'https://x.example' }, 'MissingMessageType', 400);
      await refused(client, t, 'SetReceiptConfig', { MessageType: 'SmsReport', Url: 'https://x.example' }, 'InvalidParameter', 400, /"MessageType" is not valid/);
      await refused(client, t, 'GetReceiptConfig', { MessageType: 'SmsReport' }, 'InvalidParameter', 400, /"MessageType" is not valid/);
      await refused(client, t, 'SetReceiptConfig', { MessageType: 'VoiceReport', Url: 'ftp://x.example/r' }, 'InvalidParameter', 400, /"Url" is not valid: Url must be an http:\/\/ or https:\/\/ URL/);
      await refused(client, t, 'SetReceiptConfig', { MessageType: 'VoiceReport', Url: 'receiver/report' }, 'InvalidParameter', 400, /"Url" is not valid: Url "receiver\/report" is not an absolute URL/);
      await refused(client, t, 'SetReceiptConfig', { MessageType: 'VoiceReport', Url: `https://x.example/${'a'.repeat(500)}` }, 'InvalidParameter', 400, /"Url" is not valid/);
      assert.deepEqual(await waihu(client, t, 'GetReceiptConfig'), { List: [] });
    });

    test(`${client}: another account can neither see nor change the caller's voice resources`, async () => {
      const a = await otherTenant(server, `voice owner ${client}`);
      const b = await otherTenant(server, `voice neighbour ${client}`);
      const code = await created(client, a, 'CreateTtsTemplate', NOTICE);
      for (const action of ['GetTtsTemplate', 'DeleteTtsTemplate']) await refused(client, b, action, { TtsCode: code }, 'InvalidTtsCode.NotFound', 404);
      assert.equal((await waihu(client, b, 'ListTtsTemplates')).Total, 0);
      await waihu(client, a, 'AddCallerNumber', { PhoneNumber: '057187654321' });
      await refused(client, b, 'RemoveCallerNumber', { PhoneNumber: '057187654321' }, 'InvalidPhoneNumber.NotFound', 404);
      assert.equal((await waihu(client, b, 'ListCallerNumbers')).Total, 0);
      assert.equal(await server.app.voiceResources.callerNumbers.isOwnedCallerNumber(b.accountId, '057187654321'), false);
      await waihu(client, b, 'AddCallerNumber', { PhoneNumber: '057187654321' });
      await waihu(client, a, 'SetReceiptConfig', { MessageType: 'VoiceCallReport', Url: 'https://a.example/r' });
      assert.deepEqual(await waihu(client, b, 'GetReceiptConfig'), { List: [] });
      assert.equal((await waihu(client, a, 'GetTtsTemplate', { TtsCode: code })).Name, NOTICE.Name);
      assert.equal((await waihu(client, a, 'ListCallerNumbers')).Total, 1);
    });
  }
});
