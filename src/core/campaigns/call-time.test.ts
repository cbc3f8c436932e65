import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { parseCallDays, parseCallTime, parseCallWindow } from './call-time.js';

const isInvalid = (param: string, message: RegExp) => (e: unknown) =>
  e instanceof DomainError && e.code === 'InvalidArgument' && e.param === param && message.test(e.message);

/** The parsed seconds of a window given as start and end. */
const seconds = (startTime: string, endTime: string) => {
  const { startSecond, endSecond } = parseCallWindow({ startTime, endTime }).window;
  return [startSecond, endSecond];
};

test('CallTime keeps the raw strings and parses each window to seconds after midnight, crossing it as given', () => {
  const raw = ['{"startTime":"09:00:00","endTime":"12:00:00"}', '{"startTime":"22:30:00","endTime":"01:15:30"}'];
  const parsed = parseCallTime(raw);
  assert.deepEqual(parsed.raw, raw);
  assert.deepEqual(parsed.windows, [
    { startTime: '09:00:00', endTime: '12:00:00', startSecond: 32_400, endSecond: 43_200 },
    { startTime: '22:30:00', endTime: '01:15:30', startSecond: 81_000, endSecond: 4530 },
  ]);
});

test('an item may use the response spelling or come as an object', () => {
  assert.equal(parseCallWindow('{"StartTime":"08:00:00","EndTime":"18:00:00"}').window.startSecond, 28_800);
  const object = parseCallTime([{ startTime: '10:00:00', endTime: '11:00:00' }]);
  assert.deepEqual(object.raw, ['{"startTime":"10:00:00","endTime":"11:00:00"}']);
});

test('times are HH:mm:ss, H:mm or HH:mm; 24:00 only as an end', () => {
  assert.deepEqual(seconds('9:30', '09:30:15'), [34_200, 34_215]);
  assert.deepEqual(seconds('23:59:58', '24:00'), [86_398, 86_400]);
  const bad = (startTime: string, endTime: string, why: RegExp) =>
    assert.throws(() => parseCallWindow({ startTime, endTime }), isInvalid('CallTime', why), `${startTime}-${endTime}`);
  bad('24:00', '10:00', /start time "24:00" is not HH:mm:ss between 00:00:00 and 23:59:59$/);
  bad('9:60', '10:00', /start time "9:60"/);
  bad('08:00', '24:00:01', /end time "24:00:01" is not HH:mm:ss between 00:00:00 and 24:00:00$/);
  bad('08:00', '24:30', /end time "24:30"/);
  bad('08:00', '12:00:60', /end time "12:00:60"/);
  bad('08:00', '12h00', /end time "12h00"/);
});

test('23:59:59 and 24:00:00 both end at midnight; an end equal to the start is refused', () => {
  assert.deepEqual(seconds('00:00:00', '23:59:59'), [0, 86_400]);
  assert.deepEqual(seconds('00:00:00', '24:00:00'), [0, 86_400]);
  assert.equal(parseCallWindow({ startTime: '00:00:00', endTime: '23:59:59' }).window.endTime, '23:59:59', 'echoed as given');
  assert.throws(() => seconds('00:00:00', '00:00:00'), isInvalid('CallTime', /is empty: startTime equals endTime \(for the whole day use 00:00:00 to 24:00:00\)$/));
  assert.throws(() => seconds('09:00', '09:00:00'), isInvalid('CallTime', /is empty/));
  assert.throws(() => seconds('23:59:59', '23:59:59'), isInvalid('CallTime', /is empty/));
});

test('a bad CallTime list or item is refused naming the item by index, as sent, and why', () => {
  const ok = '{"startTime":"09:00:00","endTime":"10:00:00"}';
  assert.throws(() => parseCallTime([]), isInvalid('CallTime', /^CallTime needs at least one window$/));
  assert.throws(() => parseCallTime(undefined), isInvalid('CallTime', /at least one window/));
  assert.throws(() => parseCallTime([ok, '{"startTime":"09:00"']), isInvalid('CallTime', /^CallTime\[1\] \{"startTime":"09:00" is not valid JSON; expected \{"startTime"/));
  assert.throws(() => parseCallTime(['[1,2]']), isInvalid('CallTime', /^CallTime\[0\] \[1,2\] is not an object with startTime and endTime/));
  assert.throws(() => parseCallTime(['"09:00-10:00"']), isInvalid('CallTime', /^CallTime\[0\] "09:00-10:00" is not an object/));
  assert.throws(() => parseCallTime([ok, ok, '{"startTime":"09:00:00"}']), isInvalid('CallTime', /^CallTime\[2\] .* needs startTime and endTime as strings$/));
  assert.throws(() => parseCallTime([{ startTime: 9, endTime: 10 }]), isInvalid('CallTime', /needs startTime and endTime as strings/));
  assert.throws(
    () => parseCallTime([ok, { startTime: '08:00', endTime: 'noon' }]),
    isInvalid('CallTime', /^CallTime\[1\] \{"startTime":"08:00","endTime":"noon"\} end time "noon"/),
  );
});

test('CallDay is case-insensitive, deduplicated and ordered Monday first; a bad one is named by index', () => {
  assert.deepEqual(parseCallDays(['sunday', 'MONDAY', 'Monday', ' friday ']), ['MONDAY', 'FRIDAY', 'SUNDAY']);
  assert.throws(() => parseCallDays([]), isInvalid('CallDay', /^CallDay needs at least one day$/));
  assert.throws(() => parseCallDays(undefined), isInvalid('CallDay', /at least one day/));
  assert.throws(() => parseCallDays(['MONDAY', 'Funday']), isInvalid('CallDay', /^CallDay\[1\] "Funday" is not one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY$/));
  assert.throws(() => parseCallDays([7]), isInvalid('CallDay', /^CallDay\[0\] 7 is not one of/));
});
