/** ImportTaskNumberDatas: up to 1000 JSON rows as one batch; `Data` is the BatchId (int64). */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { int64Id, okData } from './envelope.js';

/** The ImportTaskNumberDatas handler. */
export function importTaskNumberDatas(campaigns: CampaignService): ActionHandler {
  return {
    spec: aiccsSpec('ImportTaskNumberDatas'),
    handle: async (ctx, params) => {
      const { batchId } = await campaigns.importNumbers(ctx.accountId, params);
      return okData(int64Id(batchId));
    },
  };
}
