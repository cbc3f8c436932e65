/**
 * Times as Alibaba's responses write them: `yyyy-MM-dd HH:mm:ss` and `yyyy-MM-dd` in the platform's time zone
 * (Asia/Shanghai unless configured), and the span of such a day for queries that take a date (GetCallDialogContent).
 */
import { DomainError } from './errors.js';

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // sv-SE writes ISO order (2026-03-02 09:00:00); h23 keeps midnight 00, not 24.
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** `yyyy-MM-dd HH:mm:ss` of an instant in the zone. */
export function formatDateTime(at: number, timeZone: string): string {
  return formatIn(timeZone).format(at).replace('T', ' ');
}

/** `yyyy-MM-dd` of an instant in the zone. */
export function formatDate(at: number, timeZone: string): string {
  return formatDateTime(at, timeZone).slice(0, 10);
}

/**
 * The instants [start, end) of a `yyyy-MM-dd` day in the zone; InvalidArgument naming `param` when the text is not
 * such a date. Zones change their offset at most once around a day, so the offset at each edge is searched alone.
 */
export function daySpan(text: string, timeZone: string, param: string): { start: number; end: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const wall = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== text) {
    throw new DomainError('InvalidArgument', `${param} "${text}" is not a date in the form yyyy-MM-dd.`, param);
  }
  return { start: instantOfWall(wall, timeZone), end: instantOfWall(wall + DAY_MS, timeZone) };
}

/** The instant whose local wall-clock time in the zone is `wall` (a local time written as UTC ms). */
export function instantOfWall(wall: number, timeZone: string): number {
  let at = wall;
  for (let i = 0; i < 3; i++) {
    const shown = Date.parse(`${formatDateTime(at, timeZone).replace(' ', 'T')}Z`);
    if (shown === wall) return at;
    at += wall - shown;
  }
  return at;
}
