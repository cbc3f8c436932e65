import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJson } from '../../render/json.js';
import { int64Id, okData, percent, present } from './envelope.js';

test('int64 ids render as JSON numbers with every digit', () => {
  assert.equal(toJson(okData(int64Id('9134627842295111687'))), '{"Code":"OK","Message":"OK","Success":true,"Data":9134627842295111687}');
});

test('rates read like the doc: "70%", "95.89%", "0%" for nothing', () => {
  assert.deepEqual([percent(7, 10), percent(9589, 10000), percent(2, 3), percent(0, 0), percent(1, 1)], ['70%', '95.89%', '66.67%', '0%', '100%']);
});

test('absent values are left out, falsy ones kept', () => {
  assert.deepEqual(present({ a: null, b: undefined, c: 0, d: '', e: false }), { c: 0, d: '', e: false });
});
