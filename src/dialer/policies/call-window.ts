/**
 * When a task may place calls: daily windows on allowed weekdays, in the task's time zone.
 *
 * Rules the aiccs documentation leaves open, decided here:
 * - A window whose end is at or before its start crosses midnight and belongs to the day it STARTS on:
 *   with CallDay = [FRIDAY], 22:00-02:00 is open Friday 22:00 to Saturday 02:00, not Saturday night.
 * - An empty window list means the whole day on every allowed day; an empty day set means never.
 * - Windows may overlap or touch; the schedule is their union.
 * - DST: a window edge in a skipped hour moves to the end of the gap; an edge the clock shows twice
 *   takes its first occurrence. A window wholly inside a skipped hour does not open that day.
 */
import { DomainError } from '../../core/errors.js';
import {
  WEEKDAYS,
  dailyWindow,
  parseCallDays,
  type CallWindow,
  type DailyWindow,
  type Weekday,
} from './call-time.js';
import { DAY_MS, DEFAULT_TIME_ZONE, zoneCalendar } from './zoned-time.js';

/** A validated schedule; plain data, safe to keep on a task and share. */
export interface CallSchedule {
  readonly timeZone: string;
  readonly days: ReadonlySet<Weekday>;
  /** Empty means the whole day. */
  readonly windows: readonly DailyWindow[];
}

/** What a schedule is built from: windows, CallDay values and an optional IANA zone. */
export interface CallScheduleSpec {
  readonly windows: readonly CallWindow[];
  readonly days: Iterable<unknown>;
  readonly timeZone?: string;
}

interface Interval {
  readonly start: number;
  readonly end: number;
}

const WHOLE_DAY: readonly DailyWindow[] = [{ startSecond: 0, endSecond: 86_400 }];
// Scanning one day back (windows crossing midnight) to eight ahead (same weekday next week, plus its
// crossing windows) sees every occurrence that can matter for "now" or "next".
const DAYS_AHEAD = 8;

/** Builds a schedule, validating every window, day and the zone; throws InvalidArgument naming the bad part. */
export function callSchedule(spec: CallScheduleSpec): CallSchedule {
  const timeZone = spec.timeZone ?? DEFAULT_TIME_ZONE;
  zoneCalendar(timeZone);
  const windows = spec.windows.map((window, index) => {
    const parsed = dailyWindow(window);
    if (typeof parsed === 'string') {
      throw new DomainError('InvalidArgument', `CallTime[${index}] ${parsed}`, 'CallTime');
    }
    return Object.freeze(parsed);
  });
  const days = parseCallDays([...spec.days]);
  return Object.freeze({ timeZone, days, windows: Object.freeze(windows) });
}

/** The weekday of a civil day number (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): Weekday {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] as Weekday;
}

/** Every window occurrence starting on local days firstDay..lastDay, as instants, sorted by start. */
function occurrences(schedule: CallSchedule, firstDay: number, lastDay: number): Interval[] {
  const calendar = zoneCalendar(schedule.timeZone);
  const windows = schedule.windows.length > 0 ? schedule.windows : WHOLE_DAY;
  const found: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (!schedule.days.has(weekdayOf(day))) continue;
    const midnight = day * DAY_MS;
    const resolve = calendar.resolverFor(midnight, midnight + 2 * DAY_MS);
    for (const window of windows) {
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

/** The first instant at or after `from` when calls may start; null when no day is allowed at all. */
export function nextCallableAt(schedule: CallSchedule, from: number): number | null {
  if (schedule.days.size === 0) return null;
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

/** The CallTime and CallDay parsers (call-time.ts), so one import gives the whole schedule API. */
export { parseCallDays, parseCallTime, WEEKDAYS, type CallWindow, type DailyWindow, type Weekday } from './call-time.js';
