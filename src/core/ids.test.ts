import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../ports/clock.js';
import { IdGenerator, idTimestamp, newRequestId } from './ids.js';

test('ids are 18-19 digit numeric strings, unique and increasing even within one millisecond', () => {
  const clock = new ManualClock(Date.parse('2026-11-25T10:00:00Z'));
  const ids = new IdGenerator(clock, 7);
  const seen: string[] = [];
  for (let i = 0; i < 10_000; i++) seen.push(ids.next());
  assert.equal(new Set(seen).size, seen.length);
  for (const id of seen) assert.match(id, /^\d{18,19}$/);
  const asBig = seen.map(BigInt);
  for (let i = 1; i < asBig.length; i++) assert.ok(asBig[i]! > asBig[i - 1]!);
});

test('ids sort by creation time and encode it', () => {
  const clock = new ManualClock(Date.parse('2026-11-25T10:00:00Z'));
  const ids = new IdGenerator(clock, 1);
  const first = ids.next();
  clock.advance(60_000);
  const later = ids.next();
  assert.ok(BigInt(later) > BigInt(first));
  assert.equal(idTimestamp(later), Date.parse('2026-11-25T10:01:00Z'));
});

test('two nodes never collide and call ids have the n^n form', () => {
  const clock = new ManualClock(Date.parse('2027-01-01T00:00:00Z'));
  const a = new IdGenerator(clock, 1);
  const b = new IdGenerator(clock, 2);
  assert.notEqual(a.next(), b.next());
  assert.match(a.nextCallId(), /^\d{12}\^\d{18,19}$/);
  assert.match(newRequestId(), /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
});
