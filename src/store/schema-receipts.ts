/** Row types of the receipt outbox, its deliveries and the pull queue (migration 0014), part of the Database schema (schema.ts). */

/** The tables by name. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReceiptTables {}
