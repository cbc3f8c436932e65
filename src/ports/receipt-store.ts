/**
 * Persistence port of the receipt outbox (docs/receipts.md): the rows the state changes write in their own
 * transactions, their push deliveries (claimed with leases, so two processes never push one message at once), the
 * pull queue (receive with a visibility timeout, delete by receipt handle) and the per-account signing secret.
 * Everywhere a call's messages of one type go out in order: only the oldest pending one of each (call, type) can be
 * claimed or received.
 */
import type { ReceiptConfigRecord, ReceiptMessageType } from '../core/media/receipt-config.js';
import type { NewReceipt, ReceiptRecord, ReceiptStatus, ReceivedReceipt } from '../core/receipts/receipt-records.js';
import type { Page, PageRequest } from './campaign-store.js';

/** A push claim: the due head messages of their calls, leased to `owner` until now + leaseMs. */
export interface PushClaimRequest {
  now: number;
  owner: string;
  leaseMs: number;
  limit: number;
}

/** What a push did to the messages it carried (one settlement per group of equal outcome). */
export interface PushSettlement {
  at: number;
  /** delivered; retry at dueAt; failed for good (schedule exhausted, or no subscription left). */
  outcome: 'delivered' | 'retry' | 'failed';
  dueAt?: number;
  httpStatus: number | null;
  error: string | null;
}

/** A pull: up to `max` head messages of the type, hidden from other consumers for visibilityMs. */
export interface ReceiveRequest {
  accountId: string;
  messageType: ReceiptMessageType;
  now: number;
  max: number;
  visibilityMs: number;
}

/** ListReceiptDeliveries' filters. */
export interface ReceiptFilter {
  messageType?: ReceiptMessageType;
  status?: ReceiptStatus;
  callId?: string;
}

/** The outbox. */
export interface ReceiptStore {
  /** Every account's receipt settings (the subscription cache's source). */
  listAllReceiptConfigs(): Promise<ReceiptConfigRecord[]>;
  /** Deletes up to `limit` delivered receipts delivered before `before` (retention); returns how many. */
  purgeDeliveredReceipts(before: number, limit: number): Promise<number>;
  /** Adds receipts on their own (their state change written elsewhere); the engine writes them inside its own transactions. */
  insertReceipts(receipts: readonly NewReceipt[]): Promise<void>;
  /** Leases due push messages to the owner, oldest due first, heads of their (call, type) only. */
  claimPushReceipts(request: PushClaimRequest): Promise<ReceiptRecord[]>;
  /** Records a push of the owner's leased messages; returns how many were still its own. */
  settlePushReceipts(owner: string, ids: readonly string[], settlement: PushSettlement): Promise<number>;
  /** Hands the owner's leased messages to the pull queue (the type's subscription became pull); returns how many. */
  moveReceiptsToPull(owner: string, ids: readonly string[], at: number): Promise<number>;
  /** Receives pull messages; each comes with a fresh receipt handle. */
  receiveReceipts(request: ReceiveRequest): Promise<ReceivedReceipt[]>;
  /** Acknowledges pulled messages by handle; returns the handles that deleted a message. */
  deleteReceipts(accountId: string, handles: readonly string[], at: number): Promise<Set<string>>;
  /** The account's receipts, newest first. */
  pageReceipts(accountId: string, filter: ReceiptFilter, page: PageRequest): Promise<Page<ReceiptRecord>>;
  /** Puts the account's delivered or failed messages back in delivery, with a fresh retry schedule; returns their ids. */
  repushReceipts(accountId: string, ids: readonly string[], at: number): Promise<string[]>;
  /** The account's sealed receipt signing secret. */
  getReceiptSecret(accountId: string): Promise<string | undefined>;
  /** Stores the sealed secret unless one exists (or replacing it); returns the sealed secret now in force. */
  putReceiptSecret(accountId: string, sealed: string, at: number, replace: boolean): Promise<string>;
}

/** One HTTP push. */
export interface ReceiptPush {
  url: string;
  body: string;
  headers: Readonly<Record<string, string>>;
}

/** How a push went: ok only for HTTP 200 with a JSON body whose `code` is 0. */
export interface PushResult {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
}

/** Sends receipt batches to customers' URLs (HttpReceiptPusher). */
export interface ReceiptPusher {
  push(request: ReceiptPush): Promise<PushResult>;
}
