import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PromptQueue } from './prompt-queue.js';

test('prompts play in order, each starting on a frame boundary', async () => {
  const queue = new PromptQueue();
  const order: string[] = [];
  const a = queue.enqueue(Int16Array.from([1, 2, 3])).then((r) => order.push(`a:${r.completed}`));
  const b = queue.enqueue(Int16Array.from([4, 5, 6, 7, 8])).then((r) => order.push(`b:${r.completed}`));
  const frame = new Int16Array(4).fill(-1);
  const taken: number[][] = [];
  while (queue.take(frame)) taken.push([...frame]);
  assert.deepEqual(taken, [[1, 2, 3, 0], [4, 5, 6, 7], [8, 0, 0, 0]]);
  await Promise.all([a, b]);
  assert.deepEqual(order, ['a:true', 'b:true']);
  assert.equal(queue.take(frame), false);
  assert.deepEqual([...frame], [8, 0, 0, 0], 'an idle take leaves the frame alone');
});

test('stop() settles the playing and the waiting prompts as not completed', async () => {
  const queue = new PromptQueue();
  const a = queue.enqueue(new Int16Array(10));
  const b = queue.enqueue(new Int16Array(10));
  queue.take(new Int16Array(4));
  queue.stop();
  assert.equal(queue.playing, false);
  assert.deepEqual(await Promise.all([a, b]), [{ completed: false }, { completed: false }]);
});
