/**
 * Retry by cause and interval: when a recipient whose attempt ended is called again. The settings come parsed,
 * validated and defaulted from core (core/campaigns/retry-settings.ts); this module decides what they mean for
 * one ended attempt.
 *
 * Choices the documentation leaves open:
 * - An INTERRUPTED attempt (dialed, then the dialer crashed before an outcome) is retried whenever retries
 *   are on, whatever the reasons list (its cause is unknown and it is our failure, not the callee's), and it
 *   counts as an attempt: the callee may have been rung, and a crash that repeats on one recipient must not
 *   dial them without end. With retries off it is final.
 * - ANSWERED is never retried, whatever the policy lists.
 * - The retry time ignores call windows and frequency caps: the dialer applies those when the row is due.
 */
import type { CallResult } from '../../core/calls/call-result.js';
import type { RetrySettings } from '../../core/campaigns/retry-settings.js';

/** A retry policy ready for nextRetryAt. */
export interface RetryPolicy {
  readonly enabled: boolean;
  readonly reasons: ReadonlySet<CallResult>;
  /** Retries after the first call, so at most maxRetries + 1 attempts. */
  readonly maxRetries: number;
  readonly intervalMinutes: number;
}

/** How an attempt ended. */
export interface EndedAttempt {
  /** 1 for the first call, 2 for the first retry, ... */
  readonly attemptNumber: number;
  /** The outcome, or INTERRUPTED for an attempt closed after a crash without an outcome. */
  readonly result: CallResult | 'INTERRUPTED';
  /** When the attempt ended (epoch ms). */
  readonly endedAt: number;
}

/** The policy of a task's parsed retry settings (core's parseRetrySettings has validated and defaulted them). */
export function retryPolicy(settings: RetrySettings): RetryPolicy {
  return Object.freeze({
    enabled: settings.enabled,
    reasons: new Set<CallResult>(settings.reasons),
    maxRetries: settings.times,
    intervalMinutes: settings.intervalMinutes,
  });
}

/** When the next attempt is due (epoch ms), or null when this recipient gets no more attempts. */
export function nextRetryAt(attempt: EndedAttempt, policy: RetryPolicy): number | null {
  if (!Number.isInteger(attempt.attemptNumber) || attempt.attemptNumber < 1) {
    throw new RangeError(`attemptNumber must be a whole number from 1, got ${attempt.attemptNumber}`);
  }
  if (attempt.result === 'ANSWERED' || !policy.enabled) return null;
  if (attempt.attemptNumber > policy.maxRetries) return null;
  if (attempt.result !== 'INTERRUPTED' && !policy.reasons.has(attempt.result)) return null;
  return attempt.endedAt + policy.intervalMinutes * 60_000;
}
