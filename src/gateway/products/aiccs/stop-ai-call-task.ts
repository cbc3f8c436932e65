/** StopAiCallTask: stops a running task (calls in progress finish, nothing new starts); `Data` is true. */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { okData } from './envelope.js';

/** The StopAiCallTask handler. */
export function stopAiCallTask(campaigns: CampaignService): ActionHandler {
  return {
    spec: aiccsSpec('StopAiCallTask'),
    handle: async (ctx, params) => {
      await campaigns.stopTask(ctx.accountId, params.TaskId);
      return okData(true);
    },
  };
}
