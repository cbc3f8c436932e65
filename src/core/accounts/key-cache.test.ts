import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../../ports/clock.js';
import type { KeyForAuth } from './access-keys.js';
import { KeyCache } from './key-cache.js';

test('the cache serves repeated lookups from memory until the TTL passes or it is invalidated', async () => {
  const clock = new ManualClock(0);
  let calls = 0;
  let active = true;
  const cache = new KeyCache(async (): Promise<KeyForAuth> => { calls++; return { accountId: 'A', secret: 's', active }; }, clock, 5000);
  assert.equal((await cache.get('K'))?.active, true);
  active = false;
  assert.equal((await cache.get('K'))?.active, true, 'still cached');
  assert.equal(calls, 1);
  clock.advance(5001);
  assert.equal((await cache.get('K'))?.active, false, 'a change elsewhere is seen after the TTL');
  active = true;
  cache.invalidate('K');
  assert.equal((await cache.get('K'))?.active, true, 'a change here is seen at once');
  assert.equal(calls, 3);
});

test('concurrent lookups of an uncached key share one read, and a failed read is not cached', async () => {
  const clock = new ManualClock(0);
  let calls = 0;
  let fail = true;
  const cache = new KeyCache(async (): Promise<KeyForAuth> => {
    calls++;
    await new Promise((r) => setImmediate(r));
    if (fail) throw new Error('database unavailable');
    return { accountId: 'A', secret: 's', active: true };
  }, clock);
  const results = await Promise.allSettled([cache.get('K'), cache.get('K'), cache.get('K')]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected', 'rejected']);
  assert.equal(calls, 1);
  fail = false;
  assert.equal((await cache.get('K'))?.accountId, 'A');
  assert.equal(calls, 2);
});
