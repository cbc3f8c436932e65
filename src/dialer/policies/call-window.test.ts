import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.js';
import { parseCallTime, type CallDay, type CallWindow } from '../../core/campaigns/call-time.js';
import { callSchedule, isCallable, nextCallableAt, weekdayOf, windowEndsAt, type CallSchedule } from './call-window.js';

const t = Date.parse;
const WORKDAYS: CallDay[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];
const EVERY_DAY: CallDay[] = [...WORKDAYS, 'SATURDAY', 'SUNDAY'];

/** A schedule of windows given as [start, end], parsed by core as the API's CallTime would be. */
function schedule(windows: Array<[string, string]>, days: CallDay[], timeZone?: string): CallSchedule {
  const callTime = parseCallTime(windows.map(([startTime, endTime]) => ({ startTime, endTime })));
  return callSchedule({ windows: callTime.windows, days, timeZone });
}

/** Shows an instant as ISO so a failure prints something readable. */
function iso(value: number | null | undefined): string | number | null | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : value;
}

function assertInstant(actual: number | null | undefined, expected: string): void {
  assert.equal(iso(actual), new Date(t(expected)).toISOString());
}

test('civil day numbers map to the right weekday', () => {
  assert.equal(weekdayOf(0), 'THURSDAY');
  assert.equal(weekdayOf(t('2026-03-09T00:00:00Z') / 86_400_000), 'MONDAY');
  assert.equal(weekdayOf(-1), 'WEDNESDAY');
});

test('office hours in Shanghai: edges are start-inclusive, end-exclusive', () => {
  const s = schedule([['09:00', '12:00'], ['14:00:00', '18:00:00']], WORKDAYS);
  assert.equal(isCallable(s, t('2026-03-09T09:00:00+08:00')), true);
  assert.equal(isCallable(s, t('2026-03-09T08:59:59.999+08:00')), false);
  assert.equal(isCallable(s, t('2026-03-09T11:59:59.999+08:00')), true);
  assert.equal(isCallable(s, t('2026-03-09T12:00:00+08:00')), false);
  assert.equal(isCallable(s, t('2026-03-07T10:00:00+08:00')), false, 'Saturday');
  assertInstant(nextCallableAt(s, t('2026-03-06T12:30:00+08:00')), '2026-03-06T14:00:00+08:00');
  assertInstant(nextCallableAt(s, t('2026-03-06T10:00:00+08:00')), '2026-03-06T10:00:00+08:00');
  assertInstant(windowEndsAt(s, t('2026-03-09T10:00:00+08:00')), '2026-03-09T12:00:00+08:00');
  assert.equal(windowEndsAt(s, t('2026-03-09T13:00:00+08:00')), undefined);
});

test('Friday evening rolls over the weekend to Monday morning', () => {
  const s = schedule([['09:00', '18:00']], WORKDAYS);
  assertInstant(nextCallableAt(s, t('2026-03-06T18:00:00+08:00')), '2026-03-09T09:00:00+08:00');
  assertInstant(nextCallableAt(s, t('2026-03-08T23:59:59+08:00')), '2026-03-09T09:00:00+08:00');
});

test('the local day decides, not the UTC one', () => {
  const s = schedule([['00:00', '01:00']], ['MONDAY']);
  // Sunday 16:30 UTC is Monday 00:30 in Shanghai.
  assert.equal(isCallable(s, t('2026-03-08T16:30:00Z')), true);
  assert.equal(isCallable(s, t('2026-03-09T00:30:00Z')), false);
});

