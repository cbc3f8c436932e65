/**
 * The calling half of a waihu process, wired once and shared by the campaign dialer and the single-call actions: the
 * configured carrier (the simulated one, with its ledger and per-account models), the chat model when one is
 * configured, the conversation planner, and the single-call service.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { AgentProfile } from '../core/agents/agent-profile.js';
import { CallRecords } from '../core/calls/call-records.js';
import type { IdGenerator } from '../core/ids.js';
import { CallStateBoard } from '../dialer/live-calls/call-state-board.js';
import { SingleCalls } from '../dialer/single-calls/single-calls.js';
import { FlowPlanner } from '../flows/flow-planner.js';
import type { TaskFlowPlanner } from '../flows/task-flows/task-flows.js';
import type { Clock } from '../ports/clock.js';
import type { Llm } from '../ports/llm.js';
import type { Store } from '../ports/store.js';
import type { Telephony } from '../ports/telephony.js';
import type { VoiceCatalog } from '../ports/tts.js';
import { createLlm } from '../providers/llm/create-llm.js';
import { PersonaCatalog } from '../providers/telephony/sim/personas/persona-catalog.js';
import { SIM_LEDGER_FILE, SimLedger } from '../providers/telephony/sim/sim-ledger.js';
import { SimTelephony } from '../providers/telephony/sim/sim-telephony.js';
import { StoredSimModels } from '../providers/telephony/sim/stored-sim-models.js';
import { simVoices } from '../providers/tts/sim-voices.js';

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
  /** Waits up to `graceMs` for single calls in progress, then closes the carrier's ledger. */
  close(graceMs: number): Promise<void>;
}

/** Wires the calling half; see the module comment. */
export function createCallServices(deps: CallServicesDeps): CallServices {
  const { config, store, clock, ids, logger } = deps;
  const llm = createLlm(config);
  const ledger = new SimLedger(path.join(config.dataDir, SIM_LEDGER_FILE));
  // Each account's model as set through SetSimulatorModel, re-read at most every few seconds (SIM_MODEL_CACHE_MS).
  const models = new StoredSimModels(store, clock);
  // Simulated callees answer as personas chosen per number; the chat model plays them when one is configured.
  const personas = new PersonaCatalog({ seed: config.simSeed, ...(llm ? { llm } : {}) });
  const callStates = new CallStateBoard(clock);
  const telephony = callStates.track(new SimTelephony({ clock, ledger, models, timeScale: config.simTimeScale, seed: config.simSeed, callees: personas.calleeFor }));
  const planner = new FlowPlanner({
    profiles: deps.profiles, clock, ...(llm ? { llm } : {}), ...(deps.taskFlows ? { taskFlows: deps.taskFlows } : {}),
    onWarning: (message, context) => logger.warn(context, message),
  });
  logger.info({ engine: planner.engine, llm: llm?.description }, llm ? `agents talk through ${llm.description}` : 'no LLM configured: agents run on the script engine');
  const singleCalls = new SingleCalls({
    store, telephony, clock, ids, onError: (err, context) => logger.error({ err, context }, 'single call error'), onTerminating: (callId) => callStates.terminating(callId),
  });
  return {
    telephony, llm, planner, singleCalls, callStates, calls: new CallRecords(store), voices: simVoices,
    close: async (graceMs) => {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([singleCalls.drain(), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      ledger.close();
    },
  };
}
