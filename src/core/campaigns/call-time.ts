/**
 * CallTime and CallDay of a task. aiccs sends each CallTime item as a JSON string
 * `{"startTime":"09:00:00","endTime":"10:00:00"}`; the raw strings are kept to echo them back, and a parsed form
 * (seconds after local midnight) drives the dialer. A window whose end is before its start crosses midnight.
 */
import { DomainError } from '../errors.js';

/** One allowed calling window, in the task's time zone. */
export interface CallWindow {
  /** "HH:mm:ss" as given. */
  startTime: string;
  /** "HH:mm:ss" as given; "24:00:00" means the end of the day. */
  endTime: string;
  /** Seconds after local midnight, 0..86399. */
  startSecond: number;
  /** Seconds after local midnight, 1..86400; less than startSecond when the window crosses midnight. */
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

// The doc writes HH:mm:ss; H:mm and HH:mm are accepted too, as the dialer's window policy accepts them.
const HMS = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Seconds after midnight of "HH:mm:ss"; "24:00:00" only where `allowEndOfDay`. */
function parseClock(text: unknown, allowEndOfDay: boolean): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = HMS.exec(text.trim());
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '0')];
  if (allowEndOfDay && h === 24 && min === 0 && s === 0) return 86_400;
  if (h > 23 || min > 59 || s > 59) return undefined;
  return h * 3600 + min * 60 + s;
}

function invalid(message: string): DomainError {
  return new DomainError('InvalidArgument', message, 'CallTime');
}

/** The JSON object of one CallTime item, accepting a string (the wire form) or an already-parsed object. */
function itemObject(item: unknown): { raw: string; value: Record<string, unknown> } {
  let value: unknown = item;
  const raw = typeof item === 'string' ? item : JSON.stringify(item);
  if (typeof item === 'string') {
    try {
      value = JSON.parse(item);
    } catch {
      throw invalid(`CallTime item ${raw} is not JSON like {"startTime":"09:00:00","endTime":"10:00:00"}`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`CallTime item ${raw} must be an object with startTime and endTime`);
  }
  return { raw, value: value as Record<string, unknown> };
}

/** Parses one CallTime item; StartTime/EndTime (QueryAiCallTaskDetail's spelling) are accepted too. */
export function parseCallWindow(item: unknown): { raw: string; window: CallWindow } {
  const { raw, value } = itemObject(item);
  const startTime = value.startTime ?? value.StartTime;
  const endTime = value.endTime ?? value.EndTime;
  const startSecond = parseClock(startTime, false);
  const endSecond = parseClock(endTime, true);
  if (startSecond === undefined || endSecond === undefined) {
    throw invalid(`CallTime item ${raw} needs startTime and endTime as HH:mm:ss (00:00:00-23:59:59, endTime may be 24:00:00)`);
  }
  if (startSecond === endSecond) throw invalid(`CallTime item ${raw} is empty: startTime equals endTime`);
  return { raw, window: { startTime: String(startTime), endTime: String(endTime), startSecond, endSecond } };
}

/** Parses the CallTime list (required, at least one window). */
export function parseCallTime(items: unknown): CallTime {
  if (!Array.isArray(items) || items.length === 0) throw invalid('CallTime needs at least one window');
  const parsed = items.map(parseCallWindow);
  return { raw: parsed.map((p) => p.raw), windows: parsed.map((p) => p.window) };
}

/** Parses the CallDay list (required, at least one day); case-insensitive, duplicates dropped, Monday first. */
export function parseCallDays(items: unknown): CallDay[] {
  if (!Array.isArray(items) || items.length === 0) {
    throw new DomainError('InvalidArgument', 'CallDay needs at least one day', 'CallDay');
  }
  const days = new Set<CallDay>();
  for (const item of items) {
    const day = typeof item === 'string' ? item.trim().toUpperCase() : '';
    if (!(CALL_DAYS as readonly string[]).includes(day)) {
      throw new DomainError('InvalidArgument', `CallDay "${String(item)}" is not one of ${CALL_DAYS.join(', ')}`, 'CallDay');
    }
    days.add(day as CallDay);
  }
  return CALL_DAYS.filter((d) => days.has(d));
}
