/** CreateAiCallTask: creates a task; `Data` is the new TaskId (int64). */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { int64Id, okData } from './envelope.js';
import { TASK_EXTENSIONS } from './task-extensions.js';

/** The CreateAiCallTask handler. */
export function createAiCallTask(campaigns: CampaignService): ActionHandler {
  return {
    spec: aiccsSpec('CreateAiCallTask', TASK_EXTENSIONS),
    handle: async (ctx, params) => okData(int64Id((await campaigns.createTask(ctx.accountId, params)).id)),
  };
}
