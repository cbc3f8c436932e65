import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NonceBatcher, claimKey, type NonceClaim } from './nonce-batcher.js';

const claim = (nonce: string, accessKeyId = 'AK'): NonceClaim => ({ accessKeyId, nonce, now: 1000, expiresAt: 2000 });

test('claims made in one turn are written in one call, each told whether it recorded its nonce', async () => {
  const calls: NonceClaim[][] = [];
  const taken = new Set([claimKey('AK', 'old')]);
  const batcher = new NonceBatcher(async (claims) => {
    calls.push([...claims]);
    const recorded = new Set<string>();
    for (const c of claims) {
      const key = claimKey(c.accessKeyId, c.nonce);
      if (!taken.has(key)) { taken.add(key); recorded.add(key); }
    }
    return recorded;
  });
  const results = await Promise.all([batcher.claim(claim('a')), batcher.claim(claim('old')), batcher.claim(claim('a')), batcher.claim(claim('a', 'AK2'))]);
  assert.deepEqual(results, [true, false, false, true], 'the repeat of "a" in the same turn is a replay');
  assert.equal(calls.length, 1);
  assert.deepEqual(calls[0]!.map((c) => `${c.accessKeyId}/${c.nonce}`), ['AK/a', 'AK/old', 'AK2/a'], 'duplicates are not sent');
  assert.equal(await batcher.claim(claim('b')), true);
  assert.equal(calls.length, 2, 'a later turn is a new batch');
});

test('a failed write rejects every claim of its batch, and the next batch works again', async () => {
  let fail = true;
  const batcher = new NonceBatcher(async (claims) => {
    if (fail) throw new Error('database is locked');
    return new Set(claims.map((c) => claimKey(c.accessKeyId, c.nonce)));
  });
  const outcomes = await Promise.allSettled([batcher.claim(claim('x')), batcher.claim(claim('y'))]);
  assert.deepEqual(outcomes.map((o) => o.status), ['rejected', 'rejected']);
  fail = false;
  assert.equal(await batcher.claim(claim('x')), true);
});
