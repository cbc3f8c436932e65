/**
 * The aiccs CallTime and CallDay inputs: parsing and validation of the window strings
 * (`{"startTime":"09:00:00","endTime":"10:00:00"}`) and the weekday names, with errors that
 * name the offending item so the gateway can show the user exactly what to fix.
 */
import { DomainError } from '../../core/errors.js';

/** Weekday names as CallDay spells them, Monday first (ISO order). */
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** One CallDay value. */
export type Weekday = (typeof WEEKDAYS)[number];

/** One daily window as wall-clock strings `HH:mm[:ss]`; an end at or before the start crosses midnight. */
export interface CallWindow {
  readonly start: string;
  readonly end: string;
}

/** A daily window in seconds after the local midnight of the day it starts on; end may exceed 86400. */
export interface DailyWindow {
  readonly startSecond: number;
  readonly endSecond: number;
}

const SECONDS_PER_DAY = 86_400;
const LAST_SECOND = SECONDS_PER_DAY - 1;
const TIME_PATTERN = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Seconds after midnight of `HH:mm[:ss]`; `24:00[:00]` only where `allowEndOfDay`; undefined if malformed. */
export function wallTimeSeconds(text: string, allowEndOfDay: boolean): number | undefined {
  const match = TIME_PATTERN.exec(text);
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? '0')];
  if (minutes > 59 || seconds > 59) return undefined;
  const total = hours * 3600 + minutes * 60 + seconds;
  if (total < SECONDS_PER_DAY) return total;
  return allowEndOfDay && total === SECONDS_PER_DAY ? total : undefined;
}

/**
 * A window in seconds, or an error text. An end of 23:59:59 means the end of the day: the API can
 * only say "whole day" as 00:00:00-23:59:59, and a one-second hole before midnight is never meant.
 * An end at or before the start (22:00-02:00, 09:00-09:00) runs into the next day, up to 24 hours.
 */
export function dailyWindow(window: CallWindow): DailyWindow | string {
  const start = wallTimeSeconds(String(window.start), false);
  if (start === undefined) return `start time "${window.start}" is not HH:mm[:ss] between 00:00:00 and 23:59:59`;
  const parsedEnd = wallTimeSeconds(String(window.end), true);
  if (parsedEnd === undefined) return `end time "${window.end}" is not HH:mm[:ss] between 00:00:00 and 24:00:00`;
  const end = parsedEnd === LAST_SECOND ? SECONDS_PER_DAY : parsedEnd;
  return { startSecond: start, endSecond: end > start ? end : end + SECONDS_PER_DAY };
}

/** Reads one CallTime item: a JSON string (as the API sends it) or an already decoded object. */
function callTimeItem(item: unknown): CallWindow | string {
  let value = item;
  if (typeof item === 'string') {
    try {
      value = JSON.parse(item);
    } catch {
      return 'is not valid JSON';
    }
  }
  if (typeof value !== 'object' || value === null) return 'is not an object with startTime and endTime';
  const { startTime, endTime } = value as Record<string, unknown>;
  if (typeof startTime !== 'string' || typeof endTime !== 'string') {
    return 'needs string fields startTime and endTime';
  }
  const window = { start: startTime, end: endTime };
  const checked = dailyWindow(window);
  return typeof checked === 'string' ? checked : window;
}

/** Parses the CallTime list; throws InvalidArgument naming the first bad item and why. */
export function parseCallTime(items: readonly unknown[]): CallWindow[] {
  return items.map((item, index) => {
    const parsed = callTimeItem(item);
    if (typeof parsed === 'string') {
      const shown = typeof item === 'string' ? item : JSON.stringify(item);
      throw new DomainError('InvalidArgument', `CallTime[${index}] ${shown} ${parsed}`, 'CallTime');
    }
    return parsed;
  });
}

/** True for one of MONDAY..SUNDAY (exact upper case, as the API enum spells them). */
export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'string' && (WEEKDAYS as readonly string[]).includes(value);
}

/** Parses the CallDay list into a set; throws InvalidArgument naming the first value that is not a weekday. */
export function parseCallDays(items: readonly unknown[]): Set<Weekday> {
  const days = new Set<Weekday>();
  items.forEach((item, index) => {
    if (!isWeekday(item)) {
      const message = `CallDay[${index}] ${JSON.stringify(item)} is not one of ${WEEKDAYS.join(', ')}`;
      throw new DomainError('InvalidArgument', message, 'CallDay');
    }
    days.add(item);
  });
  return days;
}
