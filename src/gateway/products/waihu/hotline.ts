/**
 * The 400-number registry's operator side as waihu management actions, so a console can do what `waihu hotline`
 * does: create and suspend qualifications, list the registrations customers submitted and approve or reject them
 * (docs/hotline.md). Like every waihu action they act on the signing account.
 */
import { readPage } from '../../../core/campaigns/query-values.js';
import type { QualificationRecord, RegistrationRecord, RegistrationStatus } from '../../../core/hotline/hotline-records.js';
import { REGISTRATION_STATUSES } from '../../../core/hotline/hotline-records.js';
import { MAX_REJECT_REASON_LENGTH } from '../../../core/hotline/registration-review.js';
import type { HotlineServices } from '../../../core/hotline/hotline-services.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

const HOTLINE_QPS = { perUser: 20, api: 200 };
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
export function hotlineActions(hotline: HotlineServices): ActionHandler[] {
  const { registry } = hotline;
  return [
    {
      spec: waihuAction('CreateHotlineQualification', 'Creates a NORMAL 400 qualification for an application ticket; GetHotlineQualificationByOrder then finds it by OrderId.', [
        { name: 'CorpName', type: 'String', required: true, maxLength: 64, lengthUnit: 'chars', description: 'The enterprise the qualification belongs to.' },
        { name: 'OrderId', type: 'String', required: false, maxLength: 64, lengthUnit: 'chars', description: 'The application ticket; a new id when absent.' },
      ], HOTLINE_QPS),
      handle: async (ctx, p) => ok(qualificationView(await registry.createQualification(ctx.accountId, { corpName: String(p.CorpName), orderId: p.OrderId as string | undefined }))),
    },
    {
      spec: waihuAction('SetHotlineQualificationStatus', 'Suspends (OTHER) or restores (NORMAL) a qualification; a suspended one accepts no registrations or transfer pools.', [
        qualificationId, { name: 'Status', type: 'String', required: true, enum: ['NORMAL', 'OTHER'], description: 'NORMAL or OTHER.' },
      ], HOTLINE_QPS),
      handle: async (ctx, p) => ok(qualificationView(await registry.setQualificationStatus(ctx.accountId, String(p.QualificationId), p.Status as 'NORMAL' | 'OTHER'))),
    },
    {
      spec: waihuAction('ListHotlineRegistrations', 'Lists 400 transfer registrations with their review state, newest first.', listParams, HOTLINE_QPS),
      handle: async (ctx, p) => {
        const page = readPage(p);
        const filter = {
          ...(p.Status !== undefined ? { status: p.Status as RegistrationStatus } : {}),
          ...(typeof p.HotlineNumber === 'string' && p.HotlineNumber.trim() ? { hotlineNumber: p.HotlineNumber.trim() } : {}),
          ...(typeof p.QualificationId === 'string' && p.QualificationId.trim() ? { qualificationId: p.QualificationId.trim() } : {}),
        };
        const result = await registry.listRegistrations(ctx.accountId, filter, page);
        return ok({ List: result.items.map(registrationView), Total: result.total, PageNo: page.pageNo, PageSize: page.pageSize });
      },
    },
    {
      spec: waihuAction('GetHotlineRegistration', 'Returns one registration with its numbers and review state.', [registrationId], HOTLINE_QPS),
      handle: async (ctx, p) => ok(registrationView(await registry.registration(ctx.accountId, String(p.RegistrationId)))),
    },
    {
      spec: waihuAction('ReviewHotlineRegistration', 'Approves or rejects a pending registration; a rejection needs a Reason. Approved numbers count as registered.', [
        registrationId,
        { name: 'Decision', type: 'String', required: true, enum: ['APPROVE', 'REJECT'], description: 'APPROVE or REJECT.' },
        { name: 'Reason', type: 'String', required: false, maxLength: MAX_REJECT_REASON_LENGTH, lengthUnit: 'chars', description: 'Why it is rejected; required with REJECT.' },
      ], HOTLINE_QPS),
      handle: async (ctx, p) => {
        const decision = p.Decision === 'APPROVE' ? { kind: 'approve' as const } : { kind: 'reject' as const, reason: String(p.Reason ?? '') };
        return ok(registrationView(await registry.review(ctx.accountId, String(p.RegistrationId), decision)));
      },
    },
  ];
}
