import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../ports/clock.js';
import type { ActionSpec } from './catalog/types.js';
import { GatewayError } from './errors.js';
import { Throttler, takeToken } from './throttle.js';

const spec = (perUser: number, api?: number): ActionSpec => ({
  product: 'dyvmsapi', version: '2017-05-25', action: 'GetToken', source: 'catalog', methods: ['POST'], params: [],
  qps: { perUser, ...(api ? { api } : {}) },
});

function codeOf(fn: () => void): string | undefined {
  try { fn(); return undefined; } catch (e) { return e instanceof GatewayError ? e.code : 'other'; }
}

test('a bucket allows its rate per second and says how long to wait', () => {
  const bucket = { tokens: 2, updatedAt: 0 };
  assert.equal(takeToken(bucket, 2, 0), 0);
  assert.equal(takeToken(bucket, 2, 0), 0);
  assert.equal(takeToken(bucket, 2, 0), 500);
  assert.equal(takeToken(bucket, 2, 500), 0);
});

test('per-AccessKey limit gives Throttling.User with x-acs-retry-after; other keys still pass', () => {
  const clock = new ManualClock(1_000_000);
  const throttler = new Throttler(clock);
  const s = spec(20, 100);
  for (let i = 0; i < 20; i++) throttler.check(s, 'AK1');
  let err: GatewayError | undefined;
  try { throttler.check(s, 'AK1'); } catch (e) { err = e as GatewayError; }
  assert.equal(err?.code, 'Throttling.User');
  assert.equal(err?.headers['x-acs-retry-after'], '50');
  assert.equal(codeOf(() => throttler.check(s, 'AK2')), undefined);
  clock.advance(1000);
  assert.equal(codeOf(() => throttler.check(s, 'AK1')), undefined);
});

test('the API-wide limit gives Throttling.Api across keys', () => {
  const throttler = new Throttler(new ManualClock(0));
  const s = spec(100, 3);
  const codes = ['A', 'B', 'C', 'D'].map((k) => codeOf(() => throttler.check(s, k)));
  assert.deepEqual(codes, [undefined, undefined, undefined, 'Throttling.Api']);
});

test('scale 0 disables throttling', () => {
  const throttler = new Throttler(new ManualClock(0), 0);
  for (let i = 0; i < 100; i++) throttler.check(spec(1), 'AK');
});
