import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAcsTimestamp } from './timestamp.js';

test('the SDKs\' second-precision UTC form parses', () => {
  assert.equal(parseAcsTimestamp('2026-11-22T09:57:53Z'), Date.UTC(2026, 10, 22, 9, 57, 53));
});

test('non-zero-padded fields, as in Alibaba\'s own examples, are accepted', () => {
  assert.equal(parseAcsTimestamp('2018-3-29T12:00:00Z'), Date.UTC(2018, 2, 29, 12, 0, 0));
  assert.equal(parseAcsTimestamp('2018-3-9T2:5:7Z'), Date.UTC(2018, 2, 9, 2, 5, 7));
});

test('fractional seconds are accepted and kept to the millisecond', () => {
  assert.equal(parseAcsTimestamp('2026-11-22T09:57:53.5Z'), Date.UTC(2026, 10, 22, 9, 57, 53, 500));
  assert.equal(parseAcsTimestamp('2026-11-22T09:57:53.123456Z'), Date.UTC(2026, 10, 22, 9, 57, 53, 123));
});

test('leap days exist only in leap years', () => {
  assert.equal(parseAcsTimestamp('2024-02-29T00:00:00Z'), Date.UTC(2024, 1, 29));
  assert.equal(parseAcsTimestamp('2026-02-29T00:00:00Z'), undefined);
  assert.equal(parseAcsTimestamp('2100-02-29T00:00:00Z'), undefined);
  assert.equal(parseAcsTimestamp('2000-02-29T00:00:00Z'), Date.UTC(2000, 1, 29));
});

test('anything else is rejected', () => {
  for (const bad of [
    '', '2026-11-22', '2026-11-22T09:57:53', '2026-11-22 09:57:53Z', '2026-11-22T09:57:53+08:00', '2026/11/22T09:57:53Z',
    '2026-13-01T00:00:00Z', '2026-00-01T00:00:00Z', '2026-04-31T00:00:00Z', '2026-11-22T24:00:00Z', '2026-11-22T23:60:00Z',
    '2026-11-22T23:59:60Z', '1795417073', '2026-11-22T09:57:53.Z', ' 2026-11-22T09:57:53Z',
  ]) {
    assert.equal(parseAcsTimestamp(bad), undefined, bad);
  }
});
