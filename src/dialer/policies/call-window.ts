/**
 * When a task may place calls: daily windows on allowed weekdays, in the task's time zone. The windows and days
 * come parsed and validated from core (core/campaigns/call-time.ts, which also decides what 23:59:59, 24:00:00 and
 * equal ends mean); this module only turns them into instants.
 *
 * Rules the aiccs documentation leaves open, decided here:
 * - A window whose end is before its start crosses midnight and belongs to the day it STARTS on:
 *   with CallDay = [FRIDAY], 22:00-02:00 is open Friday 22:00 to Saturday 02:00, not Saturday night.
 * - Windows may overlap or touch; the schedule is their union. No windows or no days means never.
 * - DST: a window edge in a skipped hour moves to the end of the gap; an edge the clock shows twice
 *   takes its first occurrence. A window wholly inside a skipped hour does not open that day.
 */
import { CALL_DAYS, type CallDay, type CallWindow } from '../../core/campaigns/call-time.js';
import { DAY_MS, DEFAULT_TIME_ZONE, zoneCalendar } from './zoned-time.js';

/** A daily window in seconds after the local midnight of the day it starts on; the end may exceed 86400. */
export interface DailyWindow {
  readonly startSecond: number;
  readonly endSecond: number;
}

/** A schedule ready for the clock; plain data, safe to keep on a task and share. */
export interface CallSchedule {
  readonly timeZone: string;
  readonly days: ReadonlySet<CallDay>;
  readonly windows: readonly DailyWindow[];
}

/** What a schedule is built from: core's parsed CallTime windows and CallDay list, and an IANA zone. */
export interface CallScheduleSpec {
  readonly windows: readonly CallWindow[];
  readonly days: readonly CallDay[];
  readonly timeZone?: string;
}

interface Interval {
  readonly start: number;
  readonly end: number;
}

const SECONDS_PER_DAY = 86_400;
// Scanning one day back (windows crossing midnight) to eight ahead (same weekday next week, plus its
// crossing windows) sees every occurrence that can matter for "now" or "next".
const DAYS_AHEAD = 8;

/** True for a whole second of the day in 0..max. */
function isDaySecond(value: unknown, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
}

/** A parsed window in the start day's seconds: an end before the start is on the next day. */
function dailyWindow(window: CallWindow, index: number): DailyWindow {
  const { startSecond, endSecond } = window;
  // A window that did not come from core's parser would otherwise yield NaN instants and silently never open.
  if (!isDaySecond(startSecond, SECONDS_PER_DAY - 1) || !isDaySecond(endSecond, SECONDS_PER_DAY)) {
    throw new RangeError(`window ${index} is not a parsed CallTime window (startSecond/endSecond): ${JSON.stringify(window)}`);
  }
  return Object.freeze({ startSecond, endSecond: endSecond > startSecond ? endSecond : endSecond + SECONDS_PER_DAY });
}

/**
 * Builds a schedule from parsed settings; throws InvalidArgument (param TimeZone) for an unknown zone and
 * RangeError for a window that is not core's parsed form.
 */
export function callSchedule(spec: CallScheduleSpec): CallSchedule {
  const timeZone = spec.timeZone ?? DEFAULT_TIME_ZONE;
  zoneCalendar(timeZone);
  const windows = Object.freeze(spec.windows.map((window, index) => dailyWindow(window, index)));
  return Object.freeze({ timeZone, days: new Set(spec.days), windows });
}

/** The weekday of a civil day number (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): CallDay {
  return CALL_DAYS[(((day + 3) % 7) + 7) % 7] as CallDay;
}

/** Every window occurrence starting on local days firstDay..lastDay, as instants, sorted by start. */
function occurrences(schedule: CallSchedule, firstDay: number, lastDay: number): Interval[] {
  const calendar = zoneCalendar(schedule.timeZone);
  const found: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (!schedule.days.has(weekdayOf(day))) continue;
    const midnight = day * DAY_MS;
    const resolve = calendar.resolverFor(midnight, midnight + 2 * DAY_MS);
    for (const window of schedule.windows) {
      const start = resolve(midnight + window.startSecond * 1000);
      const end = resolve(midnight + window.endSecond * 1000);
      if (end > start) found.push({ start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The local civil day of an instant in the schedule's zone. */
function localDay(schedule: CallSchedule, at: number): number {
  return zoneCalendar(schedule.timeZone).wallClockAt(at).day;
}

/** True when `at` (epoch ms) lies inside an open window on an allowed day. */
export function isCallable(schedule: CallSchedule, at: number): boolean {
  const day = localDay(schedule, at);
  return occurrences(schedule, day - 1, day).some((o) => o.start <= at && at < o.end);
}

/** The first instant at or after `from` when calls may start; null when the schedule never opens. */
export function nextCallableAt(schedule: CallSchedule, from: number): number | null {
  if (schedule.days.size === 0 || schedule.windows.length === 0) return null;
  const day = localDay(schedule, from);
  let next: number | null = null;
  for (const o of occurrences(schedule, day - 1, day + DAYS_AHEAD)) {
    if (o.start <= from && from < o.end) return from;
    if (o.start > from && (next === null || o.start < next)) next = o.start;
  }
  return next;
}

/**
 * When the open period containing `at` closes (exclusive): windows that touch or overlap are one period,
 * also across midnight. Undefined when `at` is not callable; Infinity when the schedule never closes
 * (every day, whole day), since then no instant would be honest.
 */
export function windowEndsAt(schedule: CallSchedule, at: number): number | undefined {
  const day = localDay(schedule, at);
  let cursor = at;
  let open = false;
  for (const o of occurrences(schedule, day - 1, day + DAYS_AHEAD)) {
    if (o.start > cursor) break;
    if (o.end > cursor) {
      cursor = o.end;
      open = true;
    }
  }
  if (!open) return undefined;
  // Open without a break through a whole week ahead means every weekday is fully covered, for ever.
  const horizon = zoneCalendar(schedule.timeZone).instantOf((day + DAYS_AHEAD) * DAY_MS);
  return cursor >= horizon ? Number.POSITIVE_INFINITY : cursor;
}
