/**
 * The calling half of a waihu process, wired once and shared by the campaign dialer and the single-call actions: the
 * configured carrier (telephony-provider.ts: the simulated one or a SIP trunk), the chat model when one is configured,
 * the conversation planner, and the single-call service.
 */
import type { Logger } from 'pino';
import { envName, type Config } from '../config/config.js';
import type { AgentProfile } from '../core/agents/agent-profile.js';
import { CallRecords } from '../core/calls/call-records.js';
import { speechCapabilityOf, type SpeechCapability } from '../core/calls/speech-capability.js';
import type { IdGenerator } from '../core/ids.js';
import { CallStateBoard } from '../dialer/live-calls/call-state-board.js';
import { SingleCalls } from '../dialer/single-calls/single-calls.js';
import { FlowPlanner } from '../flows/flow-planner.js';
import type { TaskFlowPlanner } from '../flows/task-flows/task-flows.js';
import type { Clock } from '../ports/clock.js';
import type { Llm } from '../ports/llm.js';
import type { SpeechSynthesizer } from '../ports/speech.js';
import type { Store } from '../ports/store.js';
import type { Telephony } from '../ports/telephony.js';
import type { VoiceCatalog } from '../ports/tts.js';
import { createLlm } from '../providers/llm/create-llm.js';
import { createTelephonyProvider, type CarrierMedia } from './telephony-provider.js';

/** Where agents' profiles come from (the agent registry). */
export interface ProfileLookups {
  agent(accountId: string, agentId: string): Promise<AgentProfile>;
  application(accountId: string, code: string): Promise<AgentProfile>;
}

/** What the calling half is built from. */
export interface CallServicesDeps {
  config: Config;
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  profiles: ProfileLookups;
  /** The flows of dyvms CallTasks and robot tasks. */
  taskFlows?: TaskFlowPlanner;
  /** What a carrier with audio needs of the platform: where recordings go, and voice files' samples to play. */
  media?: CarrierMedia;
}

/** The wired calling services. */
export interface CallServices {
  telephony: Telephony;
  llm: Llm | undefined;
  planner: FlowPlanner;
  singleCalls: SingleCalls;
  /** Where each call this process placed stands (GetCallInfo); every dial of `telephony` is noted on it. */
  callStates: CallStateBoard;
  calls: CallRecords;
  voices: VoiceCatalog;
  /** Speaks text in `voices` for previews (PreviewTts); the carrier's synthesizer, espeak-ng on the simulator. */
  synthesizer: SpeechSynthesizer;
  /** Whether callees can be understood (the simulator, or SIP with a recognition endpoint); asked by the actions. */
  speech: SpeechCapability;
  /** Waits up to `graceMs` for single calls and the carrier's calls in progress, then closes the carrier. */
  close(graceMs: number): Promise<void>;
}

/** Wires the calling half; see the module comment. */
export function createCallServices(deps: CallServicesDeps): CallServices {
  const { config, store, clock, ids, logger } = deps;
  const llm = createLlm(config);
  const carrier = createTelephonyProvider(config, { store, clock, logger, ...(llm ? { llm } : {}), ...(deps.media ? { media: deps.media } : {}) });
  logger.info({ telephony: config.telephony }, `calls go out through ${carrier.description}`);
  const speech = speechCapabilityOf({
    carrier: config.telephony, recognizerConfigured: config.asrBaseUrl !== undefined, recognizerSetting: envName('asrBaseUrl'),
  });
  if (!speech.recognition) logger.warn(`no speech recognition (${envName('asrBaseUrl')} is not set): speech-driven flows are refused, see docs/speech.md`);
  // Binding the SIP socket now puts a taken port in the start log rather than first in a failed dial.
  void carrier.start().catch((err: unknown) => logger.error({ err }, `${config.telephony} carrier failed to start`));
  const callStates = new CallStateBoard(clock);
  const telephony = callStates.track(carrier.telephony);
  const planner = new FlowPlanner({
    profiles: deps.profiles, clock, ...(llm ? { llm } : {}), ...(deps.taskFlows ? { taskFlows: deps.taskFlows } : {}),
    onWarning: (message, context) => logger.warn(context, message),
  });
  logger.info({ engine: planner.engine, llm: llm?.description }, llm ? `agents talk through ${llm.description}` : 'no LLM configured: agents run on the script engine');
  const singleCalls = new SingleCalls({
    store, telephony, clock, ids, onError: (err, context) => logger.error({ err, context }, 'single call error'), onTerminating: (callId) => callStates.terminating(callId),
  });
  return {
    telephony, llm, planner, singleCalls, callStates, calls: new CallRecords(store), voices: carrier.voices, synthesizer: carrier.synthesizer, speech,
    close: async (graceMs) => {
      let timer: NodeJS.Timeout | undefined;
      const drained = Promise.all([singleCalls.drain(), carrier.drain()]);
      await Promise.race([drained, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      await carrier.close();
    },
  };
}
