/**
 * Keeps the outbox from growing without end: every hour, delivered receipts (pushed and acknowledged, or pulled and
 * deleted) older than the retention are deleted, in rounds of a few thousand so no statement holds the database for
 * long. Pending and failed receipts are never purged: they are still owed to the customer.
 */
import type { Clock } from '../../ports/clock.js';
import type { ReceiptStore } from '../../ports/receipt-store.js';

const DAY_MS = 86_400_000;
/** How often the purge runs. */
export const RETENTION_INTERVAL_MS = 3_600_000;
/** Receipts deleted per statement. */
const ROUND = 5_000;

/** What the purge needs. */
export interface ReceiptRetentionDeps {
  store: Pick<ReceiptStore, 'purgeDeliveredReceipts'>;
  clock: Clock;
  retentionDays: number;
  onError(err: unknown): void;
}

/** Deletes every delivered receipt older than the retention; returns how many. */
export async function purgeExpiredReceipts(deps: Omit<ReceiptRetentionDeps, 'onError'>): Promise<number> {
  const before = deps.clock.now() - deps.retentionDays * DAY_MS;
  let total = 0;
  for (;;) {
    const n = await deps.store.purgeDeliveredReceipts(before, ROUND);
    total += n;
    if (n < ROUND) return total;
  }
}

/**
 * Runs the purge now and then every RETENTION_INTERVAL_MS (a run still going is not doubled) until the returned stop
 * function is called; stop resolves once a run in progress has finished, so the store can close after it.
 */
export function startReceiptRetention(deps: ReceiptRetentionDeps): () => Promise<void> {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= purgeExpiredReceipts(deps).then(() => undefined, deps.onError).finally(() => (running = undefined));
  };
  run();
  const timer = setInterval(run, RETENTION_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
