/**
 * The receipt actions' use cases: pull (receive, delete), the delivery log, re-push and the signing secret. Pull is
 * at-least-once: a received message not deleted within its visibility timeout is handed out again, with a new
 * handle; a call's next message of the type is handed out only once the previous one is deleted (docs/receipts.md).
 */
import type { Clock } from '../../ports/clock.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type { ReceiptFilter, ReceiptStore } from '../../ports/receipt-store.js';
import { DomainError } from '../errors.js';
import { checkedReceiptMessageType } from '../media/receipt-config.js';
import { RECEIPT_STATUSES, type ReceiptRecord, type ReceiptStatus, type ReceivedReceipt } from './receipt-records.js';
import type { ReceiptSecrets } from './receipt-secrets.js';

/** Most messages one receive returns, and its default. */
export const MAX_RECEIVE = 100;
/** Visibility timeout bounds and default, in seconds. */
export const VISIBILITY_SECONDS = { min: 1, max: 43_200, default: 30 } as const;
/** Most handles or ids per delete or re-push. */
export const MAX_HANDLES = 100;

/** A listing's filter as the action receives it. */
export interface RawReceiptFilter {
  messageType?: string;
  status?: string;
  callId?: string;
}

/** See the module comment. */
export class ReceiptService {
  constructor(
    private readonly store: ReceiptStore,
    private readonly secrets: ReceiptSecrets,
    private readonly clock: Clock,
  ) {}

  /** Up to `max` pull messages of the type, hidden from other consumers for `visibilitySeconds`. */
  receive(accountId: string, rawType: string, max = 10, visibilitySeconds: number = VISIBILITY_SECONDS.default): Promise<ReceivedReceipt[]> {
    const messageType = checkedReceiptMessageType(rawType);
    if (!Number.isInteger(max) || max < 1 || max > MAX_RECEIVE) throw new DomainError('InvalidArgument', `MaxMessages must be 1-${MAX_RECEIVE}`, 'MaxMessages');
    const { min, max: most } = VISIBILITY_SECONDS;
    if (!Number.isInteger(visibilitySeconds) || visibilitySeconds < min || visibilitySeconds > most) {
      throw new DomainError('InvalidArgument', `VisibilityTimeout must be ${min}-${most} seconds`, 'VisibilityTimeout');
    }
    return this.store.receiveReceipts({ accountId, messageType, now: this.clock.now(), max, visibilityMs: visibilitySeconds * 1000 });
  }

  /** Acknowledges received messages; returns the handles that deleted one and those that did not (unknown or stale). */
  async delete(accountId: string, handles: readonly string[]): Promise<{ deleted: string[]; failed: string[] }> {
    const list = checkedList(handles, 'ReceiptHandles');
    const deleted = await this.store.deleteReceipts(accountId, list, this.clock.now());
    return { deleted: list.filter((h) => deleted.has(h)), failed: list.filter((h) => !deleted.has(h)) };
  }

  /** The delivery log: the account's messages, newest first, with their delivery state. */
  deliveries(accountId: string, raw: RawReceiptFilter, page: PageRequest): Promise<Page<ReceiptRecord>> {
    const filter: ReceiptFilter = {};
    if (raw.messageType) filter.messageType = checkedReceiptMessageType(raw.messageType);
    if (raw.status) filter.status = checkedStatus(raw.status);
    if (raw.callId) filter.callId = raw.callId;
    return this.store.pageReceipts(accountId, filter, page);
  }

  /** Sends delivered or failed messages again; returns the ids re-queued and those that were not (unknown or pending). */
  async repush(accountId: string, ids: readonly string[]): Promise<{ queued: string[]; skipped: string[] }> {
    const list = checkedList(ids, 'MessageIds');
    const queued = new Set(await this.store.repushReceipts(accountId, list, this.clock.now()));
    return { queued: list.filter((id) => queued.has(id)), skipped: list.filter((id) => !queued.has(id)) };
  }

  /** The account's signing secret (made on first use). */
  secret(accountId: string): Promise<string> {
    return this.secrets.secretFor(accountId);
  }

  /** Replaces the account's signing secret. */
  resetSecret(accountId: string): Promise<string> {
    return this.secrets.reset(accountId);
  }
}

function checkedList(items: readonly string[], param: string): string[] {
  const list = [...new Set(items.map((h) => h.trim()))];
  if (list.length === 0 || list.some((h) => h === '')) throw new DomainError('InvalidArgument', `${param} must list at least one non-empty value`, param);
  if (list.length > MAX_HANDLES) throw new DomainError('InvalidArgument', `${param} may list at most ${MAX_HANDLES} values`, param);
  return list;
}

function checkedStatus(raw: string): ReceiptStatus {
  const status = RECEIPT_STATUSES.find((s) => s === raw);
  if (!status) throw new DomainError('InvalidArgument', `Status must be one of ${RECEIPT_STATUSES.join(', ')}`, 'Status');
  return status;
}
