/** Row types of the conversation tables (migration 0006), part of the Database schema (schema.ts). */

/** Row of `single_calls`: one call placed outside campaigns; params are JSON text. */
export interface SingleCallsTable {
  call_id: string;
  account_id: string;
  kind: string;
  flow_ref: string | null;
  caller: string;
  callee: string;
  out_id: string | null;
  params: string;
  call_result: string | null;
  status_code: string | null;
  created_at: number;
  ring_at: number | null;
  answer_at: number | null;
  ended_at: number | null;
  duration_s: number | null;
  hangup_direction: string | null;
  failed_reason: string | null;
  major_intent: string | null;
  turn_count: number | null;
  /** JSON text of the dialog (dialog-json.ts); null until an answered call's end is written. */
  dialog: string | null;
}

/** The conversation tables by name. */
export interface ConversationTables {
  single_calls: SingleCallsTable;
}
