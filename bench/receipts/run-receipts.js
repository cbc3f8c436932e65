// The receipts bench: records per second the push dispatcher delivers from the SQLite outbox to a local receiver
// (claim with leases, render, sign, POST JSON-array batches, record each push), next to the reference measured in
// the same run: the same batches POSTed to the same receiver straight from memory, no database. Target (issue 5):
// at least 20,000 records per second. BENCH_RECEIPT_CALLS (default 20000) calls of 5 records each (4 VoiceCallReport
// states in order per call, 1 VoiceReport).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../dist/core/accounts/secret-box.js';
import { ReceiptDispatcher } from '../../dist/core/receipts/receipt-dispatcher.js';
import { ReceiptSecrets } from '../../dist/core/receipts/receipt-secrets.js';
import { ReceiptSubscriptions } from '../../dist/core/receipts/receipt-subscriptions.js';
import { renderBatch } from '../../dist/core/receipts/render-receipt.js';
import { signReceiptBody } from '../../dist/core/receipts/receipt-signature.js';
import { systemClock } from '../../dist/ports/clock.js';
import { HttpReceiptPusher } from '../../dist/providers/receipts/http-receipt-pusher.js';
import { openStore } from '../../dist/store/open-store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const TARGET_RECORDS_PER_SECOND = 20_000;
const ACCOUNT = 'bench-receipts';
const BATCH = 200;
const PARALLEL = 8;

function startReceiver() {
  const child = fork(path.join(here, 'receiver.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (message, key) => new Promise((resolve) => {
    const on = (m) => { if (key in m) { child.off('message', on); resolve(m[key]); } };
    child.on('message', on);
    if (message) child.send(message);
  });
  return { ready: ask(undefined, 'port'), count: () => ask('count', 'records'), stop: () => (child.send('stop'), new Promise((r) => child.once('exit', r))) };
}

function recordsOf(calls, at) {
  const out = [];
  for (let c = 0; c < calls; c++) {
    const callId = `1000${c}^${c}`;
    for (let seq = 1; seq <= 4; seq++) {
      out.push({ id: `${callId}#${seq}`, accountId: ACCOUNT, messageType: 'VoiceCallReport', callId, seq, mode: 'push', createdAt: at,
        body: { call_id: callId, status_code: ['200101', '200201', '200102', '200100'][seq - 1], smart_status_code: '', status_time: at + seq, out_id: `o-${c}` } });
    }
    out.push({ id: `${callId}#5`, accountId: ACCOUNT, messageType: 'VoiceReport', callId, seq: 5, mode: 'push', createdAt: at,
      body: { call_id: callId, start_time: at, end_time: at + 9000, duration: '9', status_code: '200000', smart_status_code: 'ANSWERED', status_msg: '用户接通',
        out_id: `o-${c}`, caller: '057100000001', callee: `138${String(c).padStart(8, '0')}`, hangup_direction: '用户', toll_type: 'UNKNOWN', originate_time: at, ring_time: at } });
  }
  return out;
}

/** The reference: the same records, rendered, signed and POSTed in batches of BATCH, PARALLEL at a time, from memory. */
async function reference(url, records) {
  const pusher = new HttpReceiptPusher();
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < records.length) {
      const batch = records.slice(next, (next += BATCH));
      const body = renderBatch(batch, 'Asia/Shanghai');
      const result = await pusher.push({ url, body, headers: { 'content-type': 'application/json', 'x-waihu-signature': signReceiptBody('s', body, Date.now()) } });
      if (!result.ok) throw new Error(result.error);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return records.length / ((performance.now() - started) / 1000);
}

/** waihu: the dispatcher drains the outbox; timed from its start until the receiver has every record. */
async function waihu(url, records, receiver) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'waihu-bench-receipts-'));
  const store = await openStore({ sqliteFile: path.join(dir, 'waihu.db') });
  try {
    await store.migrate();
    await store.insertAccount({ id: ACCOUNT, name: 'bench', createdAt: Date.now() });
    for (const messageType of ['VoiceCallReport', 'VoiceReport']) await store.putReceiptConfig({ accountId: ACCOUNT, messageType, url, updatedAt: Date.now() });
    for (let i = 0; i < records.length; i += 5000) await store.insertReceipts(records.slice(i, i + 5000));
    const subscriptions = new ReceiptSubscriptions(store);
    await subscriptions.refresh();
    const secrets = new ReceiptSecrets(store, new SecretBox(randomBytes(32)), systemClock, (n) => randomBytes(n));
    const errors = [];
    const dispatcher = new ReceiptDispatcher({
      store, subscriptions, secrets, clock: systemClock, timeZone: 'Asia/Shanghai', pusher: new HttpReceiptPusher(), retrySchedule: [60_000],
      owner: 'bench', onError: (err) => errors.push(err),
    }, { batchSize: BATCH, parallel: PARALLEL, idleMs: 5 });
    const before = await receiver.count();
    const started = performance.now();
    dispatcher.start();
    while ((await receiver.count()) - before < records.length) await new Promise((r) => setTimeout(r, 5));
    const seconds = (performance.now() - started) / 1000;
    await dispatcher.stop();
    if (errors.length) throw errors[0];
    const pending = (await store.pageReceipts(ACCOUNT, { status: 'pending' }, { pageNo: 1, pageSize: 1 })).total;
    if (pending !== 0) throw new Error(`${pending} records still pending after delivery`);
    return records.length / seconds;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs both and returns the figures. */
export async function runReceiptBench(options) {
  const receiver = startReceiver();
  const port = await receiver.ready;
  const url = `http://127.0.0.1:${port}/receipts`;
  try {
    const records = recordsOf(options.calls, Date.now());
    const referenceRate = await reference(url, records);
    const waihuRate = await waihu(url, records, receiver);
    return { records: records.length, referenceRate, waihuRate, ratio: waihuRate / referenceRate, target: TARGET_RECORDS_PER_SECOND };
  } finally {
    await receiver.stop();
  }
}

/** The report lines. */
export function formatReceipts(r) {
  const f = (n) => Math.round(n).toLocaleString('en-US');
  return [
    `receipts pushed: ${f(r.records)} records (4 states + 1 call record per call), batches of ${BATCH}, ${PARALLEL} POSTs in flight`,
    `  reference (same batches POSTed from memory, no database): ${f(r.referenceRate)} records/s`,
    `  waihu dispatcher (SQLite outbox, leases, per-call order):  ${f(r.waihuRate)} records/s  = ${(r.ratio * 100).toFixed(0)}% of the reference`,
    `  target >= ${f(r.target)} records/s: ${r.waihuRate >= r.target ? 'PASS' : 'FAIL'}`,
  ];
}
