/** Fixtures shared by the Store contract files. */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { AccessKeyRecord, AccountRecord, Store } from '../../src/ports/store.js';

/** Opens a store over an empty database that has not been migrated yet; each call gives a separate database. */
export type FreshStoreFactory = () => Promise<Store>;

/** A realistic epoch-milliseconds base: above 2^32, so an engine that truncates or stringifies int8 is caught. */
export const T0 = 1_732_000_000_000;

/** An account fixture. */
export function account(id: string, createdAt = T0): AccountRecord {
  return { id, name: `name of ${id}`, createdAt, operator: false };
}

/** An AccessKey fixture. */
export function accessKey(id: string, accountId: string, createdAt = T0, lastUsedAt: number | null = null): AccessKeyRecord {
  return { id, accountId, secretCiphertext: `sealed:${id}`, status: 'Active', description: `key ${id}`, createdAt, lastUsedAt };
}

/** Opens and migrates a fresh store for one describe block, closing it afterwards. */
export function useMigratedStore(openFreshStore: FreshStoreFactory): () => Store {
  let store: Store | undefined;
  before(async () => {
    store = await openFreshStore();
    await store.migrate();
  });
  after(async () => store?.close());
  return () => {
    assert.ok(store, 'store not opened');
    return store;
  };
}

