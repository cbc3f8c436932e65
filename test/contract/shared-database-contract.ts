/** Contract for several stores (standing in for several processes) opened on one database. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/ports/store.js';
import { countWinners } from './store-contract-nonces.js';
import { T0, account } from './store-fixtures.js';

/** Opens two stores on the same empty, unmigrated database. */
export type StorePairFactory = () => Promise<[Store, Store]>;

/**
 * Opens the pair before the enclosing suite's tests and closes it after them; migrates them one after the other (both
 * must see the first one's migrations as done), then runs `setUp`. Returns the accessor the tests use.
 */
export function useStorePair(openPair: StorePairFactory, setUp: (first: Store) => Promise<void> = async () => {}): () => [Store, Store] {
  let stores: [Store, Store] | undefined;
  before(async () => {
    stores = await openPair();
    await stores[0].migrate();
    await stores[1].migrate();
    await setUp(stores[0]);
  });
  after(async () => {
    await Promise.all(stores?.map((s) => s.close()) ?? []);
  });
  return () => {
    assert.ok(stores, 'stores not opened');
    return stores;
  };
}

/** Registers the cross-store tests for one engine. */
export function sharedDatabaseContract(label: string, openPair: StorePairFactory): void {
  describe(`two stores on one database: ${label}`, () => {
    const pair = useStorePair(openPair);

    test('what one store writes the other reads', async () => {
      const [a, b] = pair();
      await a.insertAccount(account('acc-shared'));
      assert.deepEqual(await b.getAccount('acc-shared'), account('acc-shared'));
    });

    test('a nonce claimed through one store is refused by the other', async () => {
      const [a, b] = pair();
      assert.equal(await a.claimNonce('LTAIshared', 'n-cross', T0, T0 + 60_000), true);
      assert.equal(await b.claimNonce('LTAIshared', 'n-cross', T0 + 1, T0 + 60_000), false);
      assert.equal(await a.claimNonce('LTAIshared', 'n-cross', T0 + 2, T0 + 60_000), false);
    });

    test('20 concurrent claims spread over both stores yield exactly one success', async () => {
      assert.equal(await countWinners(pair(), 20, 'n-cross-race'), 1);
    });
  });
}