test('a window across midnight belongs to the day it starts on', () => {
  const s = schedule([['22:00', '02:00']], ['FRIDAY']);
  assert.equal(isCallable(s, t('2026-03-06T23:00:00+08:00')), true, 'Friday night');
  assert.equal(isCallable(s, t('2026-03-07T01:59:59.999+08:00')), true, 'small hours of Saturday');
  assert.equal(isCallable(s, t('2026-03-07T02:00:00+08:00')), false);
  assert.equal(isCallable(s, t('2026-03-06T01:00:00+08:00')), false, 'Friday small hours are Thursday night');
  assert.equal(isCallable(s, t('2026-03-07T23:00:00+08:00')), false, 'Saturday night');
  assertInstant(windowEndsAt(s, t('2026-03-06T22:30:00+08:00')), '2026-03-07T02:00:00+08:00');
  assertInstant(nextCallableAt(s, t('2026-03-07T03:00:00+08:00')), '2026-03-13T22:00:00+08:00');
});

test('Sunday night wraps into Monday and the week wraps around', () => {
  const s = schedule([['23:00', '01:00']], ['SUNDAY']);
  assert.equal(isCallable(s, t('2026-03-08T23:30:00+08:00')), true);
  assert.equal(isCallable(s, t('2026-03-09T00:30:00+08:00')), true);
  assert.equal(isCallable(s, t('2026-03-09T01:00:00+08:00')), false);
  assertInstant(nextCallableAt(s, t('2026-03-09T02:00:00+08:00')), '2026-03-15T23:00:00+08:00');
  const monday = schedule([['09:00', '10:00']], ['MONDAY']);
  assertInstant(nextCallableAt(monday, t('2026-03-08T20:00:00+08:00')), '2026-03-09T09:00:00+08:00');
  assertInstant(nextCallableAt(monday, t('2026-03-09T10:00:00+08:00')), '2026-03-16T09:00:00+08:00');
});

test('touching windows are one open period, also across midnight', () => {
  const s = schedule([['22:00', '24:00'], ['00:00', '06:00'], ['05:00', '07:00']], EVERY_DAY);
  assertInstant(windowEndsAt(s, t('2026-03-06T23:00:00+08:00')), '2026-03-07T07:00:00+08:00');
  const fridayOnly = schedule([['22:00', '24:00'], ['00:00', '06:00']], ['FRIDAY']);
  assert.equal(isCallable(fridayOnly, t('2026-03-06T23:59:59.500+08:00')), true);
  assertInstant(windowEndsAt(fridayOnly, t('2026-03-06T23:00:00+08:00')), '2026-03-07T00:00:00+08:00');
});

test('a whole-day window never closes on every day, and spans the weekdays as one period', () => {
  const always = schedule([['00:00', '24:00']], EVERY_DAY);
  assert.equal(isCallable(always, t('2026-03-08T23:59:59.999+08:00')), true);
  assert.equal(windowEndsAt(always, t('2026-03-08T12:00:00+08:00')), Number.POSITIVE_INFINITY);
  const weekdays = schedule([['00:00', '24:00']], WORKDAYS);
  assertInstant(windowEndsAt(weekdays, t('2026-03-11T10:00:00+08:00')), '2026-03-14T00:00:00+08:00');
  assertInstant(nextCallableAt(weekdays, t('2026-03-07T10:00:00+08:00')), '2026-03-09T00:00:00+08:00');
});

test('no allowed day or no window means never', () => {
  const noDay = schedule([['09:00', '18:00']], []);
  assert.equal(isCallable(noDay, t('2026-03-09T10:00:00+08:00')), false);
  assert.equal(nextCallableAt(noDay, t('2026-03-09T10:00:00+08:00')), null);
  assert.equal(windowEndsAt(noDay, t('2026-03-09T10:00:00+08:00')), undefined);
  const noWindow = callSchedule({ windows: [], days: EVERY_DAY });
  assert.equal(isCallable(noWindow, t('2026-03-09T10:00:00+08:00')), false);
  assert.equal(nextCallableAt(noWindow, t('2026-03-09T10:00:00+08:00')), null);
});

test('the same windows open at different instants in different zones', () => {
  const from = t('2026-07-01T00:00:00Z');
  const next = (timeZone: string) => nextCallableAt(schedule([['09:00', '10:00']], EVERY_DAY, timeZone), from);
  assertInstant(next('Asia/Shanghai'), '2026-07-01T01:00:00Z');
  assertInstant(next('Europe/Berlin'), '2026-07-01T07:00:00Z');
  assertInstant(next('America/New_York'), '2026-07-01T13:00:00Z');
  assertInstant(next('Asia/Kolkata'), '2026-07-01T03:30:00Z');
  assert.equal(schedule([['09:00', '10:00']], []).timeZone, 'Asia/Shanghai');
});

