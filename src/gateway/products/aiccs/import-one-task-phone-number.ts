/** ImportOneTaskPhoneNumber: one recipient; `Data.DetailId` is its id (int64). */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { int64Id, okData } from './envelope.js';

/** The ImportOneTaskPhoneNumber handler. */
export function importOneTaskPhoneNumber(campaigns: CampaignService): ActionHandler {
  return {
    spec: aiccsSpec('ImportOneTaskPhoneNumber'),
    handle: async (ctx, params) => {
      const detail = await campaigns.importOne(ctx.accountId, params);
      return okData({ DetailId: int64Id(detail.id) });
    },
  };
}
