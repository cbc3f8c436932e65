/** Every implemented action of the waihu product. */
import type { RecordingUrls } from '../../../core/recordings/recording-links.js';
import type { AccessKeyService } from '../../../core/accounts/access-keys.js';
import type { AgentRegistry } from '../../../core/agents/agent-registry.js';
import type { VoiceResources } from '../../../core/media/voice-resources.js';
import type { ActionHandler } from '../../action.js';
import { accessKeyActions } from './access-keys.js';
import { voiceAgentActions } from './agents.js';
import { getCallerIdentity } from './get-caller-identity.js';
import { llmApplicationActions } from './llm-applications.js';
import { numberListActions, type NumberListServices } from './number-lists.js';
import { robotActions } from './robots.js';
import { simulatorModelActions, type SimulatorModelServices } from './simulator-model.js';
import { voiceResourceActions } from './voice-resources.js';
import { voiceFileActions } from './voice-files.js';
import { hotlineActions } from './hotline.js';
import type { HotlineServices } from '../../../core/hotline/hotline-services.js';
import type { ReceiptService } from '../../../core/receipts/receipt-service.js';
import { receiptActions } from './receipts.js';
import type { CallStatistics } from '../../../core/calls/call-statistics.js';
import { callStatisticsActions } from './call-statistics.js';
import type { SpeechSynthesizer } from '../../../ports/speech.js';
import { ttsPreviewAction } from './tts-preview.js';
import type { AgentTestCalls } from '../../../core/agents/test-calls.js';
import { agentTestCallActions } from './agent-test-calls.js';
import { forecastAction, type ForecastRunner } from './forecast.js';
import { consoleUserActions } from './console-users.js';
import type { ConsoleUsers } from '../../../core/accounts/console-users.js';

/** The services waihu's actions need. */
export interface WaihuServices {
  accessKeys: AccessKeyService;
  numberLists: NumberListServices;
  simulatorModels: SimulatorModelServices;
  /** RunForecast's simulation, run off the event loop. */
  runForecast: ForecastRunner;
  /** AI voice agents, LLM applications and robots. */
  agents: AgentRegistry;
  /** TTS templates, caller numbers and receipt settings. */
  voiceResources: VoiceResources;
  /** The 400-number registry (qualifications, registration review). */
  hotline: HotlineServices;
  /** Receipt pull, delivery log, re-push and signing secret; bodies show times in `timeZone`. */
  receipts: ReceiptService;
  timeZone: string;
  /** Links delivered in recording receipts. */
  recordingUrls: RecordingUrls;
  /** Speaks PreviewTts's text in the voices ListAvailableTts lists. */
  speechPreview: SpeechSynthesizer;
  /** Calls in progress and ended calls per time bucket (the console's Overview). */
  callStatistics: CallStatistics;
  /** Text test calls of agents, applications and robots (the console's Agents page). */
  agentTestCalls: AgentTestCalls;
  /** The console's users of the caller account. */
  consoleUsers: ConsoleUsers;
}

/** Handlers of the waihu product. */
export function waihuHandlers(services: WaihuServices): ActionHandler[] {
  return [
    getCallerIdentity(),
    ...accessKeyActions(services.accessKeys),
    ...numberListActions(services.numberLists),
    ...simulatorModelActions(services.simulatorModels),
    ...voiceAgentActions(services.agents),
    ...llmApplicationActions(services.agents),
    ...robotActions(services.agents),
    ...voiceResourceActions(services.voiceResources),
    ...voiceFileActions(services.voiceResources.voiceFiles),
    ttsPreviewAction(services.speechPreview),
    ...hotlineActions(services.hotline, (id) => services.accessKeys.isOperator(id)),
    ...receiptActions(services.receipts, services.timeZone, services.recordingUrls),
    ...callStatisticsActions(services.callStatistics),
    ...agentTestCallActions(services.agentTestCalls),
    forecastAction(services.simulatorModels, services.timeZone, services.runForecast),
    ...consoleUserActions(services.consoleUsers),
  ];
}
