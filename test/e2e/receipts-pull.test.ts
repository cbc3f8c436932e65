/**
 * The pull API under two concurrent consumers: 40 calls with 5 messages each. Nothing is lost; a message is handed
 * out again only after a consumer let its visibility timeout pass without deleting it (the documented at-least-once
 * rule); a call's messages are handed out in order, the next only once the previous one was deleted.
 */
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SecretBox } from '../../src/core/accounts/secret-box.js';
import type { NewReceipt } from '../../src/core/receipts/receipt-records.js';
import { ReceiptSecrets } from '../../src/core/receipts/receipt-secrets.js';
import { ReceiptService } from '../../src/core/receipts/receipt-service.js';
import { systemClock } from '../../src/ports/clock.js';
import { openStore } from '../../src/store/open-store.js';

const ACCOUNT = 'acc-pull';

test('two consumers pulling at once lose nothing, duplicate only what they let time out, keep each call in order', async () => {
  const store = await openStore({ sqliteFile: ':memory:' });
  await store.migrate();
  await store.insertAccount({ id: ACCOUNT, name: 'pull', createdAt: Date.now() });
  const service = new ReceiptService(store, new ReceiptSecrets(store, new SecretBox(randomBytes(32)), systemClock, (n) => randomBytes(n)), systemClock);
  const at = Date.now();
  const messages: NewReceipt[] = [];
  for (let c = 0; c < 40; c++) {
    for (let seq = 1; seq <= 5; seq++) {
      messages.push({ id: `9^${c}#${seq}`, accountId: ACCOUNT, messageType: 'VoiceCallReport', callId: `9^${c}`, seq, mode: 'pull', createdAt: at, body: { call_id: `9^${c}`, seq } });
    }
  }
  await store.insertReceipts(messages);

  const deletedAt = new Map<string, number>();
  const handedOut: { id: string; step: number; consumer: string }[] = [];
  let step = 0;
  let abandoned = 0;
  const consumer = async (name: string) => {
    let idle = 0;
    while (idle < 20) {
      const got = await service.receive(ACCOUNT, 'VoiceCallReport', 7, 1);
      if (got.length === 0) {
        idle++;
        await new Promise((r) => setTimeout(r, 60));
        continue;
      }
      idle = 0;
      for (const g of got) handedOut.push({ id: g.record.id, step: step++, consumer: name });
      // Consumer b "crashes" on its first few batches: it never deletes them, so they come back after 1 s.
      if (name === 'b' && abandoned < 2) {
        abandoned++;
        continue;
      }
      const { deleted, failed } = await service.delete(ACCOUNT, got.map((g) => g.receiptHandle));
      assert.deepEqual(failed, []);
      for (const g of got) if (deleted.includes(g.receiptHandle)) deletedAt.set(g.record.id, step++);
    }
  };
  await Promise.all([consumer('a'), consumer('b')]);

  assert.equal(deletedAt.size, messages.length, 'every message deleted once');
  const counts = new Map<string, number>();
  for (const h of handedOut) counts.set(h.id, (counts.get(h.id) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  assert.ok(repeated.length > 0 && repeated.length <= 14, `only the abandoned messages came back (${repeated.length})`);
  for (const id of repeated) {
    const firsts = handedOut.filter((h) => h.id === id);
    assert.equal(firsts[0]!.consumer, 'b', `${id} came back only after b let it time out`);
  }
  for (const m of messages) {
    if (m.seq === 1) continue;
    const previous = deletedAt.get(`${m.callId}#${m.seq - 1}`)!;
    const first = handedOut.find((h) => h.id === m.id)!.step;
    assert.ok(previous < first, `${m.id} handed out only after ${m.callId}#${m.seq - 1} was deleted`);
  }
  const log = await service.deliveries(ACCOUNT, { status: 'delivered' }, { pageNo: 1, pageSize: 1 });
  assert.equal(log.total, messages.length);
  await store.close();
});