test('New York spring forward: a window starting in the skipped hour opens at 03:00 EDT', () => {
  const s = schedule([['02:30', '04:00']], EVERY_DAY, 'America/New_York');
  assertInstant(nextCallableAt(s, t('2026-03-08T01:00:00-05:00')), '2026-03-08T03:00:00-04:00');
  assert.equal(isCallable(s, t('2026-03-08T02:59:59.999-04:00')), false);
  assertInstant(windowEndsAt(s, t('2026-03-08T03:00:00-04:00')), '2026-03-08T04:00:00-04:00');
  assertInstant(nextCallableAt(s, t('2026-03-08T05:00:00-04:00')), '2026-03-09T02:30:00-04:00');
  const early = schedule([['01:00', '03:00']], EVERY_DAY, 'America/New_York');
  assertInstant(windowEndsAt(early, t('2026-03-08T01:30:00-05:00')), '2026-03-08T03:00:00-04:00');
  const inGap = schedule([['02:10', '02:50']], EVERY_DAY, 'America/New_York');
  assertInstant(nextCallableAt(inGap, t('2026-03-08T00:00:00-05:00')), '2026-03-09T02:10:00-04:00');
});

test('New York fall back: a repeated time means its first occurrence', () => {
  const s = schedule([['01:30', '02:30']], EVERY_DAY, 'America/New_York');
  assertInstant(nextCallableAt(s, t('2026-11-01T00:00:00-04:00')), '2026-11-01T01:30:00-04:00');
  assert.equal(isCallable(s, t('2026-11-01T01:15:00-05:00')), true, 'second pass of 01:15 is after the opening');
  assertInstant(windowEndsAt(s, t('2026-11-01T01:30:00-04:00')), '2026-11-01T02:30:00-05:00');
  const closesEarly = schedule([['00:00', '01:30']], EVERY_DAY, 'America/New_York');
  assert.equal(isCallable(closesEarly, t('2026-11-01T01:29:59-04:00')), true);
  assert.equal(isCallable(closesEarly, t('2026-11-01T01:15:00-05:00')), false);
});

test('Berlin: a night window ends at the gap and a fall-back window lasts two hours', () => {
  const night = schedule([['22:00', '02:30']], ['SATURDAY'], 'Europe/Berlin');
  assertInstant(windowEndsAt(night, t('2026-03-28T23:00:00+01:00')), '2026-03-29T01:00:00Z');
  assertInstant(nextCallableAt(night, t('2026-03-29T12:00:00+02:00')), '2026-04-04T22:00:00+02:00');
  const autumn = schedule([['02:30', '03:30']], EVERY_DAY, 'Europe/Berlin');
  assertInstant(nextCallableAt(autumn, t('2026-10-25T00:00:00+02:00')), '2026-10-25T02:30:00+02:00');
  assertInstant(windowEndsAt(autumn, t('2026-10-25T02:30:00+02:00')), '2026-10-25T03:30:00+01:00');
  assert.equal(isCallable(autumn, t('2026-10-25T02:10:00+01:00')), true);
});

test('an unknown time zone is refused by name; a window not parsed by core is a programming error', () => {
  assert.throws(
    () => schedule([['09:00', '10:00']], WORKDAYS, 'Nowhere/Land'),
    (error: unknown) => error instanceof DomainError && error.code === 'InvalidArgument' && error.param === 'TimeZone' && /Nowhere\/Land/.test(error.message),
  );
  const unparsed = { start: '09:00', end: '10:00' } as unknown as CallWindow;
  assert.throws(() => callSchedule({ windows: [unparsed], days: WORKDAYS }), /RangeError: window 0 is not a parsed CallTime window/);
});
