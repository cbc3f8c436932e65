/**
 * Retry by cause and interval (aiccs MissCallRetry, CallRetryReason, CallRetryTimes, CallRetryInterval).
 *
 * Choices the documentation leaves open:
 * - MissCallRetry on with no CallRetryReason retries the transient causes only: USER_BUSY, NO_ANSWER,
 *   NETWORK_BUSY, POWERED_OFF. Rejected, suspended and invalid numbers are the callee's or the carrier's
 *   answer and are not retried unless asked for.
 * - MissCallRetry on with no CallRetryTimes means one retry; with no CallRetryInterval, 5 minutes.
 * - An INTERRUPTED attempt (dialed, then the dialer crashed before an outcome) is retried whenever retries
 *   are on, whatever the reasons list (its cause is unknown and it is our failure, not the callee's), and it
 *   counts as an attempt: the callee may have been rung, and a crash that repeats on one recipient must not
 *   dial them without end. With retries off it is final.
 * - The retry time ignores call windows and frequency caps: the dialer applies those when the row is due.
 */
import { DomainError } from '../../core/errors.js';
import type { CallResult } from '../../core/calls/call-result.js';

/** The causes CallRetryReason may name. */
export const RETRY_REASONS = [
  'CALL_REJECTED',
  'USER_BUSY',
  'SUSPEND',
  'INVALID_NUMBER',
  'POWERED_OFF',
  'NETWORK_BUSY',
  'NO_ANSWER',
] as const satisfies readonly CallResult[];

/** One CallRetryReason value. */
export type RetryReason = (typeof RETRY_REASONS)[number];

/** Causes retried when retries are on and CallRetryReason is empty or absent. */
export const DEFAULT_RETRY_REASONS: readonly RetryReason[] = Object.freeze(['USER_BUSY', 'NO_ANSWER', 'NETWORK_BUSY', 'POWERED_OFF']);

/** CallRetryTimes ceiling. */
export const MAX_CALL_RETRY_TIMES = 3;
/** CallRetryInterval ceiling in minutes (CreateAiCallTask's documented limit). */
export const MAX_CALL_RETRY_INTERVAL_MINUTES = 720;
/** Retries when MissCallRetry is on and CallRetryTimes is absent. */
export const DEFAULT_CALL_RETRY_TIMES = 1;
/** Minutes between attempts when MissCallRetry is on and CallRetryInterval is absent. */
export const DEFAULT_CALL_RETRY_INTERVAL_MINUTES = 5;

/** A validated retry policy. */
export interface RetryPolicy {
  readonly enabled: boolean;
  readonly reasons: ReadonlySet<CallResult>;
  /** Retries after the first call: 0..3, so at most maxRetries + 1 attempts. */
  readonly maxRetries: number;
  readonly intervalMinutes: number;
}

/** The retry settings as the task API carries them. */
export interface RetrySettings {
  readonly missCallRetry?: boolean;
  readonly callRetryReason?: readonly unknown[];
  readonly callRetryTimes?: number;
  readonly callRetryInterval?: number;
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

function invalid(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', message, param);
}

function wholeNumberIn(param: string, value: number, max: number, unit: string): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw invalid(param, `${param} must be a whole number from 0 to ${max}${unit}, got ${value}`);
  }
  return value;
}

function retryReasons(values: readonly unknown[] | undefined): ReadonlySet<CallResult> {
  if (!values || values.length === 0) return new Set(DEFAULT_RETRY_REASONS);
  values.forEach((value, index) => {
    if (typeof value !== 'string' || !(RETRY_REASONS as readonly string[]).includes(value)) {
      throw invalid('CallRetryReason', `CallRetryReason[${index}] ${JSON.stringify(value)} is not one of ${RETRY_REASONS.join(', ')}`);
    }
  });
  return new Set(values as RetryReason[]);
}

/**
 * Validates the API's retry settings and fills the defaults; throws InvalidArgument naming the parameter
 * (CallRetryTimes over 3, CallRetryInterval over 720 minutes, an unknown reason). Values are checked even
 * when MissCallRetry is off, so bad input is reported when it is given, not when retries are turned on.
 */
export function retryPolicy(settings: RetrySettings): RetryPolicy {
  const maxRetries = wholeNumberIn('CallRetryTimes', settings.callRetryTimes ?? DEFAULT_CALL_RETRY_TIMES, MAX_CALL_RETRY_TIMES, '');
  const intervalMinutes = wholeNumberIn(
    'CallRetryInterval',
    settings.callRetryInterval ?? DEFAULT_CALL_RETRY_INTERVAL_MINUTES,
    MAX_CALL_RETRY_INTERVAL_MINUTES,
    ' minutes',
  );
  const reasons = retryReasons(settings.callRetryReason);
  return Object.freeze({ enabled: settings.missCallRetry === true, reasons, maxRetries, intervalMinutes });
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
