/**
 * SmartCall: one call driven turn by turn by the customer's callback server (src/flows/callback; the wire is in
 * docs/smartcall-callback.md). The events go to the account's callback URL, set with SetReceiptConfig
 * MessageType=SmartCallCallback; an account without one is refused before anything is dialed. While the call is
 * live, SmartCallOperate can order a bridge to a call-center agent (SmartCallOperations), which the flow carries out
 * at the next turn. Settings the platform cannot act on are listed in docs/interactive-calls.md.
 */
import { runSmartCall } from '../../../../flows/callback/smart-call-flow.js';
import type { ParallelBridge } from '../../../../flows/callback/smart-call-actions.js';
import { runBridge } from '../../../../flows/bridge-flow.js';
import type { RecordingSession } from '../../../../flows/recording-session.js';
import { SmartCallOperations } from '../../../../flows/smart-call-operations.js';
import type { ActionSpec } from '../../../catalog/types.js';
import type { ActionHandler } from '../../../action.js';
import { GatewayError } from '../../../errors.js';
import { catalogSpec } from '../../catalog-spec.js';
import { checkedCalledNumber, checkedShowNumber, reserveCallee, storedParams, type SingleCallServices } from '../single-call-params.js';
import { SMART_CALL_CALLBACK_TYPE, type InteractiveCallServices } from './interactive-services.js';
import { textOf } from './ivr-call.js';
import { smartCallSettings } from './smart-call-params.js';

/** The command name SmartCallOperate sends to a live SmartCall. */
export const PARALLEL_BRIDGE = 'parallelBridge';

const STORED = [
  'CalledShowNumber', 'VoiceCode', 'VoiceCodeParam', 'RecordFlag', 'Volume', 'Speed', 'AsrModelId', 'AsrBaseId', 'PauseTime', 'MuteTime',
  'ActionCodeBreak', 'ActionCodeTimeBreak', 'DynamicId', 'EarlyMediaAsr', 'SessionTimeout', 'TtsStyle', 'TtsVolume', 'TtsSpeed', 'TtsConf',
  'BackgroundFileCode', 'BackgroundVolume', 'BackgroundSpeed', 'StreamAsr', 'EnableITN',
] as const;

/** The catalog's spec, but PauseTime and MuteTime out of range fall back to their defaults (the doc) instead of failing. */
function smartCallSpec(): ActionSpec {
  const spec = catalogSpec('dyvmsapi', 'SmartCall');
  const lenient = new Set(['PauseTime', 'MuteTime']);
  return {
    ...spec,
    params: spec.params.map((p) => {
      if (!lenient.has(p.name)) return p;
      const { min: _min, max: _max, ...rest } = p;
      return rest;
    }),
  };
}

/** The SmartCall handler: `{Code, Message, CallId}` as documented. */
export function smartCall(s: SingleCallServices, i: InteractiveCallServices): ActionHandler {
  return {
    spec: smartCallSpec(),
    handle: async (ctx, params) => {
      const callee = checkedCalledNumber(params.CalledNumber);
      const settings = await smartCallSettings(params, ctx.accountId, i.voiceFiles);
      const caller = await checkedShowNumber(s, ctx.accountId, params.CalledShowNumber, false);
      const url = await i.callbacks.urlFor(ctx.accountId);
      if (url === undefined) {
        throw new GatewayError(
          'IncorrectStatus',
          400,
          `SmartCall needs the account's callback URL, where the call's events are sent: set it with SetReceiptConfig (MessageType ${SMART_CALL_CALLBACK_TYPE}).`,
        );
      }
      await reserveCallee(s, ctx.accountId, callee);
      const operations = new SmartCallOperations(i.callbacks.hookFor(url));
      const outId = textOf(params.OutId);
      const callId = await i.singleCalls.place({
        accountId: ctx.accountId, kind: 'SmartCall', caller, callee, flowRef: settings.voiceCode, params: storedParams(params, STORED),
        // VoiceCodeParam doubles as the call's variables, so `sim_persona` there picks the simulated callee.
        variables: settings.voiceCodeParam,
        ...(settings.sessionTimeoutMs !== undefined ? { sessionTimeoutMs: settings.sessionTimeoutMs } : {}),
        ...(params.RecordFlag === false ? { record: false } : {}),
        flow: async (session) => {
          const { voiceCode, voiceCodeParam, muteTimeMs, pauseTimeMs, actionCodeBreak, actionCodeTimeBreakMs, dynamicId, tts } = settings;
          try {
            await runSmartCall(session, {
              hook: operations, clock: s.clock, voiceCode, voiceCodeParam, muteTimeMs, pauseTimeMs, identity: callee, parallelBridge: agentBridge(i, operations, session),
              ...(i.timeZone !== undefined ? { timeZone: i.timeZone } : {}),
              ...(actionCodeBreak !== undefined ? { actionCodeBreak } : {}),
              ...(actionCodeTimeBreakMs !== undefined ? { actionCodeTimeBreakMs } : {}),
              ...(dynamicId !== undefined ? { dynamicId } : {}),
              ...(tts !== undefined ? { tts } : {}),
            });
          } finally {
            operations.close();
          }
        },
        commands: { [PARALLEL_BRIDGE]: (param) => operations.orderBridge(param !== undefined ? { agent: param } : {}) },
        ...(outId !== undefined ? { outId } : {}),
      });
      return { Code: 'OK', Message: 'OK', CallId: callId };
    },
  };
}

/**
 * The bridge the flow runs for `parallel_bridge` / `parallel_transfer` (a callback reply, or SmartCallOperate's
 * order): the account's agent side joins and talks with the callee until one hangs up. On a real carrier the agent is
 * a phone: the callee is transferred to the agent's number (cc_name, or SmartCallOperate's Param) and the robot leaves.
 */
function agentBridge(i: InteractiveCallServices, operations: SmartCallOperations, recording: RecordingSession): ParallelBridge {
  return async (session, request) => {
    if (i.bridgeBy === 'transfer') {
      const number = request.settings.ccName ?? '';
      if (!/^\+?\d{3,20}$/.test(number)) {
        throw new Error(`a bridge over the SIP trunk needs the agent's phone number (cc_name, or SmartCallOperate's Param), not "${number}"`);
      }
      recording.tag({ name: 'parallel_bridge', value: number });
      await session.transfer(number);
      return { agent: number };
    }
    const agent = i.bridgeAgent(request.settings.ccName);
    // Tagged now: the flow's own tag comes after the bridge, when the call's record may already be written.
    recording.tag({ name: 'parallel_bridge', value: agent.name });
    // A callback reply played its own action_code before bridging; an order from SmartCallOperate gets the notice.
    await runBridge(session, agent, operations.current === 'bridging' ? {} : { notice: '' });
    return { agent: agent.name };
  };
}
