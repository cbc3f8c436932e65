/**
 * HTTP push end to end: the dispatcher posts outbox messages to a receiver run by the test. The receiver fails three
 * times (HTTP 500, a 200 that is not an acknowledgement, no answer at all) and then recovers: nothing is lost, each
 * message arrives under one id however often it was sent, a call's messages arrive in order, every body is signed;
 * once the schedule runs out messages are kept as failed and a re-push delivers them.
 */
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SecretBox } from '../../src/core/accounts/secret-box.js';
import type { NewReceipt } from '../../src/core/receipts/receipt-records.js';
import { ReceiptDispatcher } from '../../src/core/receipts/receipt-dispatcher.js';
import { ReceiptSecrets } from '../../src/core/receipts/receipt-secrets.js';
import { ReceiptService } from '../../src/core/receipts/receipt-service.js';
import { verifyReceiptSignature } from '../../src/core/receipts/receipt-signature.js';
import { ReceiptSubscriptions } from '../../src/core/receipts/receipt-subscriptions.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import { HttpReceiptPusher } from '../../src/providers/receipts/http-receipt-pusher.js';
import { openStore } from '../../src/store/open-store.js';
import { startReceiptReceiver, type ReceiptReceiver, type ReceiverAnswer } from '../support/receipt-receiver.js';

const ACCOUNT = 'acc-push';

async function setup(script: (n: number) => ReceiverAnswer, schedule: number[]) {
  const receiver = await startReceiptReceiver(script);
  const store = await openStore({ sqliteFile: ':memory:' });
  await store.migrate();
  await store.insertAccount({ id: ACCOUNT, name: 'push', createdAt: Date.now() });
  for (const messageType of ['VoiceCallReport', 'VoiceReport'] as const) {
    await store.putReceiptConfig({ accountId: ACCOUNT, messageType, url: `${receiver.url}/${messageType}`, updatedAt: Date.now() });
  }
  const subscriptions = new ReceiptSubscriptions(store);
  await subscriptions.refresh();
  const secrets = new ReceiptSecrets(store, new SecretBox(randomBytes(32)), systemClock, (n) => randomBytes(n));
  const errors: unknown[] = [];
  const dispatcher = new ReceiptDispatcher(
    {
      store, subscriptions, secrets, clock: systemClock, timeZone: 'Asia/Shanghai', pusher: new HttpReceiptPusher(300),
      retrySchedule: schedule, owner: 'test-dispatcher', onError: (err) => errors.push(err),
    },
    { idleMs: 20, batchSize: 7, leaseMs: 5_000 },
  );
  return { receiver, store, secrets, dispatcher, errors, service: new ReceiptService(store, secrets, systemClock) };
}

/** Three calls, each with four state messages and one call record. */
function calls(): NewReceipt[] {
  const at = Date.now();
  return ['100^1', '100^2', '100^3'].flatMap((callId) => [
    ...[1, 2, 3, 4].map((seq) => ({
      id: `${callId}#${seq}`, accountId: ACCOUNT, messageType: 'VoiceCallReport' as const, callId, seq, mode: 'push' as const, createdAt: at,
      body: { call_id: callId, status_code: ['200101', '200201', '200102', '200100'][seq - 1]!, status_time: at + seq * 1000, out_id: 'o' },
    })),
    { id: `${callId}#5`, accountId: ACCOUNT, messageType: 'VoiceReport' as const, callId, seq: 5, mode: 'push' as const, createdAt: at, body: { call_id: callId, status_code: '200000', start_time: null } },
  ]);
}

async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function pendingCount(store: Store): Promise<number> {
  return (await store.pageReceipts(ACCOUNT, { status: 'pending' }, { pageNo: 1, pageSize: 1 })).total;
}

function deliveredIds(receiver: ReceiptReceiver): string[] {
  return receiver.posts.filter((p) => p.answer === 'ack').flatMap((p) => p.messages.map((m) => String(m.message_id)));
}

