/** QueryAiCallTaskPage: the account's tasks, newest first, with their counters. */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { okData } from './envelope.js';
import { taskListEntry } from './task-response.js';

/** The QueryAiCallTaskPage handler. */
export function queryAiCallTaskPage(campaigns: CampaignService): ActionHandler {
  return {
    spec: aiccsSpec('QueryAiCallTaskPage'),
    handle: async (ctx, params) => {
      const { page, total, items } = await campaigns.pageTasks(ctx.accountId, params);
      return okData({ PageNo: page.pageNo, PageSize: page.pageSize, Total: total, List: items.map(taskListEntry) });
    },
  };
}
