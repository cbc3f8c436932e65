/** The simulator-model half of the Store contract: one outcome model per account, kept as the JSON text it was set as. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { T0, account, useMigratedStore, type FreshStoreFactory } from './store-fixtures.js';

const BUSY = '{"outcomes":{"USER_BUSY":1}}';
const ANSWERED = '{"outcomes":{"ANSWERED":0.7,"NO_ANSWER":0.3},"talkSeconds":{"kind":"fixed","value":40}}';

/** Registers the simulator-model tests for one adapter. */
export function simModelContract(openFreshStore: FreshStoreFactory): void {
  describe('simulator models', () => {
    const store = useMigratedStore(openFreshStore);
    before(async () => {
      for (const id of ['sim-a', 'sim-b', 'sim-c', 'sim-d']) await store().insertAccount(account(id));
    });

    test('an account without a model reads as undefined, and deleting it reports there was none', async () => {
      assert.equal(await store().getSimModel('sim-a'), undefined);
      assert.equal(await store().deleteSimModel('sim-a'), false);
    });

    test('a stored model reads back exactly, with its time as a number', async () => {
      await store().putSimModel({ accountId: 'sim-b', model: ANSWERED, updatedAt: T0 + 5 });
      const got = await store().getSimModel('sim-b');
      assert.deepEqual(got, { accountId: 'sim-b', model: ANSWERED, updatedAt: T0 + 5 });
      assert.equal(typeof got?.updatedAt, 'number');
    });

    test('putting again replaces the model and its time; accounts keep their own', async () => {
      await store().putSimModel({ accountId: 'sim-c', model: ANSWERED, updatedAt: T0 });
      await store().putSimModel({ accountId: 'sim-d', model: ANSWERED, updatedAt: T0 });
      await store().putSimModel({ accountId: 'sim-c', model: BUSY, updatedAt: T0 + 60_000 });
      assert.deepEqual(await store().getSimModel('sim-c'), { accountId: 'sim-c', model: BUSY, updatedAt: T0 + 60_000 });
      assert.deepEqual(await store().getSimModel('sim-d'), { accountId: 'sim-d', model: ANSWERED, updatedAt: T0 });
    });

    test("deleting removes only that account's model, once", async () => {
      await store().putSimModel({ accountId: 'sim-a', model: BUSY, updatedAt: T0 });
      await store().putSimModel({ accountId: 'sim-b', model: BUSY, updatedAt: T0 });
      assert.equal(await store().deleteSimModel('sim-a'), true);
      assert.equal(await store().getSimModel('sim-a'), undefined);
      assert.equal(await store().deleteSimModel('sim-a'), false);
      assert.equal((await store().getSimModel('sim-b'))?.model, BUSY);
    });

    test('concurrent puts for one account leave exactly one of them', async () => {
      const models = Array.from({ length: 10 }, (_, i) => `{"talkSeconds":{"kind":"fixed","value":${i + 1}}}`);
      await Promise.all(models.map((model, i) => store().putSimModel({ accountId: 'sim-d', model, updatedAt: T0 + i })));
      const got = await store().getSimModel('sim-d');
      assert.ok(got && models.includes(got.model), `one of the models put, got ${JSON.stringify(got)}`);
      assert.equal(got.updatedAt, T0 + models.indexOf(got.model), 'model and time from the same put');
    });

    test('a model needs an existing account', async () => {
      await assert.rejects(store().putSimModel({ accountId: 'sim-nobody', model: BUSY, updatedAt: T0 }));
      assert.equal(await store().getSimModel('sim-nobody'), undefined);
    });
  });
}
