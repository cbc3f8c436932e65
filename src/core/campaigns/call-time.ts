/**
 * CallTime and CallDay of a task, the only parser of them: aiccs sends each CallTime item as a JSON string
 * `{"startTime":"09:00:00","endTime":"10:00:00"}`; the raw strings are kept to echo them back, and a parsed form
 * (seconds after local midnight) drives the dialer.
 *
 * Choices the documentation leaves open, made here for every consumer:
 * - Times are HH:mm:ss; H:mm, HH:mm and H:mm:ss are accepted too. A start is 00:00:00-23:59:59; an end may also be
 *   24:00:00 (or 24:00), the end of the day.
 * - An end of 23:59:59 means the end of the day: the usual way to say "all day" is 00:00:00-23:59:59, and a
 *   one-second hole before midnight is never meant.
 * - An end before the start (22:00:00-02:00:00) crosses midnight; an end equal to the start is refused as an empty
 *   window rather than read as 24 hours, so a slip never turns into calls around the clock.
 * - CallTime and CallDay are required and may not be empty. CallDay values are case-insensitive.
 */
import { DomainError } from '../errors.js';

/** One allowed calling window, in the task's time zone. */
export interface CallWindow {
  /** Start as given, e.g. "09:00:00". */
  startTime: string;
  /** End as given; "24:00:00" and "23:59:59" mean the end of the day. */
  endTime: string;
  /** Seconds after local midnight, 0..86399. */
  startSecond: number;
  /** Seconds after local midnight, 0..86400 (86400 = end of day); less than startSecond when crossing midnight. */
  endSecond: number;
}

/** CallTime both as received and parsed. */
export interface CallTime {
  raw: readonly string[];
  windows: readonly CallWindow[];
}

/** The documented CallDay values, Monday first. */
export const CALL_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** One day of the week on which calls may be made. */
export type CallDay = (typeof CALL_DAYS)[number];

const END_OF_DAY = 86_400;
const LAST_SECOND = END_OF_DAY - 1;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const EXAMPLE = '{"startTime":"09:00:00","endTime":"10:00:00"}';

/** Seconds after midnight of "HH:mm[:ss]"; 24:00[:00] only where `allowEndOfDay`; undefined if malformed. */
function clockSeconds(text: string, allowEndOfDay: boolean): number | undefined {
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '0')];
  if (allowEndOfDay && h === 24 && min === 0 && s === 0) return END_OF_DAY;
  if (h > 23 || min > 59 || s > 59) return undefined;
  return h * 3600 + min * 60 + s;
}

/** A refusal naming the item by index and showing it as sent. */
function invalidItem(index: number, raw: string, reason: string): DomainError {
  return new DomainError('InvalidArgument', `CallTime[${index}] ${raw} ${reason}`, 'CallTime');
}

/** The JSON object of one CallTime item, accepting a string (the wire form) or an already-parsed object. */
function itemObject(item: unknown, index: number): { raw: string; value: Record<string, unknown> } {
  const raw = typeof item === 'string' ? item : JSON.stringify(item) ?? String(item);
  let value: unknown = item;
  if (typeof item === 'string') {
    try {
      value = JSON.parse(item);
    } catch {
      throw invalidItem(index, raw, `is not valid JSON; expected ${EXAMPLE}`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidItem(index, raw, `is not an object with startTime and endTime, like ${EXAMPLE}`);
  }
  return { raw, value: value as Record<string, unknown> };
}

/** Parses one CallTime item (`index` names it in errors); StartTime/EndTime (QueryAiCallTaskDetail's spelling) too. */
export function parseCallWindow(item: unknown, index = 0): { raw: string; window: CallWindow } {
  const { raw, value } = itemObject(item, index);
  const startTime = value.startTime ?? value.StartTime;
  const endTime = value.endTime ?? value.EndTime;
  if (typeof startTime !== 'string' || typeof endTime !== 'string') {
    throw invalidItem(index, raw, 'needs startTime and endTime as strings');
  }
  const startSecond = clockSeconds(startTime, false);
  if (startSecond === undefined) {
    throw invalidItem(index, raw, `start time "${startTime}" is not HH:mm:ss between 00:00:00 and 23:59:59`);
  }
  const endGiven = clockSeconds(endTime, true);
  if (endGiven === undefined) {
    throw invalidItem(index, raw, `end time "${endTime}" is not HH:mm:ss between 00:00:00 and 24:00:00`);
  }
  if (endGiven === startSecond) {
    throw invalidItem(index, raw, 'is empty: startTime equals endTime (for the whole day use 00:00:00 to 24:00:00)');
  }
  const endSecond = endGiven === LAST_SECOND ? END_OF_DAY : endGiven;
  return { raw, window: { startTime, endTime, startSecond, endSecond } };
}

/** Parses the CallTime list (required, at least one window); throws InvalidArgument naming the first bad item. */
export function parseCallTime(items: unknown): CallTime {
  if (!Array.isArray(items) || items.length === 0) {
    throw new DomainError('InvalidArgument', 'CallTime needs at least one window', 'CallTime');
  }
  const parsed = items.map((item: unknown, index) => parseCallWindow(item, index));
  return { raw: parsed.map((p) => p.raw), windows: parsed.map((p) => p.window) };
}

/** Parses the CallDay list (required, at least one day); case-insensitive, duplicates dropped, Monday first. */
export function parseCallDays(items: unknown): CallDay[] {
  if (!Array.isArray(items) || items.length === 0) {
    throw new DomainError('InvalidArgument', 'CallDay needs at least one day', 'CallDay');
  }
  const days = new Set<CallDay>();
  items.forEach((item: unknown, index) => {
    const day = typeof item === 'string' ? item.trim().toUpperCase() : '';
    if (!(CALL_DAYS as readonly string[]).includes(day)) {
      const message = `CallDay[${index}] ${JSON.stringify(item) ?? String(item)} is not one of ${CALL_DAYS.join(', ')}`;
      throw new DomainError('InvalidArgument', message, 'CallDay');
    }
    days.add(day as CallDay);
  });
  return CALL_DAYS.filter((d) => days.has(d));
}
