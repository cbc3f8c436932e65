import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../core/errors.js';
import { dailyWindow, parseCallDays, parseCallTime, wallTimeSeconds } from './call-time.js';

function rejects(run: () => unknown, param: string, text: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'InvalidArgument');
    assert.equal(error.param, param);
    assert.match(error.message, text);
    return true;
  });
}

test('CallTime items are JSON strings as the API sends them (objects are accepted too)', () => {
  const windows = parseCallTime([
    '{"startTime":"09:00:00","endTime":"10:00:00"}',
    '{"startTime":"22:00","endTime":"02:00"}',
    { startTime: '00:00:00', endTime: '24:00:00' },
  ]);
  assert.deepEqual(windows, [
    { start: '09:00:00', end: '10:00:00' },
    { start: '22:00', end: '02:00' },
    { start: '00:00:00', end: '24:00:00' },
  ]);
  assert.deepEqual(parseCallTime([]), []);
});

test('a bad CallTime item is named with its index, its text and the reason', () => {
  const ok = '{"startTime":"09:00:00","endTime":"10:00:00"}';
  rejects(() => parseCallTime([ok, '{"startTime":"09:00"']), 'CallTime', /^CallTime\[1\] \{"startTime":"09:00" is not valid JSON$/);
  rejects(() => parseCallTime(['{"startTime":"09:00"}']), 'CallTime', /CallTime\[0\].*needs string fields startTime and endTime/);
  rejects(() => parseCallTime(['"09:00-10:00"']), 'CallTime', /CallTime\[0\].*is not an object/);
  rejects(() => parseCallTime([ok, ok, '{"startTime":"9:60","endTime":"10:00"}']), 'CallTime', /CallTime\[2\].*start time "9:60"/);
  rejects(() => parseCallTime(['{"startTime":"24:00","endTime":"10:00"}']), 'CallTime', /start time "24:00"/);
  rejects(() => parseCallTime(['{"startTime":"08:00","endTime":"24:00:01"}']), 'CallTime', /end time "24:00:01"/);
  rejects(() => parseCallTime([{ startTime: '08:00', endTime: 'noon' }]), 'CallTime', /CallTime\[0\] \{"startTime":"08:00","endTime":"noon"\} end time "noon"/);
});

test('wall times: HH:mm or HH:mm:ss, 24:00 only as an end', () => {
  assert.equal(wallTimeSeconds('09:30', false), 9 * 3600 + 30 * 60);
  assert.equal(wallTimeSeconds('9:30:15', false), 9 * 3600 + 30 * 60 + 15);
  assert.equal(wallTimeSeconds('23:59:59', false), 86_399);
  assert.equal(wallTimeSeconds('24:00', false), undefined);
  assert.equal(wallTimeSeconds('24:00:00', true), 86_400);
  assert.equal(wallTimeSeconds('24:30', true), undefined);
  assert.equal(wallTimeSeconds('12:00:60', true), undefined);
  assert.equal(wallTimeSeconds('12h00', true), undefined);
});

test('daily windows: crossing midnight adds a day, 23:59:59 ends the day, equal ends span 24 hours', () => {
  assert.deepEqual(dailyWindow({ start: '09:00', end: '10:00' }), { startSecond: 32_400, endSecond: 36_000 });
  assert.deepEqual(dailyWindow({ start: '22:00', end: '02:00' }), { startSecond: 79_200, endSecond: 93_600 });
  assert.deepEqual(dailyWindow({ start: '00:00:00', end: '23:59:59' }), { startSecond: 0, endSecond: 86_400 });
  assert.deepEqual(dailyWindow({ start: '00:00', end: '00:00' }), { startSecond: 0, endSecond: 86_400 });
  assert.deepEqual(dailyWindow({ start: '09:00', end: '09:00' }), { startSecond: 32_400, endSecond: 118_800 });
});

test('CallDay values are the seven upper-case names; a bad one is named', () => {
  assert.deepEqual([...parseCallDays(['FRIDAY', 'MONDAY', 'FRIDAY'])], ['FRIDAY', 'MONDAY']);
  rejects(() => parseCallDays(['MONDAY', 'monday']), 'CallDay', /^CallDay\[1\] "monday" is not one of MONDAY, TUESDAY/);
  rejects(() => parseCallDays([7]), 'CallDay', /CallDay\[0\] 7 /);
});
