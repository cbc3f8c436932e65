/**
 * Wall-clock arithmetic in an IANA time zone using only Intl: on which local day and at which
 * local time an instant falls, and which instant a local wall-clock time names, DST included.
 * A "wall" value is a local date-time written as if it were UTC milliseconds, so a civil day is
 * `Math.floor(wall / DAY_MS)` (days since 1970-01-01) and plain arithmetic moves between days.
 */
import { DomainError } from '../../core/errors.js';

/** Milliseconds in a civil day. */
export const DAY_MS = 86_400_000;

/** The zone the product uses when a task names none (aiccs is a mainland-China service). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Where an instant falls on the local calendar: civil day number and milliseconds into that day. */
export interface WallClock {
  readonly day: number;
  readonly msOfDay: number;
}

const FORMAT_OPTIONS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

/** Floor modulo, so instants before 1970 split into whole seconds the same way. */
function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** Conversions between instants and wall-clock times in one time zone. */
export class ZoneCalendar {
  private readonly formatter: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', { ...FORMAT_OPTIONS, timeZone });
  }

  /** Milliseconds to add to an instant to get its wall-clock value (UTC offset at that instant). */
  offsetAt(at: number): number {
    const whole = at - mod(at, 1000);
    const f = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of this.formatter.formatToParts(whole)) {
      if (part.type in f) f[part.type as keyof typeof f] = Number(part.value);
    }
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - whole;
  }

  /** The local civil day and time of day of an instant. */
  wallClockAt(at: number): WallClock {
    const wall = at + this.offsetAt(at);
    const day = Math.floor(wall / DAY_MS);
    return { day, msOfDay: wall - day * DAY_MS };
  }

  /**
   * The instant a wall-clock time names. A time the clock shows twice (DST ends) names its first
   * occurrence; a time the clock skips (DST starts) names the first valid instant after the gap,
   * i.e. the transition itself, so a window opening in a skipped hour opens when the hour ends.
   */
  instantOf(wall: number): number {
    // Offsets a day either side bracket any transition that can affect this wall time (|offset| < 1 day).
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    if (before === after) return wall - before;
    const hits = [wall - before, wall - after].filter((t) => t + this.offsetAt(t) === wall);
    if (hits.length > 0) return Math.min(...hits);
    return this.transitionAfter(wall - after, before, wall - before);
  }

  /**
   * A converter for wall times in [fromWall, toWall]: plain subtraction when the offset is the same
   * a day before and a day after the span (no zone changes offset twice within a few days), the exact
   * search otherwise. Evaluating a schedule then costs two formatter calls per day instead of several
   * per window edge.
   */
  resolverFor(fromWall: number, toWall: number): (wall: number) => number {
    const before = this.offsetAt(fromWall - DAY_MS);
    const after = this.offsetAt(toWall + DAY_MS);
    if (before === after) return (wall) => wall - before;
    return (wall) => this.instantOf(wall);
  }

  /** First instant in (lo, hi] whose offset differs from `oldOffset`; lo still has it, hi does not. */
  private transitionAfter(lo: number, oldOffset: number, hi: number): number {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.offsetAt(mid) === oldOffset) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}

// Building a formatter costs ~45 µs and every schedule evaluation needs one, so calendars are memoised by
// zone name. They hold no mutable state, so sharing them is safe; the cap keeps arbitrary input from
// growing the map without bound.
const calendars = new Map<string, ZoneCalendar>();
const MAX_CACHED_ZONES = 1024;

/** The (shared, immutable) calendar of a zone; throws InvalidArgument for a name Intl does not know. */
export function zoneCalendar(timeZone: string): ZoneCalendar {
  const cached = calendars.get(timeZone);
  if (cached) return cached;
  let calendar: ZoneCalendar;
  try {
    calendar = new ZoneCalendar(timeZone);
  } catch {
    throw new DomainError('InvalidArgument', `TimeZone "${timeZone}" is not a known IANA time zone`, 'TimeZone');
  }
  if (calendars.size >= MAX_CACHED_ZONES) calendars.clear();
  calendars.set(timeZone, calendar);
  return calendar;
}
