/** The dialer's pure policies: call windows, CPS pacing, retries, concurrency and per-callee caps. */
export {
  WEEKDAYS,
  dailyWindow,
  isWeekday,
  parseCallDays,
  parseCallTime,
  wallTimeSeconds,
  type CallWindow,
  type DailyWindow,
  type Weekday,
} from './call-time.js';
export {
  callSchedule,
  isCallable,
  nextCallableAt,
  weekdayOf,
  windowEndsAt,
  type CallSchedule,
  type CallScheduleSpec,
} from './call-window.js';
export { DAY_MS, DEFAULT_TIME_ZONE, ZoneCalendar, zoneCalendar, type WallClock } from './zoned-time.js';
export { MAX_TASK_CPS, TokenBucket, validateTaskCps, type PacingOptions } from './pacing.js';
export {
  DEFAULT_CALL_RETRY_INTERVAL_MINUTES,
  DEFAULT_CALL_RETRY_TIMES,
  DEFAULT_RETRY_REASONS,
  MAX_CALL_RETRY_INTERVAL_MINUTES,
  MAX_CALL_RETRY_TIMES,
  RETRY_REASONS,
  nextRetryAt,
  retryPolicy,
  type EndedAttempt,
  type RetryPolicy,
  type RetryReason,
  type RetrySettings,
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
