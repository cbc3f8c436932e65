import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TurnBatcher } from './turn-batcher.js';

test('calls made in one turn share one round and get their own answers in order', async () => {
  const rounds: number[][] = [];
  const batcher = new TurnBatcher(async (inputs: readonly number[]) => {
    rounds.push([...inputs]);
    return inputs.map((n) => n * 10);
  }, 100);
  const answers = await Promise.all([1, 2, 3].map((n) => batcher.run(n)));
  assert.deepEqual(answers, [10, 20, 30]);
  assert.deepEqual(rounds, [[1, 2, 3]]);
  assert.equal(await batcher.run(4), 40);
  assert.deepEqual(rounds, [[1, 2, 3], [4]], 'a later turn is a new round');
});

test('a turn larger than the batch size is split into rounds of at most that size', async () => {
  const sizes: number[] = [];
  const batcher = new TurnBatcher(async (inputs: readonly number[]) => (sizes.push(inputs.length), inputs), 2);
  assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.run(n))), [1, 2, 3, 4, 5]);
  assert.deepEqual(sizes, [2, 2, 1]);
});

test('a failed round rejects every call of it and leaves the next round unaffected', async () => {
  let fail = true;
  const batcher = new TurnBatcher(async (inputs: readonly string[]) => {
    if (fail) throw new Error('database is locked');
    return inputs;
  }, 10);
  const results = await Promise.allSettled([batcher.run('a'), batcher.run('b')]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  fail = false;
  assert.equal(await batcher.run('c'), 'c');
});

test('a round that answers the wrong number of outputs is an error, not a silent mix-up', async () => {
  const batcher = new TurnBatcher(async () => [1], 10);
  await assert.rejects(Promise.all([batcher.run(1), batcher.run(2)]), /answered 1 of 2/);
});
