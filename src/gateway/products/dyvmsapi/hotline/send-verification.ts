/**
 * SendVerification: a fresh code to the mobile (VerifyType SMS, BizType CONTACT, the doc's only values), delivered
 * through the configured webhook or, without one, the log. Data is true once delivered; a delivery failure is an
 * error, never `Data: false`, because the doc gives a caller nothing else to tell the two apart by.
 */
import type { HotlineVerification } from '../../../../core/hotline/hotline-verification.js';
import type { ActionHandler } from '../../../action.js';
import { catalogSpec } from '../../catalog-spec.js';
import { ok } from './hotline-wire.js';

/** The SendVerification handler. */
export function sendVerification(verification: HotlineVerification): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'SendVerification'),
    handle: async (ctx, p) => {
      await verification.send(ctx.accountId, { target: String(p.Target), verifyType: String(p.VerifyType), bizType: String(p.BizType) });
      return ok(true);
    },
  };
}
