/** UpdateAiCallTask: replaces a stopped (not running, not cancelled) task's settings; `Data` is true. */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { okData } from './envelope.js';
import { TASK_EXTENSIONS } from './task-extensions.js';

/** The UpdateAiCallTask handler. */
export function updateAiCallTask(campaigns: CampaignService): ActionHandler {
  return {
    spec: aiccsSpec('UpdateAiCallTask', TASK_EXTENSIONS),
    handle: async (ctx, params) => {
      await campaigns.updateTask(ctx.accountId, params);
      return okData(true);
    },
  };
}
