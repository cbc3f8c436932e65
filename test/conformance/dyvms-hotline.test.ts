// dyvms 400-number registry (doc chapter 12) through the official clients: the operator creates a qualification,
// the customer verifies the operator's mobile (code delivered to a local webhook), submits a registration that
// waits for review, the operator approves or rejects it, approved numbers become the 400 number's transfer pool.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/conformance-server.js';
import { CLIENTS, otherTenant, type ClientName, type Tenant } from './aiccs-kit.js';
import { dyvms, dyvmsData, dyvmsRefused, idCard, startWebhookReceiver, type WebhookReceiver } from './hotline-kit.js';
import { refused, waihu } from './waihu-kit.js';

const HOTLINE = '4001234567';
const OPERATOR_ID = idCard('11010519491231002');

/** SubmitHotlineTransferRegister's parameters; pop-core sends the numbers as the doc's JSON array, openapi-core flattened. */
function registration(client: ClientName, qualificationId: string, mobile: string, code: string, numbers: string[]): Record<string, unknown> {
  const infos = numbers.map((n, i) => ({ PhoneNumber: n, PhoneNumberOwnerName: `机主${i + 1}`, IdentityCard: idCard(`3301061990010${String(i).padStart(4, '0')}`) }));
  return {
    QualificationId: qualificationId, OperatorName: '张经办', OperatorMail: 'ops@example.com', OperatorMailVerifyCode: '0000',
    OperatorMobile: mobile, OperatorMobileVerifyCode: code, OperatorIdentityCard: OPERATOR_ID, Agreement: 'true', HotlineNumber: HOTLINE,
    TransferPhoneNumberInfos: client === 'pop-core V1' ? JSON.stringify(infos) : infos,
  };
}

/** An operator account (the platform's staff), who creates qualifications and reviews registrations. */
async function operatorOf(server: TestServer, name: string): Promise<Tenant> {
  const op = await otherTenant(server, name);
  await server.app.accessKeys.setOperator(op.accountId, true);
  return op;
}

/** A customer tenant with a qualification the operator created for it; returns its ids. */
async function qualified(client: ClientName, server: TestServer, op: Tenant, name: string) {
  const t = await otherTenant(server, name);
  const q = await waihu(client, op, 'CreateHotlineQualification', { CorpName: '杭州某某科技有限公司', AccountId: t.accountId });
  return { t, qualificationId: String(q.QualificationId), orderId: String(q.OrderId) };
}

/** Sends a code to `mobile` and submits a registration with it; returns the RegistrationId from the review list. */
async function submit(client: ClientName, t: Tenant, hooks: WebhookReceiver, qualificationId: string, mobile: string, numbers: string[]): Promise<string> {
  assert.equal(String((await dyvms(client, t, 'SendVerification', { VerifyType: 'SMS', BizType: 'CONTACT', Target: mobile })).Data), 'true');
  const body = await dyvms(client, t, 'SubmitHotlineTransferRegister', registration(client, qualificationId, mobile, hooks.codeFor(mobile), numbers));
  const list = await waihu(client, t, 'ListHotlineRegistrations', { Status: 'PENDING' });
  const id = String((list.List as Record<string, unknown>[])[0]!.RegistrationId);
  // Data is the 19-digit registration id: exact through pop-core's json-bigint, a rounded number through JSON.parse.
  if (client === 'pop-core V1') assert.equal(String(body.Data), id);
  else assert.equal(body.Data, Number(id));
  return id;
}

