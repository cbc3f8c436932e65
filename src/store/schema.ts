/** Table shapes as Kysely sees them; timestamps are integer epoch milliseconds on both engines. */
import type { ConversationTables } from './schema-conversations.js';
import type { VoiceResourceTables } from './schema-voice.js';
import type { VirtualNumberTables } from './schema-numbers.js';
import type { VoiceFileTables } from './schema-voice-files.js';
import type { CallTaskTables } from './schema-call-tasks.js';
import type { RobotTaskTables } from './schema-robot-tasks.js';
import type { HotlineTables } from './schema-hotline.js';
import type { ReceiptTables } from './schema-receipts.js';
import type { ConsoleTables } from './schema-console.js';
import type { Generated } from 'kysely';
import type { AgentStatus } from '../core/agents/ai-voice-agent.js';
import type { TaskStatus } from '../core/campaigns/task-status.js';
import type { AccessKeyStatus } from '../ports/store.js';

/** Row of `accounts`: one tenant. */
export interface AccountsTable {
  id: string;
  name: string;
  created_at: number;
  /** 1 for an operator account (migration 0015). */
  operator: Generated<number>;
}

/** Row of `access_keys`: one AccessKey pair, secret sealed. */
export interface AccessKeysTable {
  id: string;
  account_id: string;
  secret_ciphertext: string;
  status: AccessKeyStatus;
  description: string;
  created_at: number;
  last_used_at: number | null;
}

/** Row of `request_nonces`: a signature nonce remembered until `expires_at`. */
export interface RequestNoncesTable {
  access_key_id: string;
  nonce: string;
  expires_at: number;
}

/** Row of `campaign_tasks`: one task; lists and the retry reasons are JSON text, booleans 0/1 (same on both engines). */
export interface CampaignTasksTable {
  id: string;
  account_id: string;
  name: string;
  agent_id: string | null;
  virtual_number: string | null;
  caller_numbers: string;
  start_type: 'IMMEDIATE' | 'SCHEDULE';
  task_start_time: number | null;
  /** JSON array of the CallTime items exactly as received. */
  call_time_raw: string;
  /** JSON array of the parsed windows. */
  call_windows: string;
  call_days: string;
  task_cps: number;
  concurrency: number | null;
  retry_enabled: number;
  retry_reasons: string;
  retry_times: number;
  retry_interval_min: number;
  time_zone: string;
  application_code: string | null;
  application_name: string | null;
  source: number | null;
  phone_type: number | null;
  line_encoding: string | null;
  line_phone_num: string | null;
  status: TaskStatus;
  start_failed_reason: string | null;
  scheduled_start_at: number | null;
  real_start_time: number | null;
  /** Whose task (migration 0009): 'aiccs', 'call-task' or 'robot-task'. */
  product: Generated<string>;
  /** JSON of the TaskFlow a non-aiccs task's calls run; null for aiccs tasks. */
  flow: string | null;
  /** The TaskCps bucket every dialer claims from (migration 0004): tokens left at pace_at; null before the first claim. */
  pace_tokens: Generated<number | null>;
  pace_at: Generated<number | null>;
  created_at: number;
  updated_at: number;
}

/** Row of `campaign_batches`: one import call. */
export interface CampaignBatchesTable {
  id: string;
  account_id: string;
  task_id: string;
  encryption_type: number;
  row_count: number;
  created_at: number;
}

/** Row of `campaign_details`: one recipient; the latest attempt's outcome is copied on for filters. */
export interface CampaignDetailsTable {
  id: string;
  account_id: string;
  task_id: string;
  batch_id: string | null;
  number: string;
  encryption_type: number;
  out_id: string | null;
  /** JSON object of string variables. */
  variables: string;
  state: number;
  due_at: number;
  attempt_count: Generated<number>;
  lease_owner: string | null;
  lease_expires_at: number | null;
  created_at: number;
  calling_time: number | null;
  call_result: string | null;
  failed_reason: string | null;
  duration_s: number | null;
  major_intent: string | null;
  turn_count: number | null;
  ended_at: number | null;
  updated_at: number;
}

