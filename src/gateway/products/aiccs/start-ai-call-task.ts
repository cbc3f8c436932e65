/** StartAiCallTask: runs a task that is INIT, STOPPED or FAILED; `Data` is true. */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { okData } from './envelope.js';

/** The StartAiCallTask handler. */
export function startAiCallTask(campaigns: CampaignService): ActionHandler {
  return {
    spec: aiccsSpec('StartAiCallTask'),
    handle: async (ctx, params) => {
      await campaigns.startTask(ctx.accountId, params.TaskId);
      return okData(true);
    },
  };
}
