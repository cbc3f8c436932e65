/**
 * SmartCallOperate: `parallelBridge` bridges the callee of a live SmartCall to a call-center agent; Param, when
 * given, names the agent (a cc_name or an agent number). The command is the only one the doc lists, and the catalog's
 * enum refuses any other Command with InvalidParameter before this runs. The bridge happens at the call's next turn
 * (src/flows/smart-call-operations.ts), so `Status: true` means the live call took the order.
 *
 * Refusals: a CallId the account never placed is InvalidCallId.NotFound (404); a call that exists but cannot take
 * the order — not a SmartCall, already ended, already bridging, or live in another waihu process — is
 * IncorrectStatus (400), its message saying which. Live calls are known to the process that placed them, as for
 * HangupOperate.
 */
import { DomainError } from '../../../../core/errors.js';
import type { CommandOutcome } from '../../../../dialer/single-calls/single-calls.js';
import type { ActionHandler } from '../../../action.js';
import { GatewayError, gatewayErrors } from '../../../errors.js';
import { catalogSpec } from '../../catalog-spec.js';
import type { InteractiveCallServices } from './interactive-services.js';
import { textOf } from './ivr-call.js';
import { PARALLEL_BRIDGE } from './smart-call.js';

/** Longest Param taken, in characters: an agent name or number. */
export const MAX_PARAM_LENGTH = 64;

/** The SmartCallOperate handler: `{Code, Message, Status}`. */
export function smartCallOperate(i: InteractiveCallServices): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'SmartCallOperate'),
    handle: async (ctx, params) => {
      const callId = String(params.CallId).trim();
      const param = textOf(params.Param);
      if (param !== undefined && [...param].length > MAX_PARAM_LENGTH) {
        throw gatewayErrors.invalidParameter('Param', `is longer than ${MAX_PARAM_LENGTH} characters; give the agent's name or number`);
      }
      const outcome = await commandOrCampaign(i, ctx.accountId, callId, param);
      if (!outcome.done) throw refusal(callId, outcome);
      return { Code: 'OK', Message: 'OK', Status: true };
    },
  };
}

/** Sends the command; a CallId of a campaign call is known too, and cannot take it. */
async function commandOrCampaign(i: InteractiveCallServices, accountId: string, callId: string, param: string | undefined): Promise<CommandOutcome> {
  try {
    return await i.singleCalls.command(accountId, callId, PARALLEL_BRIDGE, param);
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'NotFound')) throw error;
    if (await i.store.getAttemptByCallId(accountId, callId)) return { done: false, why: 'unsupported', kind: 'a campaign task' };
    throw error;
  }
}

function refusal(callId: string, outcome: Exclude<CommandOutcome, { done: true }>): GatewayError {
  const why = {
    unsupported: `was placed by ${outcome.kind}; SmartCallOperate only acts on calls placed by SmartCall`,
    ended: 'has ended; SmartCallOperate only acts on a SmartCall in progress',
    'not-live': 'is not in progress in this waihu process (live calls are reached through the process that placed them)',
    refused: 'is already being bridged to an agent, or its dialog is over',
  }[outcome.why];
  return new GatewayError('IncorrectStatus', 400, `The call "${callId}" ${why}.`);
}
