/** QueryConversationDetailInfo: one detail's latest call, named by TaskId, DetailId and BatchId. */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { RecordingUrls } from '../../../core/recordings/recording-links.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { conversationData } from './detail-response.js';
import { okData } from './envelope.js';

/** The QueryConversationDetailInfo handler. */
export function queryConversationDetailInfo(campaigns: CampaignService, recordingUrls: RecordingUrls): ActionHandler {
  return {
    spec: aiccsSpec('QueryConversationDetailInfo'),
    handle: async (ctx, params) => okData(conversationData(await campaigns.findConversation(ctx.accountId, params), recordingUrls)),
  };
}
