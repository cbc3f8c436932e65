/**
 * The 400-number registry's operator side as waihu management actions, so a console can do what `waihu hotline`
 * does: create and suspend qualifications, list the registrations customers submitted and approve or reject them
 * (docs/hotline.md). Creating, suspending and reviewing are operator actions: only an operator account
 * (`waihu accounts operator ID`) may call them, for the account `AccountId` names (its own when absent), so no
 * customer approves its own registrations. Listing and reading act on the signing account; an operator may name
 * another with `AccountId`. Anyone else gets Forbidden (403).
 */
import { readPage } from '../../../core/campaigns/query-values.js';
import type { QualificationRecord, RegistrationRecord, RegistrationStatus } from '../../../core/hotline/hotline-records.js';
import { REGISTRATION_STATUSES } from '../../../core/hotline/hotline-records.js';
import { MAX_REJECT_REASON_LENGTH } from '../../../core/hotline/registration-review.js';
import type { HotlineServices } from '../../../core/hotline/hotline-services.js';
import type { ActionContext, ActionHandler } from '../../action.js';
import { GatewayError } from '../../errors.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

const HOTLINE_QPS = { perUser: 20, api: 200 };
const accountId: ParamSpec = {
  name: 'AccountId', type: 'String', required: false, maxLength: 32, lengthUnit: 'chars',
  description: 'The customer account acted on (operators only); the signing account when absent.',
};

/** Tells whether an account is an operator. */
export type OperatorCheck = (accountId: string) => Promise<boolean>;

/**
 * The account an action acts on: `AccountId` when given, else the signer's. `operatorOnly` actions, and any action
 * naming another account, need the signer to be an operator; Forbidden (403) otherwise.
 */
async function targetAccount(isOperator: OperatorCheck, ctx: ActionContext, p: Record<string, unknown>, action: string, operatorOnly: boolean): Promise<string> {
  const named = typeof p.AccountId === 'string' && p.AccountId.trim() !== '' ? p.AccountId.trim() : undefined;
  const target = named ?? ctx.accountId;
  if ((operatorOnly || target !== ctx.accountId) && !(await isOperator(ctx.accountId))) {
    const why = operatorOnly ? `${action} is an operator action` : `only an operator may name another account in AccountId`;
    throw new GatewayError('Forbidden', 403, `${why}, and the signing account is not an operator (waihu accounts operator ID).`);
  }
  return target;
}
const registrationId: ParamSpec = { name: 'RegistrationId', type: 'String', required: true, maxLength: 32, lengthUnit: 'chars', description: 'The registration, as SubmitHotlineTransferRegister returned it (Data).' };
const qualificationId: ParamSpec = { name: 'QualificationId', type: 'String', required: true, maxLength: 64, lengthUnit: 'chars', description: 'The qualification.' };
const listParams: ParamSpec[] = [
  { name: 'Status', type: 'String', required: false, enum: [...REGISTRATION_STATUSES], description: 'Only registrations in this review state.' },
  { name: 'HotlineNumber', type: 'String', required: false, maxLength: 20, lengthUnit: 'chars', description: 'Only registrations of this 400 number.' },
  { name: 'QualificationId', type: 'String', required: false, maxLength: 64, lengthUnit: 'chars', description: 'Only registrations under this qualification.' },
  { name: 'PageNo', type: 'Integer', required: false, min: 1, description: 'Page, from 1 (default 1).' },
  { name: 'PageSize', type: 'Integer', required: false, min: 1, max: 100, description: 'Rows per page, 1-100 (default 10).' },
];

/** A qualification as the actions and `waihu hotline --json` show it. */
export function qualificationView(q: QualificationRecord): Record<string, unknown> {
  return { QualificationId: q.qualificationId, OrderId: q.orderId, CorpName: q.corpName, Status: q.status, CreateTime: q.createdAt };
}

/** A registration with its review state, as the actions and `waihu hotline --json` show it. */
export function registrationView(r: RegistrationRecord): Record<string, unknown> {
  return {
    RegistrationId: r.id, QualificationId: r.qualificationId, HotlineNumber: r.hotlineNumber, Status: r.status, RejectReason: r.rejectReason,
    OperatorName: r.operatorName, OperatorMail: r.operatorMail, OperatorMobile: r.operatorMobile, OperatorIdentityCard: r.operatorIdentityCard,
    Numbers: r.numbers.map((n) => ({ PhoneNumber: n.phoneNumber, OwnerName: n.ownerName, IdentityCard: n.identityCard })),
    CreateTime: r.createdAt, ReviewTime: r.reviewedAt,
  };
}

