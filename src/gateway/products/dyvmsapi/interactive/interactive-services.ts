/**
 * What IvrCall, SmartCall, SmartCallOperate and GetCallInfo are built from, beside the single-call services they
 * share with SingleCallByTts (caps, caller numbers, templates): the live single calls, voice files, where each
 * account's SmartCall callback goes, the call-state board and the stored calls.
 */
import type { CallStateReader } from '../../../../dialer/live-calls/call-state-board.js';
import type { SingleCalls } from '../../../../dialer/single-calls/single-calls.js';
import type { AgentLeg } from '../../../../flows/bridge-flow.js';
import type { CampaignStore } from '../../../../ports/campaign-store.js';
import type { ConversationStore } from '../../../../ports/conversation-store.js';
import type { SmartCallHook } from '../../../../ports/smart-call-hook.js';

/**
 * The receipt-setting message type that holds an account's SmartCall callback URL (SetReceiptConfig
 * MessageType=SmartCallCallback). Alibaba sets it in its console; waihu keeps it with the other push URLs.
 */
export { SMART_CALL_CALLBACK_TYPE } from '../../../../core/media/receipt-config.js';

/** A voice file of the account, as the voice-file service returns it (only what calls need). */
export interface VoiceFileRef {
  /** Whether calls playing it may leave CalledShowNumber empty (公共模式); absent means no. */
  publicMode?: boolean;
}

/**
 * The account's voice files: `get` resolves the file, or undefined (or rejects with a NotFound DomainError) when
 * the account has none of that code.
 */
export interface VoiceFileSource {
  get(accountId: string, code: string): Promise<VoiceFileRef | undefined>;
}

/** Where each account's SmartCall events go. */
export interface SmartCallCallbacks {
  /** The account's callback URL, if it set one. */
  urlFor(accountId: string): Promise<string | undefined>;
  /** The hook that POSTs events to `url`. */
  hookFor(url: string): SmartCallHook;
}

/** The services of this area. */
export interface InteractiveCallServices {
  singleCalls: Pick<SingleCalls, 'place' | 'command'>;
  /** Voice files; absent until the voice-file service is wired, and then no voice-file code is known. */
  voiceFiles?: VoiceFileSource;
  callbacks: SmartCallCallbacks;
  /** The agent a bridge reaches: `who` is the cc_name or agent number asked for (the simulated carrier: SimAgent). */
  bridgeAgent(who: string | undefined): AgentLeg;
  /**
   * How a bridge reaches the agent: a simulated agent joins the call (the simulator), or the callee is transferred
   * to the agent's number (a real carrier, where the agent is a phone).
   */
  bridgeBy: 'simulated-agent' | 'transfer';
  /** Phases of the calls this process placed. */
  callStates: CallStateReader;
  /** Calls of every process, by CallId. */
  store: Pick<ConversationStore, 'getSingleCall'> & Pick<CampaignStore, 'getAttemptByCallId'>;
  /** The zone of callback `begin_time` values; Asia/Shanghai when unset. */
  timeZone?: string;
}
