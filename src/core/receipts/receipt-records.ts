/**
 * The receipt outbox's records. A receipt (回执消息) is written in the same transaction as the state change it
 * reports, then delivered by push (HTTP batches) or pull (ReceiveMessages); docs/receipts.md.
 */
import type { ReceiptMessageType } from '../media/receipt-config.js';

/** How an account takes one message type: pushed to its URL, or pulled through ReceiveMessages. */
export type ReceiptMode = 'push' | 'pull';

/** pending: waiting for (or in) delivery; delivered: acknowledged; failed: the retry schedule ran out (re-pushable). */
export type ReceiptStatus = 'pending' | 'delivered' | 'failed';

/** Every receipt status. */
export const RECEIPT_STATUSES: readonly ReceiptStatus[] = ['pending', 'delivered', 'failed'];

/** The message types an account takes and how; the engine asks this of its subscription cache per call. */
export type SubscribedTypes = Readonly<Partial<Record<ReceiptMessageType, ReceiptMode>>>;

/** A field of a stored body: `*_time` fields hold epoch ms (or null) and are formatted when delivered. */
export type ReceiptField = string | number | null;

/** A receipt as produced, before delivery. */
export interface NewReceipt {
  /** Stable across re-deliveries: `<call id>#<seq>`, the receiver's de-duplication key. */
  id: string;
  accountId: string;
  messageType: ReceiptMessageType;
  callId: string;
  /** Order of the call's messages (all types share it): the origination is 1, the end's messages follow. */
  seq: number;
  body: Readonly<Record<string, ReceiptField>>;
  mode: ReceiptMode;
  createdAt: number;
}

/** A receipt as the outbox keeps it. */
export interface ReceiptRecord extends NewReceipt {
  status: ReceiptStatus;
  /** Delivery attempts in all (pushes, or receives for pull). */
  attempts: number;
  /** Push attempts since the message was produced or last re-pushed: the position in the retry schedule. */
  roundAttempts: number;
  /** Pending: when it may next be delivered (a lease or visibility timeout pushes it out). */
  dueAt: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  lastAttemptAt: number | null;
  deliveredAt: number | null;
}

/** A pulled receipt and the handle that acknowledges it (valid until the message is received again). */
export interface ReceivedReceipt {
  record: ReceiptRecord;
  receiptHandle: string;
}

/** The message id of a call's seq-th message. */
export function receiptId(callId: string, seq: number): string {
  return `${callId}#${seq}`;
}
