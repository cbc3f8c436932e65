import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.js';
import { DAY_MS, zoneCalendar } from './zoned-time.js';

const wall = (iso: string): number => Date.parse(`${iso}Z`);

test('offsets and local days follow the zone, DST included', () => {
  assert.equal(zoneCalendar('Asia/Shanghai').offsetAt(Date.parse('2026-01-15T12:00:00Z')), 8 * 3_600_000);
  const ny = zoneCalendar('America/New_York');
  assert.equal(ny.offsetAt(Date.parse('2026-01-15T12:00:00Z')), -5 * 3_600_000);
  assert.equal(ny.offsetAt(Date.parse('2026-07-15T12:00:00Z')), -4 * 3_600_000);
  // 16:30Z on a Sunday is already Monday 00:30 in Shanghai.
  const local = zoneCalendar('Asia/Shanghai').wallClockAt(Date.parse('2026-03-08T16:30:00.250Z'));
  assert.equal(local.day, wall('2026-03-09T00:00:00') / DAY_MS);
  assert.equal(local.msOfDay, 30 * 60_000 + 250);
});

test('a wall time in a skipped hour names the end of the gap', () => {
  assert.equal(zoneCalendar('America/New_York').instantOf(wall('2026-03-08T02:30:00')), Date.parse('2026-03-08T03:00:00-04:00'));
  assert.equal(zoneCalendar('Europe/Berlin').instantOf(wall('2026-03-29T02:00:00')), Date.parse('2026-03-29T01:00:00Z'));
  // Lord Howe Island moves by half an hour: 02:00 -> 02:30 local, +10:30 -> +11:00.
  assert.equal(zoneCalendar('Australia/Lord_Howe').instantOf(wall('2026-10-04T02:15:00')), Date.parse('2026-10-03T15:30:00Z'));
});

test('a wall time shown twice names its first occurrence', () => {
  assert.equal(zoneCalendar('America/New_York').instantOf(wall('2026-11-01T01:30:00')), Date.parse('2026-11-01T01:30:00-04:00'));
  assert.equal(zoneCalendar('Europe/Berlin').instantOf(wall('2026-10-25T02:30:00')), Date.parse('2026-10-25T02:30:00+02:00'));
  assert.equal(zoneCalendar('Europe/Berlin').instantOf(wall('2026-10-25T03:00:00')), Date.parse('2026-10-25T03:00:00+01:00'));
});

test('wall times away from transitions convert exactly, with milliseconds', () => {
  assert.equal(zoneCalendar('Asia/Kolkata').instantOf(wall('2026-05-01T09:00:00.125')), Date.parse('2026-05-01T09:00:00.125+05:30'));
  const resolve = zoneCalendar('America/New_York').resolverFor(wall('2026-03-07T00:00:00'), wall('2026-03-09T00:00:00'));
  assert.equal(resolve(wall('2026-03-07T23:00:00')), Date.parse('2026-03-07T23:00:00-05:00'));
  assert.equal(resolve(wall('2026-03-08T04:00:00')), Date.parse('2026-03-08T04:00:00-04:00'));
});

test('an unknown zone is an InvalidArgument naming TimeZone', () => {
  assert.throws(
    () => zoneCalendar('Mars/Olympus_Mons'),
    (error: unknown) => error instanceof DomainError && error.code === 'InvalidArgument' && error.param === 'TimeZone',
  );
});