test('a receiver that fails three times then recovers gets every message once acknowledged, in order per call, signed', async () => {
  const failures: ReceiverAnswer[] = ['error-500', 'bad-body', 'hang'];
  const s = await setup((n) => failures[n] ?? 'ack', [100, 100, 100]);
  try {
    const sent = calls();
    await s.store.insertReceipts(sent);
    s.dispatcher.start();
    await until('every message delivered', async () => (await pendingCount(s.store)) === 0);
    await s.dispatcher.stop();

    assert.deepEqual(s.receiver.posts.slice(0, 3).map((p) => p.answer), failures);
    const delivered = deliveredIds(s.receiver);
    assert.deepEqual([...delivered].sort(), sent.map((m) => m.id).sort(), 'each message acknowledged exactly once');
    // A message re-sent after a failure carries the same id: every id ever posted is one of the messages.
    const everyPosted = s.receiver.posts.flatMap((p) => p.messages.map((m) => String(m.message_id)));
    assert.ok(everyPosted.length > delivered.length, 'some messages were sent more than once');
    assert.ok(everyPosted.every((id) => sent.some((m) => m.id === id)));

    // Order per call: a message is first posted only after the call's previous message of its type was acknowledged.
    for (const m of sent) {
      const previous = sent.find((p) => p.callId === m.callId && p.messageType === m.messageType && p.seq === m.seq - 1);
      if (!previous) continue;
      const firstPost = s.receiver.posts.findIndex((p) => p.messages.some((x) => x.message_id === m.id));
      const ackOfPrevious = s.receiver.posts.findIndex((p) => p.answer === 'ack' && p.messages.some((x) => x.message_id === previous.id));
      assert.ok(ackOfPrevious >= 0 && ackOfPrevious < firstPost, `${m.id} posted after ${previous.id} was acknowledged`);
    }

    const secret = await s.secrets.secretFor(ACCOUNT);
    for (const post of s.receiver.posts) {
      assert.ok(verifyReceiptSignature(secret, post.body, String(post.headers['x-waihu-signature'])), 'signed with the account secret');
      assert.ok(!verifyReceiptSignature(secret, `${post.body} `, String(post.headers['x-waihu-signature'])), 'a changed body fails verification');
      const type = String(post.headers['x-waihu-message-type']);
      assert.equal(post.path, `/receipts/${type}`, 'each type goes to its own URL');
      assert.ok(post.messages.every((m) => (type === 'VoiceReport') === (m.status_code === '200000')));
      assert.equal(post.headers['content-type'], 'application/json; charset=utf-8');
    }
    const first = s.receiver.posts.find((p) => p.answer === 'ack' && p.headers['x-waihu-message-type'] === 'VoiceCallReport')!.messages[0]!;
    assert.match(String(first.status_time), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/, 'times are written as Alibaba writes them');

    const log = await s.service.deliveries(ACCOUNT, {}, { pageNo: 1, pageSize: 100 });
    assert.ok(log.items.every((r) => r.status === 'delivered' && r.lastHttpStatus === 200 && r.deliveredAt !== null));
    for (const r of log.items) {
      const posted = s.receiver.posts.filter((p) => p.messages.some((m) => m.message_id === r.id)).length;
      assert.equal(r.attempts, posted, `the log counts every push of ${r.id}`);
    }
    assert.ok(log.items.some((r) => r.attempts >= 3), 'some message went through failures before its acknowledgement');
    assert.deepEqual(s.errors, []);
  } finally {
    await s.dispatcher.stop();
    await s.receiver.stop();
    await s.store.close();
  }
});

test('once the schedule runs out the messages stay as failed, visible in the log; a re-push delivers them', async () => {
  let healthy = false;
  const s = await setup(() => (healthy ? 'ack' : 'error-500'), [30, 30]);
  try {
    const sent = calls().filter((m) => m.seq === 1 || m.seq === 5);
    await s.store.insertReceipts(sent);
    s.dispatcher.start();
    await until('all failed', async () => (await pendingCount(s.store)) === 0);
    const failed = await s.service.deliveries(ACCOUNT, { status: 'failed' }, { pageNo: 1, pageSize: 100 });
    assert.equal(failed.total, sent.length, 'nothing deleted, nothing delivered');
    for (const r of failed.items) {
      assert.deepEqual([r.attempts, r.lastHttpStatus], [3, 500]);
      assert.match(String(r.lastError), /^HTTP 500: /);
    }
    healthy = true;
    const { queued, skipped } = await s.service.repush(ACCOUNT, [...sent.map((m) => m.id), 'nope#1']);
    assert.deepEqual([queued.length, skipped], [sent.length, ['nope#1']]);
    await until('re-pushed', async () => (await pendingCount(s.store)) === 0);
    assert.deepEqual(deliveredIds(s.receiver).sort(), sent.map((m) => m.id).sort());
    const log = await s.service.deliveries(ACCOUNT, { status: 'delivered' }, { pageNo: 1, pageSize: 100 });
    assert.ok(log.items.every((r) => r.attempts === 4));
  } finally {
    await s.dispatcher.stop();
    await s.receiver.stop();
    await s.store.close();
  }
});
