import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../../ports/clock.js';
import type { Store } from '../../../ports/store.js';
import { openStore } from '../../../store/open-store.js';
import { DEFAULT_SIM_MODEL } from './sim-model.js';
import { SIM_MODEL_CACHE_MS, StoredSimModels } from './stored-sim-models.js';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');
let store: Store;

before(async () => {
  store = await openStore({ sqliteFile: ':memory:' });
  await store.migrate();
  for (const id of ['acc-a', 'acc-b', 'acc-c']) await store.insertAccount({ id, name: id, createdAt: T0 });
});
after(() => store.close());

test('set stores the model as written; the effective model fills what it leaves out from the default', async () => {
  const models = new StoredSimModels(store, new VirtualClock(T0));
  assert.deepEqual(await models.current('acc-a'), { model: DEFAULT_SIM_MODEL, isDefault: true });
  const written = { outcomes: { ANSWERED: 0.5, USER_BUSY: 0.5 } };
  const set = await models.set('acc-a', written, T0 + 1);
  assert.deepEqual(set.model.outcomes, written.outcomes);
  assert.deepEqual(set.model.talkSeconds, DEFAULT_SIM_MODEL.talkSeconds);
  assert.deepEqual(await models.current('acc-a'), set);
  assert.deepEqual(JSON.parse((await store.getSimModel('acc-a'))!.model), written, 'left-out fields keep following the default');
  assert.equal(await models.reset('acc-a'), true);
  assert.equal((await models.current('acc-a')).isDefault, true);
});

test('a bad model is refused with every problem named, and nothing is stored', async () => {
  const models = new StoredSimModels(store, new VirtualClock(T0));
  await assert.rejects(models.set('acc-b', { outcomes: { ANSWERED: 0.5 }, ringSeconds: { kind: 'uniform', min: 9, max: 2 } }, T0), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'InvalidArgument');
    assert.match(e.message, /outcomes: probabilities must sum to 1 \(got 0\.5\); ringSeconds: min must not exceed max/);
    return true;
  });
  assert.equal(await store.getSimModel('acc-b'), undefined);
});

test("the carrier's lookup sees another node's change only after the cache time; this node's own change at once", async () => {
  const clock = new VirtualClock(T0);
  const models = new StoredSimModels(store, clock);
  assert.equal(await models.modelFor('acc-c'), undefined, 'no model: the default');
  // Another dialer node (or process) writes the model straight to the shared database.
  await store.putSimModel({ accountId: 'acc-c', model: '{"outcomes":{"USER_BUSY":1}}', updatedAt: T0 });
  clock.advance(SIM_MODEL_CACHE_MS - 1);
  assert.equal(await models.modelFor('acc-c'), undefined, 'still the cached default');
  clock.advance(1);
  const busy = await models.modelFor('acc-c');
  assert.deepEqual(busy?.outcomes, { USER_BUSY: 1 });
  clock.advance(SIM_MODEL_CACHE_MS);
  assert.equal(await models.modelFor('acc-c'), busy, 'an unchanged row keeps its validated object');

  await models.set('acc-c', { outcomes: { ANSWERED: 1 } }, T0 + 1);
  assert.deepEqual((await models.modelFor('acc-c'))?.outcomes, { ANSWERED: 1 }, 'set through this instance: at once');
  await models.reset('acc-c');
  assert.equal(await models.modelFor('acc-c'), undefined, 'reset through this instance: at once');
});
