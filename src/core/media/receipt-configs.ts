/** The receipt-setting use cases: set, clear and read the push URL of each message type. */
import type { Clock } from '../../ports/clock.js';
import type { ReceiptConfigStore } from '../../ports/voice-resource-store.js';
import { checkedMessageType, checkedReceiptUrl, isReceiptMessageType, PULL_RECEIPT_URL, RECEIPT_SETTING_TYPES, type ReceiptConfigRecord, type ReceiptSettingType } from './receipt-config.js';
import { DomainError } from '../errors.js';

/** What SetReceiptConfig did. */
export type ReceiptConfigChange = { set: ReceiptConfigRecord } | { removed: boolean; messageType: ReceiptSettingType };

/** The account's receipt push URLs. */
export class ReceiptConfigService {
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly store: ReceiptConfigStore,
    private readonly clock: Clock,
  ) {}

  /** Calls `listener` after every change (the receipt subscription cache re-reads at once in this process). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Sets the type's URL (or `pull:`), replacing any earlier one; an empty URL removes it instead (removed: false if none was set). */
  async set(accountId: string, rawType: string, rawUrl: string): Promise<ReceiptConfigChange> {
    const messageType = checkedMessageType(rawType);
    if (rawUrl.trim() === '') {
      const removed = await this.store.deleteReceiptConfig(accountId, messageType);
      this.changed();
      return { removed, messageType };
    }
    const url = checkedReceiptUrl(rawUrl);
    if (url === PULL_RECEIPT_URL && !isReceiptMessageType(messageType)) {
      throw new DomainError('InvalidArgument', `${messageType} is a callback URL the platform calls during a call; it cannot be pulled`, 'Url');
    }
    const record = { accountId, messageType, url, updatedAt: this.clock.now() };
    await this.store.putReceiptConfig(record);
    this.changed();
    return { set: record };
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** The configured URLs, in the order of RECEIPT_SETTING_TYPES; only the given type's when one is named. */
  async list(accountId: string, rawType?: string): Promise<ReceiptConfigRecord[]> {
    const only = rawType === undefined || rawType === '' ? undefined : checkedMessageType(rawType);
    const rows = await this.store.listReceiptConfigs(accountId);
    const rank = (t: ReceiptSettingType) => RECEIPT_SETTING_TYPES.indexOf(t);
    return rows.filter((r) => only === undefined || r.messageType === only).sort((a, b) => rank(a.messageType) - rank(b.messageType));
  }

  /** The URL the account set for that type (a push URL, `pull:`, or the SmartCall callback URL), if any. */
  async urlFor(accountId: string, messageType: ReceiptSettingType): Promise<string | undefined> {
    return (await this.store.listReceiptConfigs(accountId)).find((r) => r.messageType === messageType)?.url;
  }
}
