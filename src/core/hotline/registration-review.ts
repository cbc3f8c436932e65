/**
 * The review state machine of a 400 transfer registration. A submission starts PENDING; the platform operator
 * approves it or rejects it with a reason, once. A decided registration is final: to change a rejected one the
 * customer submits a new registration, as on the Alibaba console.
 */
import { DomainError } from '../errors.js';
import type { RegistrationStatus } from './hotline-records.js';

/** What the operator decides. */
export type ReviewDecision = { kind: 'approve' } | { kind: 'reject'; reason: string };

/** Longest rejection reason kept; long enough for a paragraph the customer can act on. */
export const MAX_REJECT_REASON_LENGTH = 500;

/** The state a decision leads to and the reason stored with it. */
export interface ReviewOutcome {
  status: Exclude<RegistrationStatus, 'PENDING'>;
  rejectReason: string | null;
}

/**
 * Applies `decision` to a registration in `current` state. InvalidState when it was already decided, InvalidArgument
 * (naming Reason) when a rejection gives no reason: the customer must learn what to fix.
 */
export function reviewRegistration(id: string, current: RegistrationStatus, decision: ReviewDecision): ReviewOutcome {
  if (current !== 'PENDING') {
    throw new DomainError('InvalidState', `registration ${id} was already ${current.toLowerCase()}; only a pending registration can be reviewed`);
  }
  if (decision.kind === 'approve') return { status: 'APPROVED', rejectReason: null };
  const reason = decision.reason.trim();
  if (reason === '') throw new DomainError('InvalidArgument', 'a rejection needs a reason the customer can act on', 'Reason');
  if (reason.length > MAX_REJECT_REASON_LENGTH) {
    throw new DomainError('InvalidArgument', `must be at most ${MAX_REJECT_REASON_LENGTH} characters; got ${reason.length}`, 'Reason');
  }
  return { status: 'REJECTED', rejectReason: reason };
}
