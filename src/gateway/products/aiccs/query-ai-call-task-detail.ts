/** QueryAiCallTaskDetail: one task's settings. */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { okData } from './envelope.js';
import { taskDetailData } from './task-response.js';

/** The QueryAiCallTaskDetail handler. */
export function queryAiCallTaskDetail(campaigns: CampaignService): ActionHandler {
  return {
    spec: aiccsSpec('QueryAiCallTaskDetail'),
    handle: async (ctx, params) => okData(taskDetailData(await campaigns.describeTask(ctx.accountId, params.TaskId))),
  };
}
