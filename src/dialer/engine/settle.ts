/** Pure mapping from what the carrier reported to how an attempt is recorded and its recipient settled. */
import type { AttemptOutcome } from '../../core/campaigns/campaign-records.js';
import type { DetailSettlement } from '../../core/campaigns/detail-state.js';
import type { CallOutcome } from '../../ports/telephony.js';
import { nextRetryAt, type RetryPolicy } from '../policies/index.js';

/** The attempt's outcome row from the carrier's report. */
export function attemptOutcome(outcome: CallOutcome): AttemptOutcome {
  return {
    callResult: outcome.result,
    statusCode: outcome.statusCode,
    ringAt: outcome.ringAt ?? null,
    answerAt: outcome.answerAt ?? null,
    releaseAt: outcome.endAt,
    durationSeconds: Math.round(outcome.durationMs / 1000),
    failedReason: outcome.failureReason ?? null,
    // aiccs knows user (0) and robot (1); a platform cut (timeout, cancel) counts as the robot's side.
    hangupDirection: outcome.hangupBy === 'callee' ? 'user' : 'robot',
    endedAt: outcome.endAt,
  };
}

/** Where the recipient goes after an attempt: a retry when the policy grants one, else ended (4). */
export function settlement(attemptNumber: number, result: AttemptOutcome['callResult'] | 'INTERRUPTED', endedAt: number, policy: RetryPolicy): DetailSettlement {
  const retryAt = result === null ? null : nextRetryAt({ attemptNumber, result, endedAt }, policy);
  if (retryAt !== null) return { state: 2, dueAt: retryAt };
  // Interrupted with no retry left: the call may or may not have happened, so the recipient failed (5).
  return result === 'INTERRUPTED' || result === null ? { state: 5 } : { state: 4 };
}
