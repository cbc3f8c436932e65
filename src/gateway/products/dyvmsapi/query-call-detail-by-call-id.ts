/**
 * QueryCallDetailByCallId: the detail record of one call of the account (docs/call-detail.md). ProdId must be one of
 * the documented product ids (the catalog's enum, checked by the gateway: InvalidParameter naming ProdId) and must be
 * the product of the call's kind; the call must have started on the local day (platform zone) containing QueryDate.
 *
 * A call that fails any of these, or belongs to another account, answers like an unknown one: Code OK with `Data`
 * null. The doc lists no error code for it and calls the action a query, and a caller that checks ProdId or the day
 * learns nothing about calls it may not see; `JSON.parse(Data)` then yields null instead of throwing.
 */
import { DyvmsCallDetails, type CallDetailStore } from '../../../core/calls/dyvms-call-detail.js';
import type { ActionHandler } from '../../action.js';
import { gatewayErrors } from '../../errors.js';
import { catalogSpec } from '../catalog-spec.js';

/** The zone of the QueryDate day when none is configured: the platform default (config.timeZone). */
export const DEFAULT_CALL_DETAIL_ZONE = 'Asia/Shanghai';

// ECMAScript's time range: an instant outside it has no day.
const MAX_INSTANT_MS = 8.64e15;

/** What the action reads: the store and the platform time zone. */
export interface CallDetailServices {
  store: CallDetailStore;
  timeZone?: string;
}

/** QueryDate as epoch ms; InvalidParameter when it is not an instant at or after 1970. */
function checkedQueryDate(raw: unknown): number {
  const at = Number(raw);
  if (!Number.isSafeInteger(at) || at < 0 || at > MAX_INSTANT_MS) {
    throw gatewayErrors.invalidParameter('QueryDate', 'must be a Unix time in milliseconds, such as 1553774465000');
  }
  return at;
}

/** The QueryCallDetailByCallId handler: `{Code, Message, Data}` with Data the call's JSON text, or null. */
export function queryCallDetailByCallId(services: CallDetailServices): ActionHandler {
  const details = new DyvmsCallDetails(services.store, services.timeZone ?? DEFAULT_CALL_DETAIL_ZONE);
  return {
    spec: catalogSpec('dyvmsapi', 'QueryCallDetailByCallId'),
    handle: async (ctx, params) => {
      const queryDate = checkedQueryDate(params.QueryDate);
      const callId = String(params.CallId).trim();
      const detail = await details.find(ctx.accountId, { callId, prodId: String(params.ProdId), queryDate });
      return { Code: 'OK', Message: 'OK', Data: detail ? JSON.stringify(detail) : null };
    },
  };
}
