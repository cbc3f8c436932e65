import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JitterBuffer, type JitterBufferOptions } from './jitter-buffer.js';
import { sequenceAdd } from './rtp-packet.js';

interface Packet {
  sequence: number;
}

/**
 * Runs a buffer tick by tick: on tick t the packets of `arrivals[t]` are pushed, then one pop. Returns what each
 * tick played ('.' for nothing) and the buffer, for its stats.
 */
function run(arrivals: number[][], extraTicks = 0, options?: JitterBufferOptions): { played: string[]; buffer: JitterBuffer<Packet> } {
  const buffer = new JitterBuffer<Packet>(options);
  const played: string[] = [];
  for (let t = 0; t < arrivals.length + extraTicks; t++) {
    for (const sequence of arrivals[t] ?? []) buffer.push({ sequence });
    played.push(String(buffer.pop()?.sequence ?? '.'));
  }
  return { played, buffer };
}

/** One packet per tick, `first` onwards, `count` of them. */
function steady(first: number, count: number): number[][] {
  return Array.from({ length: count }, (_, k) => [sequenceAdd(first, k)]);
}

test('a steady stream plays in order after filling to depth, which is the delay it adds', () => {
  const { played, buffer } = run(steady(100, 6), 3);
  assert.deepEqual(played, ['.', '.', '100', '101', '102', '103', '104', '105', '.']);
  assert.deepEqual(buffer.stats(), { received: 6, played: 6, lost: 0, late: 0, duplicate: 0, overflow: 0, resyncs: 0 });
});

test('packets reordered within the depth come out in order, with nothing lost', () => {
  const { played, buffer } = run([[10], [11], [13], [12], [15], [14], [16], [18], [17]], 3);
  assert.deepEqual(played.filter((p) => p !== '.'), ['10', '11', '12', '13', '14', '15', '16', '17', '18']);
  assert.equal(buffer.stats().lost, 0);
  assert.equal(buffer.stats().late, 0);
});

test('a missing packet leaves an empty slot at its time, and arriving afterwards it is late', () => {
  const arrivals = steady(1, 8);
  arrivals[3] = []; // packet 4 delayed...
  arrivals[7]!.push(4); // ...until after its slot was played
  const { played, buffer } = run(arrivals, 3);
  assert.deepEqual(played, ['.', '.', '1', '2', '3', '.', '5', '6', '7', '8', '.']);
  assert.deepEqual(buffer.stats(), { received: 8, played: 7, lost: 1, late: 1, duplicate: 0, overflow: 0, resyncs: 0 });
});

test('duplicates are dropped: waiting ones as duplicates, already played ones as late', () => {
  const { played, buffer } = run([[1], [2, 1], [3], [4], [5, 1]], 2);
  assert.deepEqual(played.filter((p) => p !== '.'), ['1', '2', '3', '4', '5']);
  assert.equal(buffer.stats().duplicate, 1);
  assert.equal(buffer.stats().late, 1);
});

test('sequence numbers wrap from 65535 to 0 without a hiccup, reordered across the wrap', () => {
  const { played, buffer } = run([[65533], [65535], [65534], [1], [0], [2], [3]], 3);
  assert.deepEqual(played.filter((p) => p !== '.'), ['65533', '65534', '65535', '0', '1', '2', '3']);
  assert.equal(buffer.stats().lost, 0);
});

test('packets that overtake the first one before playing starts are still played first', () => {
  const { played, buffer } = run([[7], [5], [6], [8]], 3);
  assert.deepEqual(played, ['.', '.', '5', '6', '7', '8', '.']);
  assert.equal(buffer.stats().late, 0);
});

test('a sender pause drains the buffer, which refills to depth when it resumes, counting no loss', () => {
  const arrivals = [...steady(1, 4), [], [], [], [], ...steady(5, 4)];
  const { played, buffer } = run(arrivals, 3);
  assert.deepEqual(played, ['.', '.', '1', '2', '3', '4', '.', '.', '.', '.', '5', '6', '7', '8', '.']);
  assert.equal(buffer.stats().lost, 0);
  const late = run([[1], [2], [3], [], [], [], [2]], 0);
  assert.equal(late.buffer.stats().late, 1, 'a packet already played stays late even while refilling');
});

test('a burst beyond capacity drops the oldest waiting packets and keeps playing from the newest', () => {
  const burst = Array.from({ length: 12 }, (_, k) => 20 + k);
  const { played, buffer } = run([[18, 19], burst], 12, { depth: 2, capacity: 8 });
  assert.deepEqual(played.filter((p) => p !== '.'), ['18', '24', '25', '26', '27', '28', '29', '30', '31']);
  assert.deepEqual(buffer.stats(), { received: 14, played: 9, lost: 0, late: 0, duplicate: 0, overflow: 5, resyncs: 0 }, '19-23 dropped');
  assert.equal(buffer.size, 0);
});

test('a jump of thousands of sequence numbers restarts the buffer on the new stream', () => {
  const { played, buffer } = run([...steady(1, 4), ...steady(40_000, 4)], 3);
  assert.deepEqual(played.filter((p) => p !== '.'), ['1', '2', '40000', '40001', '40002', '40003']);
  assert.equal(buffer.stats().resyncs, 1);
  assert.equal(buffer.stats().lost, 0, 'the jump is not counted as tens of thousands of losses');
});

test('sizes are checked', () => {
  assert.throws(() => new JitterBuffer({ depth: 0 }), RangeError);
  assert.throws(() => new JitterBuffer({ depth: 5, capacity: 4 }), RangeError);
  const buffer = new JitterBuffer<Packet>({ depth: 5 });
  for (let s = 0; s < 5; s++) buffer.push({ sequence: s });
  assert.equal(buffer.size, 5);
  assert.equal(buffer.pop()?.sequence, 0);
});
