import assert from 'node:assert/strict';
import { test } from 'node:test';
import { purgeExpiredReceipts } from './receipt-retention.js';

test('the purge deletes in rounds until a round comes back short, from now minus the retention', async () => {
  const calls: { before: number; limit: number }[] = [];
  const rounds = [5000, 5000, 12];
  const store = { purgeDeliveredReceipts: async (before: number, limit: number) => (calls.push({ before, limit }), rounds.shift() ?? 0) };
  const total = await purgeExpiredReceipts({ store, clock: { now: () => 10 * 86_400_000 } as never, retentionDays: 7 });
  assert.equal(total, 10_012);
  assert.equal(calls.length, 3);
  assert.ok(calls.every((c) => c.before === 3 * 86_400_000 && c.limit === 5000));
});
