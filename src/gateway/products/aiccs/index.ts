/**
 * Every implemented action of aiccs 2019-10-15: the 通信智能体 task API over the campaign engine, its agent queries,
 * and the 通信智能引擎 single LLM calls with their dialogs.
 */
import type { RecordingUrls } from '../../../core/recordings/recording-links.js';
import type { AgentRegistry } from '../../../core/agents/agent-registry.js';
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { SpeechCapability } from '../../../core/calls/speech-capability.js';
import type { ActionHandler } from '../../action.js';
import { cancelAiCallDetails } from './cancel-ai-call-details.js';
import { getCallDialogContent, type DialogContentServices } from './get-call-dialog-content.js';
import { hangupOperate } from './hangup-operate.js';
import { listAvailableTts } from './list-available-tts.js';
import { llmSmartCall, llmSmartCallEncrypt, type LlmSmartCallServices } from './llm-smart-call.js';
import { createAiCallTask } from './create-ai-call-task.js';
import { importOneTaskPhoneNumber } from './import-one-task-phone-number.js';
import { importTaskNumberDatas } from './import-task-number-datas.js';
import { pageQueryAgentList } from './page-query-agent-list.js';
import { queryAiCallDetailPage } from './query-ai-call-detail-page.js';
import { queryAiCallTaskDetail } from './query-ai-call-task-detail.js';
import { queryAiCallTaskPage } from './query-ai-call-task-page.js';
import { queryAiVoiceAgentDetail } from './query-ai-voice-agent-detail.js';
import { queryConversationDetailInfoNew } from './query-conversation-detail-info-new.js';
import { queryConversationDetailInfo } from './query-conversation-detail-info.js';
import { startAiCallTask } from './start-ai-call-task.js';
import { stopAiCallTask } from './stop-ai-call-task.js';
import { updateAiCallTask } from './update-ai-call-task.js';

/** The services aiccs' actions need. */
export interface AiccsServices {
  campaigns: CampaignService;
  /** AI voice agents, for PageQueryAgentList and QueryAiVoiceAgentDetail. */
  agents: AgentRegistry;
  /** IANA zone of the 'yyyy-MM-dd HH:mm:ss' times the agent queries return. */
  timeZone: string;
  /** The 通信智能引擎 actions: single LLM calls, their hang-up, voices and dialogs. */
  engine: LlmSmartCallServices & Omit<DialogContentServices, 'timeZone'>;
  /** Links to calls' recordings (RecordingFileDownloadUrl). */
  recordingUrls: RecordingUrls;
  /** Whether callees can be understood: CreateAiCallTask and StartAiCallTask are refused without it. */
  speech: SpeechCapability;
}

/** Handlers of the aiccs product. */
export function aiccsHandlers(services: AiccsServices): ActionHandler[] {
  const builders = [
    updateAiCallTask,
    stopAiCallTask,
    importTaskNumberDatas,
    importOneTaskPhoneNumber,
    cancelAiCallDetails,
    queryAiCallTaskPage,
    queryAiCallTaskDetail,
    queryAiCallDetailPage,
  ];
  const conversations = [queryConversationDetailInfo, queryConversationDetailInfoNew].map((build) => build(services.campaigns, services.recordingUrls));
  const agentQueries = [pageQueryAgentList, queryAiVoiceAgentDetail].map((build) => build(services));
  const { engine } = services;
  const engineActions = [
    llmSmartCall(engine),
    llmSmartCallEncrypt(engine),
    hangupOperate(engine.singleCalls),
    listAvailableTts(engine.voices),
    getCallDialogContent({ ...engine, timeZone: services.timeZone }),
  ];
  const speechDriven = [createAiCallTask(services.campaigns, services.speech), startAiCallTask(services.campaigns, services.speech)];
  return [...speechDriven, ...builders.map((build) => build(services.campaigns)), ...conversations, ...agentQueries, ...engineActions];
}