/** Row of `campaign_detail_tallies`: a change of n details (of one import) in one state; sums give the counts. */
export interface CampaignDetailTalliesTable {
  task_id: string;
  /** The batch id, or '' for details imported without one. */
  batch_key: string;
  /** The details' import time (created_at). */
  created_at: number;
  state: number;
  n: number;
}

/** Row of `call_attempts`: one attempt of one detail. */
export interface CallAttemptsTable {
  id: string;
  call_id: string;
  account_id: string;
  task_id: string;
  detail_id: string;
  attempt_number: number;
  from_state: number;
  lease_owner: string;
  claimed_at: number;
  caller_number: string | null;
  originated_at: number | null;
  ring_at: number | null;
  answer_at: number | null;
  release_at: number | null;
  duration_s: number | null;
  call_result: string | null;
  status_code: string | null;
  failed_reason: string | null;
  hangup_direction: string | null;
  turn_count: number | null;
  major_intent: string | null;
  interrupted_at: number | null;
  ended_at: number | null;
  /** JSON text of the answered call's dialog (dialog-json.ts, migration 0006); null otherwise. */
  dialog: string | null;
}

/** Row of `number_directory`: one plain number (sealed) under its three digests. */
export interface NumberDirectoryTable {
  account_id: string;
  sha256: string;
  md5: string;
  sm3: string;
  number_ciphertext: string;
  created_at: number;
}

/** Row of `do_not_call`: one number an account must never call. */
export interface DoNotCallTable {
  account_id: string;
  number: string;
  created_at: number;
}

/** Row of `callee_calls`: one call to one callee (by calleeKey), for frequency caps. */
export interface CalleeCallsTable {
  account_id: string;
  callee_key: string;
  started_at: number;
  attempt_id: string | null;
}

/** Row of `sim_models`: an account's simulator outcome model, JSON text as the user wrote it (validated). */
export interface SimModelsTable {
  account_id: string;
  model: string;
  updated_at: number;
}

/** Row of `ai_voice_agents`: one AI voice agent; draft and online are JSON text of {model, call}. */
export interface AiVoiceAgentsTable {
  id: string;
  account_id: string;
  name: string;
  description: string;
  application_code: string | null;
  status: AgentStatus;
  draft: string;
  online: string | null;
  online_version: number;
  last_online_at: number | null;
  revision: number;
  created_at: number;
  updated_at: number;
}

/** Row of `llm_applications`: one LLM application, keyed by (account_id, code). */
export interface LlmApplicationsTable {
  account_id: string;
  code: string;
  name: string;
  description: string;
  prompt: string;
  start_word: string;
  tts_voice_code: string;
  tts_speed: number;
  tts_volume: number;
  revision: number;
  created_at: number;
  updated_at: number;
}

/** Row of `robots`: one robot; script is compact JSON text. */
export interface RobotsTable {
  id: string;
  account_id: string;
  name: string;
  script: string;
  version: number;
  created_at: number;
  updated_at: number;
}

/** Every table the store owns, keyed by table name. */
export interface Database
  extends ConversationTables, VoiceResourceTables, VirtualNumberTables, VoiceFileTables, CallTaskTables, RobotTaskTables, HotlineTables, ReceiptTables,
    ConsoleTables {
  accounts: AccountsTable;
  access_keys: AccessKeysTable;
  request_nonces: RequestNoncesTable;
  campaign_tasks: CampaignTasksTable;
  campaign_batches: CampaignBatchesTable;
  campaign_details: CampaignDetailsTable;
  campaign_detail_tallies: CampaignDetailTalliesTable;
  call_attempts: CallAttemptsTable;
  number_directory: NumberDirectoryTable;
  do_not_call: DoNotCallTable;
  callee_calls: CalleeCallsTable;
  sim_models: SimModelsTable;
  ai_voice_agents: AiVoiceAgentsTable;
  llm_applications: LlmApplicationsTable;
  robots: RobotsTable;
}
