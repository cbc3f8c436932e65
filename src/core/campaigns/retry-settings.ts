/**
 * MissCallRetry, CallRetryReason, CallRetryTimes, CallRetryInterval. Limits from the doc: at most 3 retries;
 * the interval at most 720 minutes (CreateAiCallTask; UpdateAiCallTask's text says 120 — waihu applies 720 to both
 * so a task created with 600 can be updated without being refused its own value).
 */
import { DomainError } from '../errors.js';
import { readBool, readInt, readList } from './setting-values.js';

/** The CallResult values the doc allows as retry reasons. */
export const RETRY_REASONS = ['CALL_REJECTED', 'USER_BUSY', 'SUSPEND', 'INVALID_NUMBER', 'POWERED_OFF', 'NETWORK_BUSY', 'NO_ANSWER'] as const;

/** One retry reason. */
export type RetryReason = (typeof RETRY_REASONS)[number];

/** When a missed call is tried again. */
export interface RetrySettings {
  enabled: boolean;
  /** Outcomes that earn another attempt. */
  reasons: readonly RetryReason[];
  /** Additional attempts after the first, 0..3. */
  times: number;
  /** Minutes between an attempt's end and the next attempt, 1..720. */
  intervalMinutes: number;
}

/** Retry limits and the defaults waihu uses where the doc gives none. */
export const RETRY_LIMITS = Object.freeze({ maxTimes: 3, maxIntervalMinutes: 720, defaultTimes: 1, defaultIntervalMinutes: 5 });

/** The retry parameters as they arrive from CreateAiCallTask/UpdateAiCallTask. */
export interface RetryInput {
  MissCallRetry?: unknown;
  CallRetryReason?: unknown;
  CallRetryTimes?: unknown;
  CallRetryInterval?: unknown;
}

function parseReasons(value: unknown, fallback: readonly RetryReason[]): RetryReason[] {
  const list = readList(value, 'CallRetryReason', [...fallback]) ?? [];
  const reasons = new Set<RetryReason>();
  for (const item of list) {
    const reason = typeof item === 'string' ? item.trim().toUpperCase() : '';
    if (!(RETRY_REASONS as readonly string[]).includes(reason)) {
      throw new DomainError('InvalidArgument', `CallRetryReason "${String(item)}" is not one of ${RETRY_REASONS.join(', ')}`, 'CallRetryReason');
    }
    reasons.add(reason as RetryReason);
  }
  return RETRY_REASONS.filter((r) => reasons.has(r));
}

/**
 * Reasons retried when CallRetryReason is left out: the transient ones. Rejected, suspended and invalid numbers are
 * the callee's or the carrier's answer (same choice as src/dialer/policies/retry.ts).
 */
export const DEFAULT_RETRY_REASONS: readonly RetryReason[] = Object.freeze(['USER_BUSY', 'NO_ANSWER', 'NETWORK_BUSY', 'POWERED_OFF']);

/** Retries when none are configured: off (MissCallRetry's documented default), one retry after 5 minutes. */
export const DEFAULT_RETRY: RetrySettings = Object.freeze({
  enabled: false,
  reasons: DEFAULT_RETRY_REASONS,
  times: RETRY_LIMITS.defaultTimes,
  intervalMinutes: RETRY_LIMITS.defaultIntervalMinutes,
});

/** Validates the retry parameters; each one left out keeps its value in `current`. */
export function parseRetrySettings(input: RetryInput, current: RetrySettings = DEFAULT_RETRY): RetrySettings {
  return {
    enabled: readBool(input.MissCallRetry, 'MissCallRetry', current.enabled),
    reasons: parseReasons(input.CallRetryReason, current.reasons),
    times: readInt(input.CallRetryTimes, 'CallRetryTimes', { min: 0, max: RETRY_LIMITS.maxTimes }, current.times),
    intervalMinutes: readInt(input.CallRetryInterval, 'CallRetryInterval', { min: 1, max: RETRY_LIMITS.maxIntervalMinutes }, current.intervalMinutes),
  };
}
