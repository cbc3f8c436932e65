/** Store layer for the receipt outbox, its deliveries and the pull queue. */
import type { ReceiptStore } from '../../ports/receipt-store.js';
import { HotlineTables } from './hotline-tables.js';

/** Receipt methods (see store-tables.ts for how the layers compose). */
export abstract class ReceiptTables extends HotlineTables implements ReceiptStore {}
