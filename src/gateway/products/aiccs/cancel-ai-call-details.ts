/**
 * CancelAiCallDetails: cancels recipients not yet queued or calling; `Data` counts them and gives, per detail id
 * (or per number when PhoneNumbers were given), why the others were not cancelled.
 */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { CancelFailure, CancelOutcome } from '../../../ports/campaign-store.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { okData } from './envelope.js';

/** FailedDetails' reasons, in the doc's words ("明细记录当前状态不可取消"). */
export const CANCEL_FAILURE_TEXT: Readonly<Record<CancelFailure, string>> = Object.freeze({
  'not-cancellable': '明细记录当前状态不可取消',
  'not-found': '明细记录不存在',
});

/** ResultCode: ALL_SUCCEED, ALL_FAILED or PART_FAILED. */
function resultCode(outcome: CancelOutcome): string {
  if (outcome.cancelled.length === outcome.total) return 'ALL_SUCCEED';
  return outcome.cancelled.length === 0 ? 'ALL_FAILED' : 'PART_FAILED';
}

/** `Data` of CancelAiCallDetails. */
export function cancelData(outcome: CancelOutcome): Record<string, unknown> {
  const failed = Object.entries(outcome.failed);
  return {
    TotalCount: outcome.total,
    SucceedCount: outcome.cancelled.length,
    FailedCount: failed.length,
    FailedDetails: Object.fromEntries(failed.map(([key, why]) => [key, CANCEL_FAILURE_TEXT[why]])),
    ResultCode: resultCode(outcome),
  };
}

/** The CancelAiCallDetails handler. */
export function cancelAiCallDetails(campaigns: CampaignService): ActionHandler {
  return {
    spec: aiccsSpec('CancelAiCallDetails'),
    handle: async (ctx, params) => okData(cancelData(await campaigns.cancelDetails(ctx.accountId, params))),
  };
}
