/** What the store keeps for a campaign: the task, its import batches, its recipients (details) and their attempts. */
import type { CallResult } from '../calls/call-result.js';
import type { EncryptionType } from '../numbers/encryption-type.js';
import type { DetailState } from './detail-state.js';
import type { TaskSettings } from './task-settings.js';
import type { TaskFlow, TaskProduct } from './task-product.js';
import type { TaskStatus } from './task-status.js';

/** A campaign (aiccs AiCallTask). Timestamps are epoch milliseconds. */
export interface TaskRecord {
  /** 18-19 digit id. */
  id: string;
  accountId: string;
  /** Whose task this is (aiccs, a dyvms CallTask or a dyvms robot task); each product sees only its own. */
  product: TaskProduct;
  /** What a call of a non-aiccs task runs; null for aiccs tasks, whose calls run their agent. */
  flow: TaskFlow | null;
  settings: TaskSettings;
  status: TaskStatus;
  /** StartFailedReason of a FAILED task. */
  startFailedReason: string | null;
  /** When the engine should start the task by itself (SCHEDULE); cleared once it runs. */
  scheduledStartAt: number | null;
  /** RealStartTime: when the task first ran. */
  realStartTime: number | null;
  createdAt: number;
  updatedAt: number;
}

/** One import call (ImportTaskNumberDatas); its id is the BatchId. */
export interface BatchRecord {
  id: string;
  accountId: string;
  taskId: string;
  encryptionType: EncryptionType;
  /** Rows imported by this call. */
  rowCount: number;
  createdAt: number;
}

/** One recipient of a task, with the outcome of its latest attempt copied on for filtering and listing. */
export interface DetailRecord {
  id: string;
  accountId: string;
  taskId: string;
  /** Null for ImportOneTaskPhoneNumber, which creates no batch. */
  batchId: string | null;
  number: string;
  encryptionType: EncryptionType;
  outId: string | null;
  variables: Readonly<Record<string, string>>;
  state: DetailState;
  /** When a waiting detail may be claimed next. */
  dueAt: number;
  /** Attempts made so far, including the one in progress; the latest attempt has this number. */
  attemptCount: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  /** ImportedTime. */
  importedAt: number;
  /** CallingTime: when the latest attempt was dialed (or claimed, if never dialed). */
  callingTime: number | null;
  callResult: CallResult | null;
  failedReason: string | null;
  /** ConversationDuration, seconds. */
  durationSeconds: number | null;
  majorIntent: string | null;
  conversationTurnCount: number | null;
  /** When the detail reached state 4 or 5. */
  endedAt: number | null;
  updatedAt: number;
}

/** Who hung up: aiccs HangupDirection 0 (user) or 1 (robot). */
export type HangupDirection = 'user' | 'robot';

/** The outcome of one attempt, as the call session reports it. */
export interface AttemptOutcome {
  /** Null when no carrier outcome exists (never dialed, interrupted). */
  callResult: CallResult | null;
  /** dyvms status code; defaults to the code of callResult. */
  statusCode?: string | null;
  ringAt?: number | null;
  /** PickUpTime. */
  answerAt?: number | null;
  /** ReleaseTime. */
  releaseAt?: number | null;
  /** Duration, seconds (0 when not answered). */
  durationSeconds?: number | null;
  failedReason?: string | null;
  hangupDirection?: HangupDirection | null;
  conversationTurnCount?: number | null;
  majorIntent?: string | null;
  /** When the outcome was known. */
  endedAt: number;
}

/** One call attempt of a detail. */
export interface AttemptRecord {
  id: string;
  /** `n^n` CallId. */
  callId: string;
  accountId: string;
  taskId: string;
  detailId: string;
  /** 1 for the first attempt. */
  attemptNumber: number;
  /** The detail state the claim took it from (1 or 2), restored when the claim is given back. */
  fromState: DetailState;
  leaseOwner: string;
  claimedAt: number;
  callerNumber: string | null;
  /** The crash-safety mark: set before the dial leaves. */
  originatedAt: number | null;
  ringAt: number | null;
  answerAt: number | null;
  releaseAt: number | null;
  durationSeconds: number | null;
  callResult: CallResult | null;
  statusCode: string | null;
  failedReason: string | null;
  hangupDirection: HangupDirection | null;
  conversationTurnCount: number | null;
  majorIntent: string | null;
  /** Set when lease recovery closed an originated attempt that had no outcome. */
  interruptedAt: number | null;
  endedAt: number | null;
}
