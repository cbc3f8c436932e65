/** Row types of the receipt outbox, its deliveries and the pull queue (migration 0014), part of the Database schema (schema.ts). */

/**
 * Row of `receipt_outbox`: one message. Its delivery state lives on the row: a push claim or a pull receive leases
 * it (lease_owner, due_at = lease expiry), a failed push moves due_at to the next retry.
 */
export interface ReceiptOutboxTable {
  id: string;
  account_id: string;
  message_type: string;
  call_id: string;
  seq: number;
  /** JSON text of the message body (times as epoch ms). */
  body: string;
  mode: string;
  status: string;
  attempts: number;
  round_attempts: number;
  due_at: number;
  /** The dispatcher holding a push lease, or the receipt handle of a pull. */
  lease_owner: string | null;
  last_http_status: number | null;
  last_error: string | null;
  last_attempt_at: number | null;
  delivered_at: number | null;
  created_at: number;
}

/** Row of `receipt_secrets`: an account's signing secret, sealed with the SecretBox. */
export interface ReceiptSecretsTable {
  account_id: string;
  secret_ciphertext: string;
  created_at: number;
}

/** The tables by name. */
export interface ReceiptTables {
  receipt_outbox: ReceiptOutboxTable;
  receipt_secrets: ReceiptSecretsTable;
}