describe('dyvms 400-number registry', () => {
  let server: TestServer;
  let hooks: WebhookReceiver;
  let op: Tenant;
  before(async () => {
    hooks = await startWebhookReceiver();
    server = await startTestServer({ config: { verificationWebhookUrl: hooks.url } });
    op = await operatorOf(server, 'hotline operator');
  });
  after(async () => {
    await server?.stop();
    await hooks?.close();
  });

  for (const client of CLIENTS) {
    test(`${client}: qualification, verified submission, review, registered numbers and their transfer pool`, async () => {
      const { t, qualificationId, orderId } = await qualified(client, server, op, `hotline ${client}`);
      assert.deepEqual(await dyvmsData(client, t, 'GetHotlineQualificationByOrder', { OrderId: orderId }), { Status: 'NORMAL', QualificationId: qualificationId, OrderId: orderId });

      const mobile = client === 'pop-core V1' ? '13900000001' : '13900000002';
      const id = await submit(client, t, hooks, qualificationId, mobile, ['13811110001', '057188880001']);
      const delivered = hooks.received.at(-1)!;
      assert.deepEqual([delivered.event, delivered.target, delivered.verifyType, delivered.bizType, delivered.accountId], ['hotline.verification', mobile, 'SMS', 'CONTACT', t.accountId]);
      assert.match(String(delivered.code), /^\d{6}$/);

      const files = await dyvmsData(client, t, 'ListHotlineTransferRegisterFile', { QualificationId: qualificationId, HotlineNumber: HOTLINE, PageNo: 1, PageSize: 10 });
      assert.deepEqual([files.PageNo, files.PageSize, files.Total], [1, 10, 1]);
      const file = (files.Values as Record<string, unknown>[])[0]!;
      assert.deepEqual({ ...file, ResUniqueCode: String(file.ResUniqueCode).length }, {
        MngOpMail: 'ops@example.com', MngOpName: '张经办', CorpName: '杭州某某科技有限公司', Agree: 'true', MngOpMobile: mobile,
        MngOpIdentityCard: OPERATOR_ID, HotlineNumber: HOTLINE, QualificationId: qualificationId, ResUniqueCode: id.length,
      });
      const listNumbers = { QualificationId: qualificationId, HotlineNumber: HOTLINE, PageNo: 1, PageSize: 10 };
      assert.equal((await dyvmsData(client, t, 'ListHotlineTransferNumber', listNumbers)).Total, 0, 'pending numbers are not registered yet');
      const pool = { PhoneNumber: HOTLINE, QualificationId: qualificationId, CalledRouteMode: 'roundRobin', 'Details.1.Called': '13811110001' };
      await dyvmsRefused(client, t, 'SetTransferCalleePoolConfig', pool, 'InvalidParameter', 400, /"Details\.1\.Called" is not valid: 13811110001 is not an approved transfer number/);

      await refused(client, t, 'ReviewHotlineRegistration', { RegistrationId: id, Decision: 'APPROVE' }, 'Forbidden', 403, /ReviewHotlineRegistration is an operator action/);
      await refused(client, t, 'ListHotlineRegistrations', { AccountId: op.accountId }, 'Forbidden', 403, /only an operator may name another account/);
      const approved = await waihu(client, op, 'ReviewHotlineRegistration', { RegistrationId: id, Decision: 'APPROVE', AccountId: t.accountId });
      assert.deepEqual([approved.Status, approved.RejectReason], ['APPROVED', null]);
      const other = client === 'pop-core V1' ? '13900000011' : '13900000012';
      await dyvms(client, t, 'SendVerification', { VerifyType: 'SMS', BizType: 'CONTACT', Target: other });
      await dyvmsRefused(client, t, 'SubmitHotlineTransferRegister', registration(client, qualificationId, other, hooks.codeFor(other), ['13811110002', '057188880001']),
        'InvalidParameter', 400, /"TransferPhoneNumberInfos\.2\.PhoneNumber" is not valid: 057188880001 is already registered/);
      const numbers = await dyvmsData(client, t, 'ListHotlineTransferNumber', listNumbers);
      assert.equal(numbers.Total, 2);
      assert.deepEqual((numbers.Values as Record<string, unknown>[]).map((v) => [v.PhoneNumber, v.NumberOwnerName, v.HotlineNumber, v.QualificationId, v.ResUniqueCode]), [
        ['13811110001', '机主1', HOTLINE, qualificationId, id], ['057188880001', '机主2', HOTLINE, qualificationId, id],
      ]);

      assert.equal(String((await dyvms(client, t, 'SetTransferCalleePoolConfig', { ...pool, 'Details.2.Called': '057188880001', 'Details.2.Caller': '4001234567' })).Data), 'true');
      const config = await dyvmsData(client, t, 'QueryCallInPoolTransferConfig', { PhoneNumber: HOTLINE });
      assert.deepEqual({ ...config, GmtCreate: typeof config.GmtCreate }, {
        GmtCreate: 'number', CalledRouteMode: 'roundRobin', TransferTimeout: '30', Details: [{ Called: '13811110001' }, { Called: '057188880001' }],
      });
      const records = await dyvmsData(client, t, 'QueryCallInTransferRecord', { PhoneNumber: HOTLINE, QueryDate: '2026-06-28 00:00:00', PageNo: 1, PageSize: 10 });
      assert.deepEqual(records, { PageNo: 1, PageSize: 10, Total: 0, Values: [] }, 'inbound calls are not built: never a transfer record');
    });

    test(`${client}: a rejected registration carries its reason, frees its numbers and cannot be reviewed again`, async () => {
      const { t, qualificationId } = await qualified(client, server, op, `hotline reject ${client}`);
      const mobile = client === 'pop-core V1' ? '13900000003' : '13900000004';
      const id = await submit(client, t, hooks, qualificationId, mobile, ['13811110009']);
      await refused(client, op, 'ReviewHotlineRegistration', { RegistrationId: id, Decision: 'REJECT', AccountId: t.accountId }, 'InvalidParameter', 400, /"Reason"/);
      const rejected = await waihu(client, op, 'ReviewHotlineRegistration', { RegistrationId: id, Decision: 'REJECT', Reason: '机主身份证与号码登记信息不符', AccountId: t.accountId });
      assert.deepEqual([rejected.Status, rejected.RejectReason, typeof rejected.ReviewTime], ['REJECTED', '机主身份证与号码登记信息不符', 'number']);
      await refused(client, op, 'ReviewHotlineRegistration', { RegistrationId: id, Decision: 'APPROVE', AccountId: t.accountId }, 'IncorrectStatus', 400, /already rejected/);
      const files = await dyvmsData(client, t, 'ListHotlineTransferRegisterFile', { QualificationId: qualificationId, HotlineNumber: HOTLINE });
      assert.equal(files.Total, 1, 'the register-file list shows every submission, rejected ones too');
      assert.equal((await dyvmsData(client, t, 'ListHotlineTransferNumber', { QualificationId: qualificationId, HotlineNumber: HOTLINE, PageNo: 1, PageSize: 10 })).Total, 0);
      const listed = await waihu(client, t, 'ListHotlineRegistrations', { Status: 'REJECTED' });
      assert.deepEqual((listed.List as Record<string, unknown>[]).map((r) => r.RegistrationId), [id]);
      // The rejected registration holds nothing: the same number may be submitted again (the operator uses a new code).
      const again = await submit(client, t, hooks, qualificationId, client === 'pop-core V1' ? '13900000013' : '13900000014', ['13811110009']);
      assert.notEqual(again, id);
    });

    test(`${client}: bad input is refused with the doc's codes, naming the parameter`, async () => {
      const { t, qualificationId } = await qualified(client, server, op, `hotline bad ${client}`);
      const mobile = client === 'pop-core V1' ? '13900000005' : '13900000006';
      await dyvmsRefused(client, t, 'SubmitHotlineTransferRegister', registration(client, qualificationId, '1390000', '123456', ['13811110001']), 'Mobile.Invalid', 400, /OperatorMobile/);
      await dyvmsRefused(client, t, 'SubmitHotlineTransferRegister', registration(client, qualificationId, mobile, '123456', ['13811110001']), 'MobileVerifyCode.Invalid', 400, /OperatorMobileVerifyCode: no verification code is outstanding/);
      const send = { VerifyType: 'SMS', BizType: 'CONTACT', Target: mobile };
      await dyvms(client, t, 'SendVerification', send);
      await dyvmsRefused(client, t, 'SendVerification', send, 'isv.BUSINESS_LIMIT_CONTROL', 400, /Target: a code was sent to this number less than 60 seconds ago/);
      await dyvmsRefused(client, t, 'SendVerification', { ...send, VerifyType: 'VOICE' }, 'InvalidParameter', 400, /"VerifyType"/);
      await dyvmsRefused(client, t, 'SendVerification', { ...send, Target: '057188880001' }, 'Mobile.Invalid', 400, /Target/);
      const code = hooks.codeFor(mobile);
      const wrong = code === '000000' ? '000001' : '000000';
      await dyvmsRefused(client, t, 'SubmitHotlineTransferRegister', registration(client, qualificationId, mobile, wrong, ['13811110001']), 'MobileVerifyCode.Invalid', 400, /does not match/);
      const good = registration(client, qualificationId, mobile, code, ['13811110001']);
      await dyvmsRefused(client, t, 'SubmitHotlineTransferRegister', { ...good, Agreement: 'false' }, 'InvalidParameter', 400, /"Agreement"/);
      await dyvmsRefused(client, t, 'SubmitHotlineTransferRegister', { ...good, HotlineNumber: '95588' }, 'InvalidParameter', 400, /"HotlineNumber"/);
      await dyvmsRefused(client, t, 'SubmitHotlineTransferRegister', { ...good, OperatorIdentityCard: '110105194912310021' }, 'InvalidParameter', 400, /"OperatorIdentityCard"/);
      // The message names the parameter but shows the address only masked: messages can end up in logs.
      const badMail = await dyvmsRefused(client, t, 'SubmitHotlineTransferRegister', { ...good, OperatorMail: 'wang.fang@corp' }, 'InvalidParameter', 400, /"OperatorMail" is not valid: "w\*\*\*@corp" is not an e-mail address/);
      assert.doesNotMatch(String(badMail.Message), /wang\.fang/);
      await dyvmsRefused(client, t, 'SubmitHotlineTransferRegister', { ...good, QualificationId: '999' }, 'InvalidQualificationId.NotFound', 404, /999/);
      // None of those used the code up: it still registers.
      await dyvms(client, t, 'SubmitHotlineTransferRegister', good);
      await dyvmsRefused(client, t, 'GetHotlineQualificationByOrder', { OrderId: 'no-such-ticket' }, 'InvalidOrderId.NotFound', 404, /no-such-ticket/);
      await dyvmsRefused(client, t, 'ListHotlineTransferNumber', { QualificationId: qualificationId, HotlineNumber: HOTLINE, PageNo: 1, PageSize: 11 }, 'InvalidParameter', 400, /"PageSize"/);
      await dyvmsRefused(client, t, 'ListHotlineTransferRegisterFile', { QualificationId: qualificationId }, 'MissingHotlineNumber', 400, /HotlineNumber is mandatory/);
      await dyvmsRefused(client, t, 'QueryCallInTransferRecord', { PhoneNumber: HOTLINE, QueryDate: '2026-02-30 00:00:00', PageNo: 1, PageSize: 10 }, 'InvalidParameter', 400, /"QueryDate"/);
      await dyvmsRefused(client, t, 'QueryCallInPoolTransferConfig', { PhoneNumber: HOTLINE }, 'InvalidPhoneNumber.NotFound', 404, /no transfer callee pool/);
      await dyvmsRefused(client, t, 'SetTransferCalleePoolConfig', { PhoneNumber: HOTLINE, QualificationId: qualificationId, CalledRouteMode: 'sequential', 'Details.1.Called': '13811110001' }, 'InvalidParameter', 400, /"CalledRouteMode"/);
    });
  }
});
