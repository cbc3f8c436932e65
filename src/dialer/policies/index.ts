/**
 * The dialer's pure policies: call windows, CPS pacing, retries, concurrency and per-callee caps. They take the
 * task settings core has parsed (core/campaigns: CallTime, CallDay, RetrySettings) and never parse API input.
 */
export {
  callSchedule,
  isCallable,
  nextCallableAt,
  weekdayOf,
  windowEndsAt,
  type CallSchedule,
  type CallScheduleSpec,
  type DailyWindow,
} from './call-window.js';
export { DAY_MS, DEFAULT_TIME_ZONE, ZoneCalendar, zoneCalendar, type WallClock } from './zoned-time.js';
export { MAX_TASK_CPS, TokenBucket, sharedBucket, validateTaskCps, type BucketState, type PacingOptions } from './pacing.js';
export {
  nextRetryAt,
  retryPolicy,
  type EndedAttempt,
  type RetryPolicy,
} from './retry.js';
export {
  DEFAULT_CALLEE_FREQUENCY_RULES,
  assignLines,
  availableSlots,
  chooseLine,
  frequencyVerdict,
  validateFrequencyRules,
  type ConcurrencyLimits,
  type FrequencyRule,
  type FrequencyVerdict,
  type LineLoad,
  type RunningCalls,
} from './caps.js';
