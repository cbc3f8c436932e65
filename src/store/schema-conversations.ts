/** Row types of the conversation tables (migration 0006), part of the Database schema (schema.ts). */

/** Row of `call_dialogs`: what was said on one answered call and its analysis; turns and tags are JSON text. */
export interface CallDialogsTable {
  call_id: string;
  account_id: string;
  task_id: string | null;
  detail_id: string | null;
  attempt_id: string | null;
  turns: string;
  summary: string;
  major_intent: string | null;
  tags: string;
  turn_count: number;
  analyzed_by: string;
  created_at: number;
  tags_updated_at: number | null;
}

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
}

/** The conversation tables by name. */
export interface ConversationTables {
  call_dialogs: CallDialogsTable;
  single_calls: SingleCallsTable;
}
