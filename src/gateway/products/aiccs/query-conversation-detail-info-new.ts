/** QueryConversationDetailInfoNew: a detail and its call, named by DetailId, CallId or OutId within a task. */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { RecordingUrls } from '../../../core/recordings/recording-links.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { conversationDetailData } from './detail-response.js';
import { okData } from './envelope.js';

/** The QueryConversationDetailInfoNew handler. */
export function queryConversationDetailInfoNew(campaigns: CampaignService, recordingUrls: RecordingUrls): ActionHandler {
  return {
    spec: aiccsSpec('QueryConversationDetailInfoNew'),
    handle: async (ctx, params) => okData(conversationDetailData(await campaigns.lookUpConversation(ctx.accountId, params), recordingUrls)),
  };
}