/** CreateHotlineQualification, SetHotlineQualificationStatus, ListHotlineRegistrations, GetHotlineRegistration, ReviewHotlineRegistration. */
export function hotlineActions(hotline: HotlineServices, isOperator: OperatorCheck): ActionHandler[] {
  const { registry } = hotline;
  return [
    {
      spec: waihuAction('CreateHotlineQualification', 'Creates a NORMAL 400 qualification for an application ticket; GetHotlineQualificationByOrder then finds it by OrderId.', [
        { name: 'CorpName', type: 'String', required: true, maxLength: 64, lengthUnit: 'chars', description: 'The enterprise the qualification belongs to.' },
        { name: 'OrderId', type: 'String', required: false, maxLength: 64, lengthUnit: 'chars', description: 'The application ticket; a new id when absent.' },
        accountId,
      ], HOTLINE_QPS),
      handle: async (ctx, p) => {
        const target = await targetAccount(isOperator, ctx, p, 'CreateHotlineQualification', true);
        return ok(qualificationView(await registry.createQualification(target, { corpName: String(p.CorpName), orderId: p.OrderId as string | undefined })));
      },
    },
    {
      spec: waihuAction('SetHotlineQualificationStatus', 'Suspends (OTHER) or restores (NORMAL) a qualification; a suspended one accepts no registrations or transfer pools.', [
        qualificationId, { name: 'Status', type: 'String', required: true, enum: ['NORMAL', 'OTHER'], description: 'NORMAL or OTHER.' }, accountId,
      ], HOTLINE_QPS),
      handle: async (ctx, p) => {
        const target = await targetAccount(isOperator, ctx, p, 'SetHotlineQualificationStatus', true);
        return ok(qualificationView(await registry.setQualificationStatus(target, String(p.QualificationId), p.Status as 'NORMAL' | 'OTHER')));
      },
    },
    {
      spec: waihuAction('ListHotlineRegistrations', 'Lists 400 transfer registrations with their review state, newest first.', [...listParams, accountId], HOTLINE_QPS),
      handle: async (ctx, p) => {
        const target = await targetAccount(isOperator, ctx, p, 'ListHotlineRegistrations', false);
        const page = readPage(p);
        const filter = {
          ...(p.Status !== undefined ? { status: p.Status as RegistrationStatus } : {}),
          ...(typeof p.HotlineNumber === 'string' && p.HotlineNumber.trim() ? { hotlineNumber: p.HotlineNumber.trim() } : {}),
          ...(typeof p.QualificationId === 'string' && p.QualificationId.trim() ? { qualificationId: p.QualificationId.trim() } : {}),
        };
        const result = await registry.listRegistrations(target, filter, page);
        return ok({ List: result.items.map(registrationView), Total: result.total, PageNo: page.pageNo, PageSize: page.pageSize });
      },
    },
    {
      spec: waihuAction('GetHotlineRegistration', 'Returns one registration with its numbers and review state.', [registrationId, accountId], HOTLINE_QPS),
      handle: async (ctx, p) => {
        const target = await targetAccount(isOperator, ctx, p, 'GetHotlineRegistration', false);
        return ok(registrationView(await registry.registration(target, String(p.RegistrationId))));
      },
    },
    {
      spec: waihuAction('ReviewHotlineRegistration', 'Approves or rejects a pending registration; a rejection needs a Reason. Approved numbers count as registered.', [
        registrationId,
        { name: 'Decision', type: 'String', required: true, enum: ['APPROVE', 'REJECT'], description: 'APPROVE or REJECT.' },
        { name: 'Reason', type: 'String', required: false, maxLength: MAX_REJECT_REASON_LENGTH, lengthUnit: 'chars', description: 'Why it is rejected; required with REJECT.' },
        accountId,
      ], HOTLINE_QPS),
      handle: async (ctx, p) => {
        const target = await targetAccount(isOperator, ctx, p, 'ReviewHotlineRegistration', true);
        const decision = p.Decision === 'APPROVE' ? { kind: 'approve' as const } : { kind: 'reject' as const, reason: String(p.Reason ?? '') };
        return ok(registrationView(await registry.review(target, String(p.RegistrationId), decision)));
      },
    },
  ];
}
