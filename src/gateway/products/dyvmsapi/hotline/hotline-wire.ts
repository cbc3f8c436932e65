/**
 * What the 400-number actions share on the wire: the success envelope, paging, and the mapping of the registry's
 * own refusals to the codes the dyvms doc names (Mobile.Invalid, MobileVerifyCode.Invalid) or Alibaba uses for
 * the same situation elsewhere (isv.BUSINESS_LIMIT_CONTROL for a resend within the minute).
 */
import { DomainError } from '../../../../core/errors.js';
import { HotlineError } from '../../../../core/hotline/hotline-errors.js';
import type { PageRequest } from '../../../../ports/campaign-store.js';
import type { ActionHandler, ActionResult } from '../../../action.js';
import { GatewayError } from '../../../errors.js';

/** Rows per page when the caller gives no PageSize; the doc's largest (and its example's) value. */
export const DEFAULT_PAGE_SIZE = 10;

/** The doc's success envelope around Data. */
export function ok(data: unknown): ActionResult {
  return { Code: 'OK', Message: 'OK', Data: data };
}

/** PageNo (from 1, default 1) and PageSize (1-10 per the catalog, default 10). */
export function pageOf(p: Record<string, unknown>): PageRequest {
  const pageNo = Number(p.PageNo ?? 1);
  if (!Number.isSafeInteger(pageNo) || pageNo < 1) throw new DomainError('InvalidArgument', 'must be a whole number from 1', 'PageNo');
  return { pageNo, pageSize: Number(p.PageSize ?? DEFAULT_PAGE_SIZE) };
}

/** The wire error of a registry refusal. */
export function hotlineWireError(error: HotlineError): GatewayError {
  const about = error.param ? `${error.param}: ` : '';
  switch (error.code) {
    case 'MobileInvalid':
      return new GatewayError('Mobile.Invalid', 400, `The mobile number is invalid. ${about}${error.message}`);
    case 'VerifyCodeInvalid':
      return new GatewayError('MobileVerifyCode.Invalid', 400, `The mobile verification code is invalid. ${about}${error.message}`);
    case 'ResendTooSoon':
      return new GatewayError('isv.BUSINESS_LIMIT_CONTROL', 400, `${about}${error.message}`);
    case 'DeliveryFailed':
      // The platform's delivery channel failed, not the request: a 5xx, so clients treat it as retryable later.
      return new GatewayError('VerificationDelivery.Failed', 502, error.message);
  }
}

/** The handler with registry refusals turned into their wire errors; DomainErrors pass to the gateway's mapper. */
export function withHotlineErrors(handler: ActionHandler): ActionHandler {
  return {
    spec: handler.spec,
    handle: async (ctx, params) => {
      try {
        return await handler.handle(ctx, params);
      } catch (error) {
        throw error instanceof HotlineError ? hotlineWireError(error) : error;
      }
    },
  };
}
