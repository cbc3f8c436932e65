// The 400-number registry's edges: XML bodies through openapi-core (success and error), a verification webhook that
// fails or cannot be reached (the caller gets a 5xx and no code is left usable), and development delivery to the log.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import OpenApiCoreModule from '@alicloud/openapi-core';
import { RuntimeOptions } from '@alicloud/tea-util';
import { createLogger } from '../../src/app/logger.js';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { DYVMS, flatQuery, type KeyPair } from '../support/sdk-clients.js';
import { assertOpenApiCoreError, rejection } from '../support/sdk-errors.js';
import { defaultTenant } from './aiccs-kit.js';
import { dyvms, dyvmsRefused, startWebhookReceiver, type WebhookReceiver } from './hotline-kit.js';
import { waihu } from './waihu-kit.js';

const OpenApiCore = OpenApiCoreModule.default;
const HOTLINE = '4007654321';

/** A dyvms call through openapi-core asking for Format=XML; the body comes back as text (bodyType string). */
async function xmlCall(server: TestServer, key: KeyPair, action: string, params: Record<string, unknown>): Promise<string> {
  const client = new OpenApiCore(new OpenApiCoreModule.$OpenApiUtil.Config({ accessKeyId: key.AccessKeyId, accessKeySecret: key.AccessKeySecret, endpoint: server.host, protocol: 'HTTP' }));
  const out = await client.callApi(
    new OpenApiCoreModule.$OpenApiUtil.Params({ action, version: DYVMS, protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', bodyType: 'string', reqBodyType: 'formData' }),
    new OpenApiCoreModule.$OpenApiUtil.OpenApiRequest({ query: flatQuery({ ...params, Format: 'XML' }) }),
    new RuntimeOptions({}),
  );
  return String((out as { body: unknown }).body);
}

describe('400-number registry: XML and verification delivery', () => {
  let server: TestServer;
  let hooks: WebhookReceiver;
  before(async () => {
    hooks = await startWebhookReceiver();
    server = await startTestServer({ config: { verificationWebhookUrl: hooks.url } });
  });
  after(async () => {
    await server?.stop();
    await hooks?.close();
  });

  test('XML: answers in the doc\'s element layout (one <Values> element per row); errors come back as <Error> the client parses', async () => {
    const t = defaultTenant(server);
    // The default account doubles as the operator here: it creates its own qualification.
    await server.app.accessKeys.setOperator(t.accountId, true);
    const q = await waihu('openapi-core V3', t, 'CreateHotlineQualification', { CorpName: 'XML公司', OrderId: 'xml-order-1' });
    const byOrder = await xmlCall(server, server.key, 'GetHotlineQualificationByOrder', { OrderId: 'xml-order-1' });
    assert.match(byOrder, new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?><GetHotlineQualificationByOrderResponse><RequestId>[0-9A-F-]{36}</RequestId><Code>OK</Code><Message>OK</Message><Data><Status>NORMAL</Status><QualificationId>${String(q.QualificationId)}</QualificationId><OrderId>xml-order-1</OrderId></Data></GetHotlineQualificationByOrderResponse>$`));
    const sent = await xmlCall(server, server.key, 'SendVerification', { VerifyType: 'SMS', BizType: 'CONTACT', Target: '13700000001' });
    assert.match(sent, /<Data>true<\/Data>/);
    const infos = ['13811112222', '13811113333'].map((n) => ({ PhoneNumber: n, PhoneNumberOwnerName: '机主', IdentityCard: '11010519491231002X' }));
    await dyvms('pop-core V1', t, 'SubmitHotlineTransferRegister', {
      QualificationId: q.QualificationId, OperatorName: '经办', OperatorMail: 'a@b.cn', OperatorMobile: '13700000001', OperatorMobileVerifyCode: hooks.codeFor('13700000001'),
      OperatorIdentityCard: '11010519491231002X', Agreement: 'true', HotlineNumber: HOTLINE, TransferPhoneNumberInfos: JSON.stringify(infos),
    });
    const files = await xmlCall(server, server.key, 'ListHotlineTransferRegisterFile', { QualificationId: q.QualificationId, HotlineNumber: HOTLINE });
    assert.match(files, /<Data><PageNo>1<\/PageNo><PageSize>10<\/PageSize><Total>1<\/Total><Values><MngOpMail>a@b\.cn<\/MngOpMail><MngOpName>经办<\/MngOpName><CorpName>XML公司<\/CorpName><Agree>true<\/Agree>.*<ResUniqueCode>\d{18,19}<\/ResUniqueCode><\/Values><\/Data>/);
    const empty = await xmlCall(server, server.key, 'QueryCallInTransferRecord', { PhoneNumber: HOTLINE, QueryDate: '2026-06-28 00:00:00', PageNo: 2, PageSize: 5 });
    assert.match(empty, /<Data><PageNo>2<\/PageNo><PageSize>5<\/PageSize><Total>0<\/Total><\/Data>/);
    const err = await rejection(xmlCall(server, server.key, 'QueryCallInTransferRecord', { PhoneNumber: '12345', QueryDate: '2026-06-28 00:00:00', PageNo: 1, PageSize: 5 }));
    const body = assertOpenApiCoreError(err, { code: 'InvalidParameter', status: 400, kind: 'ClientError' });
    assert.match(String(body.Message), /"PhoneNumber" is not valid: "12345" is not a 400 number/);
  });

  test('a webhook answering 5xx fails SendVerification with a 502, and no code is left to submit', async () => {
    const t = defaultTenant(server);
    const target = '13700000002';
    hooks.status = 503;
    try {
      for (const client of ['openapi-core V3', 'pop-core V1'] as const) {
        await dyvmsRefused(client, t, 'SendVerification', { VerifyType: 'SMS', BizType: 'CONTACT', Target: target }, 'VerificationDelivery.Failed', 502, /answered HTTP 503\); no code was issued/);
      }
      assert.equal(await server.app.store.getVerificationCode(t.accountId, target, 'CONTACT'), undefined);
    } finally {
      hooks.status = 200;
    }
    // A failed delivery does not hold the once-a-minute limit: the retry goes out at once.
    await dyvms('pop-core V1', t, 'SendVerification', { VerifyType: 'SMS', BizType: 'CONTACT', Target: target });
    assert.match(hooks.codeFor(target), /^\d{6}$/);
  });

  test('an unreachable webhook is an error naming the delivery, not the URL', async () => {
    const down = await startTestServer({ config: { verificationWebhookUrl: 'http://127.0.0.1:1/sms' } });
    try {
      const body = await dyvmsRefused('openapi-core V3', defaultTenant(down), 'SendVerification', { VerifyType: 'SMS', BizType: 'CONTACT', Target: '13700000003' }, 'VerificationDelivery.Failed', 502, /delivery webhook is unreachable/);
      assert.doesNotMatch(String(body.Message), /127\.0\.0\.1/);
    } finally {
      await down.stop();
    }
  });

  test('without a webhook the code is written to the log: number masked, code readable', async () => {
    const lines = new PassThrough();
    const log: string[] = [];
    lines.on('data', (chunk: Buffer) => log.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const dev = await startTestServer({ logger: createLogger('info', lines) });
    try {
      await dyvms('pop-core V1', defaultTenant(dev), 'SendVerification', { VerifyType: 'SMS', BizType: 'CONTACT', Target: '13712345678' });
      const entry = log.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => /verification code/.test(String(e.msg)));
      assert.ok(entry, 'the code is logged');
      assert.equal(entry.target, '137****5678');
      assert.match(String(entry.code), /^\d{6}$/);
      assert.doesNotMatch(log.join('\n'), /13712345678/);
    } finally {
      await dev.stop();
    }
  });
});
