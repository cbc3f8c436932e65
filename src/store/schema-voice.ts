/** Row types of the voice-resource tables (migration 0007), part of the Database schema (schema.ts). */

/** Row of `tts_templates`: one TTS template; public_mode is 0/1 (same on both engines). */
export interface TtsTemplatesTable {
  account_id: string;
  code: string;
  name: string;
  type: string;
  content: string;
  public_mode: number;
  status: string;
  created_at: number;
}

/** Row of `caller_numbers`: a display number the account registered. */
export interface CallerNumbersTable {
  account_id: string;
  number: string;
  created_at: number;
}

/** Row of `receipt_configs`: the push URL of one message type. */
export interface ReceiptConfigsTable {
  account_id: string;
  message_type: string;
  url: string;
  updated_at: number;
}

/** The voice-resource tables by name. */
export interface VoiceResourceTables {
  tts_templates: TtsTemplatesTable;
  caller_numbers: CallerNumbersTable;
  receipt_configs: ReceiptConfigsTable;
}
