import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { parseCallDays, parseCallTime, parseCallWindow } from './call-time.js';

const isInvalid = (param: string, message: RegExp) => (e: unknown) =>
  e instanceof DomainError && e.code === 'InvalidArgument' && e.param === param && message.test(e.message);

test('CallTime keeps the raw strings and parses each window to seconds after midnight', () => {
  const raw = ['{"startTime":"09:00:00","endTime":"12:00:00"}', '{"startTime":"22:30:00","endTime":"01:15:30"}'];
  const parsed = parseCallTime(raw);
  assert.deepEqual(parsed.raw, raw);
  assert.deepEqual(parsed.windows, [
    { startTime: '09:00:00', endTime: '12:00:00', startSecond: 32_400, endSecond: 43_200 },
    { startTime: '22:30:00', endTime: '01:15:30', startSecond: 81_000, endSecond: 4530 },
  ]);
});

test('a window may end at 24:00:00, use the response spelling, or come as an object', () => {
  assert.equal(parseCallWindow('{"startTime":"00:00:00","endTime":"24:00:00"}').window.endSecond, 86_400);
  assert.equal(parseCallWindow('{"StartTime":"8:00","EndTime":"18:00"}').window.startSecond, 28_800);
  const object = parseCallWindow({ startTime: '10:00:00', endTime: '11:00:00' });
  assert.equal(object.raw, '{"startTime":"10:00:00","endTime":"11:00:00"}');
});

test('malformed CallTime is refused naming the item', () => {
  assert.throws(() => parseCallTime([]), isInvalid('CallTime', /at least one window/));
  assert.throws(() => parseCallTime(undefined), isInvalid('CallTime', /at least one window/));
  assert.throws(() => parseCallTime(['09:00-10:00']), isInvalid('CallTime', /not JSON/));
  assert.throws(() => parseCallTime(['[1,2]']), isInvalid('CallTime', /must be an object/));
  assert.throws(() => parseCallTime(['{"startTime":"09:00:00"}']), isInvalid('CallTime', /needs startTime and endTime/));
  assert.throws(() => parseCallTime(['{"startTime":"24:00:00","endTime":"10:00:00"}']), isInvalid('CallTime', /HH:mm:ss/));
  assert.throws(() => parseCallTime(['{"startTime":"09:60:00","endTime":"10:00:00"}']), isInvalid('CallTime', /HH:mm:ss/));
  assert.throws(() => parseCallTime(['{"startTime":"09:00:00","endTime":"09:00:00"}']), isInvalid('CallTime', /empty/));
});

test('CallDay is case-insensitive, deduplicated and ordered Monday first', () => {
  assert.deepEqual(parseCallDays(['sunday', 'MONDAY', 'Monday', 'friday']), ['MONDAY', 'FRIDAY', 'SUNDAY']);
  assert.throws(() => parseCallDays([]), isInvalid('CallDay', /at least one day/));
  assert.throws(() => parseCallDays(['MON']), isInvalid('CallDay', /"MON" is not one of/));
});
