/** Persistence port of the receipt outbox, its deliveries and the pull queue. */

/** What the store offers for this area. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReceiptStore {}
