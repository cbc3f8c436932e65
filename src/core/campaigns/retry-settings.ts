/**
 * MissCallRetry, CallRetryReason, CallRetryTimes, CallRetryInterval, the only parser of them; the dialer's retry
 * policy is built from the RetrySettings made here.
 *
 * Limits from the doc: at most 3 retries; the interval at most 720 minutes (CreateAiCallTask; UpdateAiCallTask's
 * text says 120 — waihu applies 720 to both so a task created with 600 can be updated without being refused its own
 * value). Choices the doc leaves open:
 * - Without CallRetryReason (absent or an empty list) the transient causes are retried: USER_BUSY, NO_ANSWER,
 *   NETWORK_BUSY, POWERED_OFF. Rejected, suspended and invalid numbers are the callee's or the carrier's answer and
 *   are retried only when asked for. Reasons are case-insensitive.
 * - Without CallRetryTimes one retry; without CallRetryInterval 5 minutes; the interval is at least 1 minute, so a
 *   busy callee is never redialled at once.
 * - Every value is checked even when MissCallRetry is off, so bad input is reported when it is given, not when
 *   retries are turned on.
 */
import type { CallResult } from '../calls/call-result.js';
import { DomainError } from '../errors.js';
import { readBool, readInt, readList } from './setting-values.js';

/** The CallResult values the doc allows as retry reasons. */
export const RETRY_REASONS = [
  'CALL_REJECTED',
  'USER_BUSY',
  'SUSPEND',
  'INVALID_NUMBER',
  'POWERED_OFF',
  'NETWORK_BUSY',
  'NO_ANSWER',
] as const satisfies readonly CallResult[];

/** One retry reason. */
export type RetryReason = (typeof RETRY_REASONS)[number];

/** When a missed call is tried again. */
export interface RetrySettings {
  enabled: boolean;
  /**
   * Outcomes that earn another attempt. aiccs tasks name RETRY_REASONS only; dyvms robot tasks map their
   * RecallStateCodes onto a few more results (robot-task-settings.ts), so the engine takes any call result.
   */
  reasons: readonly CallResult[];
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

/** One CallRetryReason item (`index` names it in errors). */
function parseReason(item: unknown, index: number): RetryReason {
  const reason = typeof item === 'string' ? item.trim().toUpperCase() : '';
  if (!(RETRY_REASONS as readonly string[]).includes(reason)) {
    const message = `CallRetryReason[${index}] ${JSON.stringify(item) ?? String(item)} is not one of ${RETRY_REASONS.join(', ')}`;
    throw new DomainError('InvalidArgument', message, 'CallRetryReason');
  }
  return reason as RetryReason;
}

/** The reasons listed, duplicates dropped, in documented order; an absent or empty list keeps `fallback`. */
function parseReasons(value: unknown, fallback: readonly CallResult[]): CallResult[] {
  const list = readList(value, 'CallRetryReason', undefined);
  if (list === undefined || list.length === 0) return [...fallback];
  const given = list.map((item: unknown, index) => parseReason(item, index));
  return RETRY_REASONS.filter((r) => given.includes(r));
}

/** Reasons retried when CallRetryReason is left out or empty: the transient ones. */
export const DEFAULT_RETRY_REASONS: readonly RetryReason[] = Object.freeze(['USER_BUSY', 'POWERED_OFF', 'NETWORK_BUSY', 'NO_ANSWER']);

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
