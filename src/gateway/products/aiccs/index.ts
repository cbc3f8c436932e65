/** Every implemented action of aiccs 2019-10-15: the 通信智能体 task API over the campaign engine. */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { ActionHandler } from '../../action.js';
import { cancelAiCallDetails } from './cancel-ai-call-details.js';
import { createAiCallTask } from './create-ai-call-task.js';
import { importOneTaskPhoneNumber } from './import-one-task-phone-number.js';
import { importTaskNumberDatas } from './import-task-number-datas.js';
import { queryAiCallDetailPage } from './query-ai-call-detail-page.js';
import { queryAiCallTaskDetail } from './query-ai-call-task-detail.js';
import { queryAiCallTaskPage } from './query-ai-call-task-page.js';
import { queryConversationDetailInfoNew } from './query-conversation-detail-info-new.js';
import { queryConversationDetailInfo } from './query-conversation-detail-info.js';
import { startAiCallTask } from './start-ai-call-task.js';
import { stopAiCallTask } from './stop-ai-call-task.js';
import { updateAiCallTask } from './update-ai-call-task.js';

/** The services aiccs' actions need. */
export interface AiccsServices {
  campaigns: CampaignService;
}

/** Handlers of the aiccs product. */
export function aiccsHandlers(services: AiccsServices): ActionHandler[] {
  const builders = [
    createAiCallTask,
    updateAiCallTask,
    startAiCallTask,
    stopAiCallTask,
    importTaskNumberDatas,
    importOneTaskPhoneNumber,
    cancelAiCallDetails,
    queryAiCallTaskPage,
    queryAiCallTaskDetail,
    queryAiCallDetailPage,
    queryConversationDetailInfo,
    queryConversationDetailInfoNew,
  ];
  return builders.map((build) => build(services.campaigns));
}
