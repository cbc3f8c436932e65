/**
 * Wires dyvms' interactive calls (IvrCall, SmartCall, SmartCallOperate, GetCallInfo): SmartCall events POSTed by the
 * HTTP hook to the URL each account stored (SetReceiptConfig MessageType=SmartCallCallback), bridges answered by the
 * simulated agent on the simulator and by transfer to the agent's number on a SIP trunk, call phases from the carrier's
 * call-state board.
 */
import type { VoiceFileSource, InteractiveCallServices } from '../gateway/products/dyvmsapi/interactive/interactive-services.js';
import { SMART_CALL_CALLBACK_TYPE } from '../core/media/receipt-config.js';
import type { ReceiptConfigService } from '../core/media/receipt-configs.js';
import { systemClock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import { HttpSmartCallHook } from '../providers/hooks/http-smart-call-hook.js';
import { SimAgent } from '../providers/telephony/sim/sim-agent.js';
import type { CallServices } from './call-services.js';

/** What the interactive calls are built from. */
export interface InteractiveCallDeps {
  calls: Pick<CallServices, 'singleCalls' | 'callStates'>;
  store: Store;
  voiceFiles: VoiceFileSource;
  /** The receipt settings, where the SmartCall callback URL is kept. */
  receiptConfigs: Pick<ReceiptConfigService, 'urlFor'>;
  timeZone?: string;
  /** The configured carrier: bridges on SIP go to a real agent's phone. */
  carrier: 'sim' | 'sip';
}

/** The services of dyvms' interactive call actions. */
export function createInteractiveCallServices(deps: InteractiveCallDeps): InteractiveCallServices {
  return {
    singleCalls: deps.calls.singleCalls,
    voiceFiles: deps.voiceFiles,
    // The customer's server answers in real time, so the hook's deadline runs on the system clock whatever the engine's.
    callbacks: { urlFor: (accountId) => deps.receiptConfigs.urlFor(accountId, SMART_CALL_CALLBACK_TYPE), hookFor: (url) => new HttpSmartCallHook({ url, clock: systemClock }) },
    bridgeAgent: (who) => new SimAgent(who),
    bridgeBy: deps.carrier === 'sip' ? 'transfer' : 'simulated-agent',
    callStates: deps.calls.callStates,
    store: deps.store,
    ...(deps.timeZone !== undefined ? { timeZone: deps.timeZone } : {}),
  };
}
