/** GetCallerIdentity: which account and AccessKey signed this request. The cheapest signed read. */
import type { ActionHandler } from '../../action.js';
import { ok, waihuAction } from './product.js';

/** Answers with the caller's AccountId and AccessKeyId. */
export function getCallerIdentity(): ActionHandler {
  return {
    spec: waihuAction('GetCallerIdentity', 'Returns the account and AccessKey that signed the request.', []),
    handle: async (ctx) => ok({ AccountId: ctx.accountId, AccessKeyId: ctx.accessKeyId }),
  };
}
