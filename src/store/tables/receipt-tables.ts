/** Store layer for the receipt outbox, its deliveries and the pull queue. */
import type { ReceiptConfigRecord } from '../../core/media/receipt-config.js';
import type { NewReceipt, ReceiptRecord, ReceivedReceipt } from '../../core/receipts/receipt-records.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type { PushClaimRequest, PushSettlement, ReceiptFilter, ReceiptStore, ReceiveRequest } from '../../ports/receipt-store.js';
import * as receipts from '../receipt-queries.js';
import { HotlineTables } from './hotline-tables.js';

/** Receipt methods (see store-tables.ts for how the layers compose). */
export abstract class ReceiptTables extends HotlineTables implements ReceiptStore {
  /** Every account's receipt settings. */
  listAllReceiptConfigs(): Promise<ReceiptConfigRecord[]> {
    return receipts.listAllReceiptConfigs(this.db);
  }

  /** Adds receipts in a transaction of their own. */
  insertReceipts(rows: readonly NewReceipt[]): Promise<void> {
    return this.db.transaction().execute((trx) => receipts.insertOutboxRows(trx, rows));
  }

  /** Leases due push messages. */
  claimPushReceipts(request: PushClaimRequest): Promise<ReceiptRecord[]> {
    return receipts.claimPushReceipts(this.db, request);
  }

  /** Records a push. */
  settlePushReceipts(owner: string, ids: readonly string[], settlement: PushSettlement): Promise<number> {
    return receipts.settlePushReceipts(this.db, owner, ids, settlement);
  }

  /** Hands leased messages to the pull queue. */
  moveReceiptsToPull(owner: string, ids: readonly string[], at: number): Promise<number> {
    return receipts.moveReceiptsToPull(this.db, owner, ids, at);
  }

  /** Receives pull messages. */
  receiveReceipts(request: ReceiveRequest): Promise<ReceivedReceipt[]> {
    return receipts.receiveReceipts(this.db, request);
  }

  /** Acknowledges pulled messages. */
  deleteReceipts(accountId: string, handles: readonly string[], at: number): Promise<Set<string>> {
    return receipts.deleteReceipts(this.db, accountId, handles, at);
  }

  /** Deletes delivered receipts older than the retention (up to `limit`). */
  purgeDeliveredReceipts(before: number, limit: number): Promise<number> {
    return receipts.purgeDeliveredReceipts(this.db, before, limit);
  }

  /** The account's receipts, newest first. */
  pageReceipts(accountId: string, filter: ReceiptFilter, page: PageRequest): Promise<Page<ReceiptRecord>> {
    return receipts.pageReceipts(this.db, accountId, filter, page);
  }

  /** Re-delivers delivered or failed messages. */
  repushReceipts(accountId: string, ids: readonly string[], at: number): Promise<string[]> {
    return receipts.repushReceipts(this.db, accountId, ids, at);
  }

  /** The sealed signing secret. */
  getReceiptSecret(accountId: string): Promise<string | undefined> {
    return receipts.getReceiptSecret(this.db, accountId);
  }

  /** Stores a sealed signing secret. */
  putReceiptSecret(accountId: string, sealed: string, at: number, replace: boolean): Promise<string> {
    return receipts.putReceiptSecret(this.db, accountId, sealed, at, replace);
  }
}
