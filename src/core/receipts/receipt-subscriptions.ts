/**
 * Which message types each account takes, and where: a copy of every account's receipt settings in memory,
 * re-read every few seconds. The dialer asks it once per call, synchronously, so an account without subscriptions
 * costs its calls one map lookup and no outbox write; a setting takes effect within one refresh (docs/receipts.md).
 */
import { isReceiptMessageType, receiptModeOf, type ReceiptConfigRecord, type ReceiptMessageType } from '../media/receipt-config.js';
import type { SubscribedTypes } from './receipt-records.js';

/** Where the settings come from (the store). */
export interface ReceiptConfigSource {
  listAllReceiptConfigs(): Promise<ReceiptConfigRecord[]>;
}

/** How often the cache re-reads the settings by default. */
export const SUBSCRIPTION_REFRESH_MS = 2_000;

/** The cache; see the module comment. */
export class ReceiptSubscriptions {
  private types = new Map<string, SubscribedTypes>();
  private urls = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly source: ReceiptConfigSource,
    private readonly refreshMs = SUBSCRIPTION_REFRESH_MS,
  ) {}

  /** The account's subscribed types and their modes; undefined when it takes none (the common, free case). */
  typesFor(accountId: string): SubscribedTypes | undefined {
    return this.types.get(accountId);
  }

  /** The push URL (or `pull:`) of the account's type, if it is subscribed. */
  urlFor(accountId: string, messageType: ReceiptMessageType): string | undefined {
    return this.urls.get(`${accountId}\u0000${messageType}`);
  }

  /** Re-reads every setting now (concurrent calls share one read). */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Loads once, then keeps refreshing in the background until stop(). */
  async start(onError: (err: unknown) => void): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => this.refresh().catch(onError), this.refreshMs);
    this.timer.unref();
  }

  /** Stops the background refresh. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async load(): Promise<void> {
    const rows = await this.source.listAllReceiptConfigs();
    const types = new Map<string, Partial<Record<ReceiptMessageType, 'push' | 'pull'>>>();
    const urls = new Map<string, string>();
    for (const row of rows) {
      // Callback URLs (SmartCallCallback) live beside the receipt URLs but subscribe nothing.
      if (!isReceiptMessageType(row.messageType)) continue;
      const forAccount = types.get(row.accountId) ?? {};
      forAccount[row.messageType] = receiptModeOf(row.url);
      types.set(row.accountId, forAccount);
      urls.set(`${row.accountId}\u0000${row.messageType}`, row.url);
    }
    this.types = types;
    this.urls = urls;
  }
}
