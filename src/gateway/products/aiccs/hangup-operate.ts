/**
 * HangupOperate: ends an LlmSmartCall in progress, at once (ImmediateHangup, the default) or once the prompt playing
 * has finished. Result is false when the call has already ended; a CallId the account did not place is
 * InvalidParameter.CallId. Only calls placed by this waihu process can be reached (docs/conversations.md).
 */
import type { SingleCalls } from '../../../dialer/single-calls/single-calls.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { withDocumentedCallIdError } from './call-id-errors.js';

/** The HangupOperate handler; note the doc's `Mesage` spelling of the message field. */
export function hangupOperate(singleCalls: SingleCalls): ActionHandler {
  return {
    spec: aiccsSpec('HangupOperate'),
    handle: async (ctx, params) => {
      const immediate = params.ImmediateHangup !== false && params.ImmediateHangup !== 'false';
      const result = await withDocumentedCallIdError(() => singleCalls.hangup(ctx.accountId, params.CallId as string, immediate));
      return { Code: 'OK', Mesage: 'OK', Message: 'OK', Result: result };
    },
  };
}
