/** The replay-protection half of the Store contract. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/ports/store.js';
import { T0, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const TTL = 15 * 60 * 1000;

/** Fires `count` claims of the same nonce at once and returns how many succeeded. */
export async function countWinners(stores: Store[], count: number, nonce: string, now = T0): Promise<number> {
  const claims = Array.from({ length: count }, (_, i) => stores[i % stores.length]!.claimNonce('LTAIrace', nonce, now, now + TTL));
  const results = await Promise.all(claims);
  return results.filter(Boolean).length;
}

/** Registers the nonce tests for one adapter. */
export function nonceContract(openFreshStore: FreshStoreFactory): void {
  nonceClaimContract(openFreshStore);
  noncePurgeContract(openFreshStore);
}

function nonceClaimContract(openFreshStore: FreshStoreFactory): void {
  describe('nonces', () => {
    const store = useMigratedStore(openFreshStore);

    test('a nonce is accepted once while it lives', async () => {
      assert.equal(await store().claimNonce('LTAIk1', 'n-once', T0, T0 + TTL), true);
      assert.equal(await store().claimNonce('LTAIk1', 'n-once', T0, T0 + TTL), false);
      assert.equal(await store().claimNonce('LTAIk1', 'n-once', T0 + TTL - 1, T0 + 2 * TTL), false);
    });

    test('nonces are scoped by AccessKey', async () => {
      assert.equal(await store().claimNonce('LTAIk1', 'n-shared', T0, T0 + TTL), true);
      assert.equal(await store().claimNonce('LTAIk2', 'n-shared', T0, T0 + TTL), true);
      assert.equal(await store().claimNonce('LTAIk2', 'n-shared', T0, T0 + TTL), false);
      assert.equal(await store().claimNonce('LTAIk2', 'n-other', T0, T0 + TTL), true);
    });

    test('an expired nonce can be claimed again, and then lives until its new expiry', async () => {
      const first = T0 + 1000;
      assert.equal(await store().claimNonce('LTAIk1', 'n-expiry', T0, first), true);
      assert.equal(await store().claimNonce('LTAIk1', 'n-expiry', first - 1, first + TTL), false);
      assert.equal(await store().claimNonce('LTAIk1', 'n-expiry', first, first + TTL), true);
      assert.equal(await store().claimNonce('LTAIk1', 'n-expiry', first + TTL - 1, first + 2 * TTL), false);
      assert.equal(await store().claimNonce('LTAIk1', 'n-expiry', first + TTL, first + 2 * TTL), true);
    });

    test('20 concurrent claims of one nonce yield exactly one success', async () => {
      assert.equal(await countWinners([store()], 20, 'n-race'), 1);
    });

    test('20 concurrent claims of an expired nonce yield exactly one success', async () => {
      assert.equal(await store().claimNonce('LTAIrace', 'n-race-expired', T0, T0 + 10), true);
      assert.equal(await countWinners([store()], 20, 'n-race-expired', T0 + 10), 1);
    });
  });
}

function noncePurgeContract(openFreshStore: FreshStoreFactory): void {
  describe('nonce purge', () => {
    const store = useMigratedStore(openFreshStore);

    test('purge removes only expired nonces and reports how many', async () => {
      for (const [nonce, expiresAt] of [['p1', T0 + 1000], ['p2', T0 + 2000], ['p3', T0 + 3000]] as const) {
        assert.equal(await store().claimNonce('LTAIpurge', nonce, T0, expiresAt), true);
      }
      assert.equal(await store().purgeExpiredNonces(T0 + 500), 0);
      assert.equal(await store().purgeExpiredNonces(T0 + 2000), 2);
      assert.equal(await store().purgeExpiredNonces(T0 + 2000), 0);
      // p3 survived the purge, so it still refuses a replay.
      assert.equal(await store().claimNonce('LTAIpurge', 'p3', T0 + 2000, T0 + 9000), false);
      assert.equal(await store().purgeExpiredNonces(T0 + 3000), 1);
    });
  });
}
