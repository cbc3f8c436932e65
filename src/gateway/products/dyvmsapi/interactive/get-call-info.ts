/**
 * GetCallInfo: the channel and state of a call, in the doc's RTC call states Idle / Calling / Talking / Terminating.
 * The doc asks by RtcId, an RTC account from AddRtcAccount; waihu places no RTC (in-app) calls, so an RTC account id
 * (10 digits starting with 2) is always Idle, with an empty ChannelId. RtcId also takes the CallId of any call the
 * account placed — single calls, IvrCall, SmartCall, campaign calls — and then reports that call (ChannelId = the
 * CallId): Calling while it is dialed and rings, Talking once answered, Terminating while it finishes the prompt
 * after a HangupOperate without ImmediateHangup, Idle once released. The live phase comes from this process's
 * call-state board; a call the board does not know is read from the store: ended is Idle, otherwise Calling (not yet
 * dialed, or placed by another waihu process). A CallId the account never placed is InvalidRtcId.NotFound (404).
 */
import type { CallPhase } from '../../../../dialer/live-calls/call-state-board.js';
import type { ActionHandler } from '../../../action.js';
import { GatewayError, gatewayErrors } from '../../../errors.js';
import { catalogSpec } from '../../catalog-spec.js';
import type { InteractiveCallServices } from './interactive-services.js';

/** The doc's success message of the RTC actions. */
const RTC_OK = '请求成功';

const RTC_ACCOUNT_ID = /^2\d{9}$/;
const CALL_ID = /^\d+\^\d+$/;

/** The GetCallInfo handler: `{Code, Message, Data: {ChannelId, Status}}`. */
export function getCallInfo(i: InteractiveCallServices): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'GetCallInfo'),
    handle: async (ctx, params) => {
      const id = String(params.RtcId).trim();
      if (RTC_ACCOUNT_ID.test(id)) return { Code: 'OK', Message: RTC_OK, Data: { ChannelId: '', Status: 'Idle' } };
      if (!CALL_ID.test(id)) {
        throw gatewayErrors.invalidParameter('RtcId', `"${id}" is neither an RTC account id (AddRtcAccount: 10 digits starting with 2) nor a CallId (digits^digits)`);
      }
      const status = i.callStates.phaseOf(ctx.accountId, id) ?? (await storedPhase(i, ctx.accountId, id));
      if (status === undefined) throw new GatewayError('InvalidRtcId.NotFound', 404, `The specified RtcId "${id}" names no call of this account.`);
      return { Code: 'OK', Message: RTC_OK, Data: { ChannelId: id, Status: status } };
    },
  };
}

/** The phase of a call the board does not know, from the store; undefined when the account has no such call. */
async function storedPhase(i: InteractiveCallServices, accountId: string, callId: string): Promise<CallPhase | undefined> {
  const single = await i.store.getSingleCall(accountId, callId);
  if (single) return single.endedAt !== undefined ? 'Idle' : 'Calling';
  const attempt = await i.store.getAttemptByCallId(accountId, callId);
  if (!attempt) return undefined;
  return attempt.endedAt !== null || attempt.interruptedAt !== null ? 'Idle' : 'Calling';
}
