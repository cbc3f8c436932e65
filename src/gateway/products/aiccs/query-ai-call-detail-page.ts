/** QueryAiCallDetailPage: a task's details, newest import first, with every documented filter. */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { detailListEntry } from './detail-response.js';
import { okData } from './envelope.js';

/** The QueryAiCallDetailPage handler. */
export function queryAiCallDetailPage(campaigns: CampaignService): ActionHandler {
  return {
    spec: aiccsSpec('QueryAiCallDetailPage'),
    handle: async (ctx, params) => {
      const { page, total, items } = await campaigns.pageDetails(ctx.accountId, params);
      return okData({ PageNo: page.pageNo, PageSize: page.pageSize, Total: total, List: items.map(detailListEntry) });
    },
  };
}
