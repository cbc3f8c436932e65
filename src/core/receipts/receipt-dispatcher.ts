/**
 * The push loop: claims due messages (leased, so two processes never push one message at once), posts them to each
 * account's URL as JSON-array batches per (account, type), and records each push: delivered on HTTP 200 with
 * `{"code":0}`, otherwise re-pushed per the retry schedule and kept as failed once it runs out. Everything it knows
 * is in the database, so a restart simply carries on (a lease of a crashed process expires and is claimed again).
 */
import type { RecordingUrls } from '../recordings/recording-links.js';
import type { Clock } from '../../ports/clock.js';
import type { PushSettlement, ReceiptPusher, ReceiptStore } from '../../ports/receipt-store.js';
import type { ReceiptMessageType } from '../media/receipt-config.js';
import { receiptModeOf } from '../media/receipt-config.js';
import type { ReceiptRecord } from './receipt-records.js';
import type { ReceiptSecrets } from './receipt-secrets.js';
import { SIGNATURE_HEADER, signReceiptBody } from './receipt-signature.js';
import type { ReceiptSubscriptions } from './receipt-subscriptions.js';
import { renderBatch } from './render-receipt.js';
import { nextPushAt } from './retry-schedule.js';

/** What the dispatcher works with. */
export interface ReceiptDispatcherDeps {
  store: ReceiptStore;
  pusher: ReceiptPusher;
  subscriptions: Pick<ReceiptSubscriptions, 'urlFor'>;
  secrets: Pick<ReceiptSecrets, 'secretFor'>;
  clock: Clock;
  /** Zone the `*_time` fields are written in. */
  timeZone: string;
  /** Turns recording receipts' blob keys into links. */
  recordingUrls?: RecordingUrls;
  /** Delays before each re-push (retry-schedule.ts). */
  retrySchedule: readonly number[];
  /** This process's lease owner id. */
  owner: string;
  onError(err: unknown, context: string): void;
}

/** Tuning; the defaults suit one process. */
export interface ReceiptDispatcherOptions {
  /** How long a claim is held; longer than a push can take (the pusher's timeout). */
  leaseMs?: number;
  /** Messages claimed per pass. */
  claimLimit?: number;
  /** Messages per POST. */
  batchSize?: number;
  /** POSTs in flight at once. */
  parallel?: number;
  /** Wait after a pass that found nothing. */
  idleMs?: number;
}

/** The push loop; see the module comment. */
export class ReceiptDispatcher {
  private readonly opts: Required<ReceiptDispatcherOptions>;
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();

  constructor(private readonly deps: ReceiptDispatcherDeps, options: ReceiptDispatcherOptions = {}) {
    this.opts = { leaseMs: 60_000, claimLimit: 2000, batchSize: 200, parallel: 8, idleMs: 250, ...options };
  }

  /** Runs passes until stop(). */
  start(): void {
    this.running ??= this.loop();
  }

  /** Finishes the pass in progress and stops. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  /** One pass: claim, push, record. Returns how many messages it handled. */
  async pass(): Promise<number> {
    const { store, clock, owner } = this.deps;
    const claimed = await store.claimPushReceipts({ now: clock.now(), owner, leaseMs: this.opts.leaseMs, limit: this.opts.claimLimit });
    const batches: ReceiptRecord[][] = [];
    for (const group of groupByDestination(claimed)) {
      const first = group[0]!;
      const url = this.deps.subscriptions.urlFor(first.accountId, first.messageType);
      const ids = group.map((r) => r.id);
      if (url === undefined) await this.settle(ids, { at: clock.now(), outcome: 'failed', httpStatus: null, error: `no receipt setting for ${first.messageType} any more` });
      else if (receiptModeOf(url) === 'pull') await store.moveReceiptsToPull(owner, ids, clock.now());
      else for (let i = 0; i < group.length; i += this.opts.batchSize) batches.push(group.slice(i, i + this.opts.batchSize));
    }
    let next = 0;
    const worker = async () => {
      while (next < batches.length) await this.pushBatch(batches[next++]!).catch((err: unknown) => this.deps.onError(err, 'receipt push'));
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.parallel, batches.length) }, worker));
    return claimed.length;
  }

  private async loop(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      const handled = await this.pass().catch((err: unknown) => (this.deps.onError(err, 'receipt dispatcher pass'), 0));
      if (handled === 0) await this.deps.clock.sleep(this.opts.idleMs, signal).catch(() => undefined);
    }
  }

  /** Posts one batch (all of one account and type) and records the result per retry stage. */
  private async pushBatch(batch: readonly ReceiptRecord[]): Promise<void> {
    const { accountId, messageType } = batch[0]!;
    const url = this.deps.subscriptions.urlFor(accountId, messageType) as string;
    const body = renderBatch(batch, this.deps.timeZone, this.deps.recordingUrls);
    const secret = await this.deps.secrets.secretFor(accountId);
    const result = await this.deps.pusher.push({ url, body, headers: this.headers(secret, body, messageType, batch.length) });
    const at = this.deps.clock.now();
    if (result.ok) {
      await this.settle(batch.map((r) => r.id), { at, outcome: 'delivered', httpStatus: result.httpStatus, error: null });
      return;
    }
    // Messages of one batch may stand at different places in the schedule (a re-pushed one joins fresh ones).
    const byStage = new Map<number, string[]>();
    for (const r of batch) byStage.set(r.roundAttempts, [...(byStage.get(r.roundAttempts) ?? []), r.id]);
    for (const [stage, ids] of byStage) {
      const dueAt = nextPushAt(stage, at, this.deps.retrySchedule);
      const base = { at, httpStatus: result.httpStatus, error: result.error };
      await this.settle(ids, dueAt === null ? { ...base, outcome: 'failed' } : { ...base, outcome: 'retry', dueAt });
    }
  }

  private headers(secret: string, body: string, messageType: ReceiptMessageType, count: number): Record<string, string> {
    return {
      'content-type': 'application/json; charset=utf-8',
      [SIGNATURE_HEADER]: signReceiptBody(secret, body, this.deps.clock.now()),
      'x-waihu-message-type': messageType,
      'x-waihu-message-count': String(count),
    };
  }

  private async settle(ids: readonly string[], settlement: PushSettlement): Promise<void> {
    await this.deps.store.settlePushReceipts(this.deps.owner, ids, settlement);
  }
}

/** The claimed messages per (account, type), each group in claim order. */
function groupByDestination(records: readonly ReceiptRecord[]): ReceiptRecord[][] {
  const groups = new Map<string, ReceiptRecord[]>();
  for (const r of records) {
    const key = `${r.accountId}\u0000${r.messageType}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()];
}
