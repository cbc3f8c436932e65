/**
 * The registration half of doc chapter 12: GetHotlineQualificationByOrder, SubmitHotlineTransferRegister,
 * ListHotlineTransferRegisterFile and ListHotlineTransferNumber. A submission waits for the operator's review; the
 * register-file list shows every submission, the transfer-number list only the numbers of approved ones
 * (docs/hotline.md). IDs the doc types Long (Data, ResUniqueCode) go out as bigint so every digit survives.
 */
import type { HotlineRegistry, RegistrationInput } from '../../../../core/hotline/hotline-registry.js';
import type { ActionHandler } from '../../../action.js';
import { catalogSpec } from '../../catalog-spec.js';
import { ok, pageOf } from './hotline-wire.js';

/** The GetHotlineQualificationByOrder handler. */
export function getHotlineQualificationByOrder(registry: HotlineRegistry): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'GetHotlineQualificationByOrder'),
    handle: async (ctx, p) => {
      const q = await registry.qualificationByOrder(ctx.accountId, String(p.OrderId));
      return ok({ Status: q.status, QualificationId: q.qualificationId, OrderId: q.orderId });
    },
  };
}

/** The SubmitHotlineTransferRegister handler: Data is the registration ID. */
export function submitHotlineTransferRegister(registry: HotlineRegistry): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'SubmitHotlineTransferRegister'),
    handle: async (ctx, p) => {
      const registration = await registry.submit(ctx.accountId, p as unknown as RegistrationInput);
      return ok(BigInt(registration.id));
    },
  };
}

/** The ListHotlineTransferRegisterFile handler: the qualification's submissions for the 400 number, in any review state. */
export function listHotlineTransferRegisterFile(registry: HotlineRegistry): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'ListHotlineTransferRegisterFile'),
    handle: async (ctx, p) => {
      const page = pageOf(p);
      const { qualification, page: result } = await registry.registrationFiles(ctx.accountId, String(p.QualificationId), String(p.HotlineNumber), page);
      const values = result.items.map((r) => ({
        MngOpMail: r.operatorMail, MngOpName: r.operatorName, CorpName: qualification.corpName, Agree: r.agreement, MngOpMobile: r.operatorMobile,
        MngOpIdentityCard: r.operatorIdentityCard, HotlineNumber: r.hotlineNumber, QualificationId: r.qualificationId, ResUniqueCode: BigInt(r.id),
      }));
      return ok({ PageNo: page.pageNo, PageSize: page.pageSize, Total: result.total, Values: values });
    },
  };
}

/** The ListHotlineTransferNumber handler: registered (approved) transfer numbers only. */
export function listHotlineTransferNumber(registry: HotlineRegistry): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'ListHotlineTransferNumber'),
    handle: async (ctx, p) => {
      const page = pageOf(p);
      const result = await registry.registeredNumbers(ctx.accountId, String(p.QualificationId), String(p.HotlineNumber), page);
      const values = result.items.map((n) => ({
        PhoneNumber: n.phoneNumber, NumberOwnerName: n.ownerName, QualificationId: n.qualificationId, HotlineNumber: n.hotlineNumber,
        IdentityCard: n.identityCard, ResUniqueCode: n.registrationId,
      }));
      return ok({ PageNo: page.pageNo, PageSize: page.pageSize, Total: result.total, Values: values });
    },
  };
}
