/**
 * Persistence ports of the campaign engine: tasks, batches and details (customer-facing, always scoped by account),
 * the dialer queue primitives (engine-internal, addressed by the ids a claim handed out), and the account's number
 * lists (directory, do-not-call, callee call log). Implemented once over Kysely for SQLite and PostgreSQL.
 */
import type { CallDialogRecord } from './conversation-store.js';
import type { CallResult } from '../core/calls/call-result.js';
import type { AttemptOutcome, AttemptRecord, BatchRecord, DetailRecord, TaskRecord } from '../core/campaigns/campaign-records.js';
import type { DetailSettlement, DetailState } from '../core/campaigns/detail-state.js';
import type { Recipient } from '../core/campaigns/recipient.js';
import type { TaskSettings } from '../core/campaigns/task-settings.js';
import type { TaskProduct } from '../core/campaigns/task-product.js';
import type { TaskStatus } from '../core/campaigns/task-status.js';
import type { EncryptionType, HashType } from '../core/numbers/encryption-type.js';
import type { SubscribedTypes } from '../core/receipts/receipt-records.js';

/** Which page of a listing; pageNo starts at 1. */
export interface PageRequest {
  pageNo: number;
  pageSize: number;
}

/** One page of a listing and the number of rows matching in all. */
export interface Page<T> {
  total: number;
  items: T[];
}

/** QueryAiCallTaskPage's filters (AgentName is resolved to agent ids by the caller). */
export interface TaskListFilter {
  /** Whose tasks; aiccs when absent. */
  product?: TaskProduct;
  /** Substring of the name, case-insensitive. */
  name?: string;
  statuses?: readonly TaskStatus[];
  taskId?: string;
  agentIds?: readonly string[];
  applicationCode?: string;
  /** Exactly this Source (as given at CreateAiCallTask). */
  source?: number;
}

/** User commands and engine events that change a task's status through changeTaskStatus. */
export type TaskCommand = 'start' | 'stop' | 'cancel' | 'start-failed';

/** Recipients called (a CallingTime) and answered (latest outcome ANSWERED), overall and since `since`. */
export interface TaskCallCounters {
  called: number;
  answered: number;
  importedSince: number;
  calledSince: number;
  answeredSince: number;
}

/** How many details of a task are in each state. */
export interface TaskProgress {
  byState: Readonly<Record<DetailState, number>>;
  total: number;
  /** True when the task has details and every one is in state 4 or 5. */
  allTerminal: boolean;
}

/** Tasks of an account. */
export interface CampaignTaskStore {
  /** Adds a task; throws DomainError AlreadyExists (param TaskName) when the account has a task of that name. */
  insertTask(task: TaskRecord): Promise<void>;
  /** One task of that account; undefined for an unknown id or another account's task. */
  getTask(accountId: string, taskId: string): Promise<TaskRecord | undefined>;
  /** Tasks of that account, newest first. */
  listTasks(accountId: string, filter: TaskListFilter, page: PageRequest): Promise<Page<TaskRecord>>;
  /**
   * Replaces the settings (UpdateAiCallTask). Undefined when the account has no such task; throws InvalidState in a
   * status that forbids updates and AlreadyExists when the new name is taken.
   */
  updateTaskSettings(accountId: string, taskId: string, settings: TaskSettings, at: number): Promise<TaskRecord | undefined>;
  /**
   * Applies a command through the task state machine; undefined when the account has no such task, InvalidState when
   * the command is not allowed. Entering RUNNING releases state-0 details; cancel fails details in 0-2.
   */
  changeTaskStatus(accountId: string, taskId: string, command: TaskCommand, at: number, reason?: string): Promise<TaskRecord | undefined>;
  /** Moves a RUNNING task whose details are all terminal to COMPLETED; true when it did. */
  completeTaskIfDone(taskId: string, at: number): Promise<boolean>;
  /** Every RUNNING task, all accounts (engine use). */
  listRunningTasks(): Promise<TaskRecord[]>;
  /** Tasks waiting to start by themselves at or before `now`, all accounts (engine use). */
  listDueScheduledTasks(now: number): Promise<TaskRecord[]>;
  /** Detail counts per state of each of the account's tasks; tasks it does not own are left out. */
  taskProgress(accountId: string, taskIds: readonly string[]): Promise<Map<string, TaskProgress>>;
  /** A task's call counters (see TaskCallCounters), in one pass over its details; zeros for a task the account lacks. */
  taskCallCounters(accountId: string, taskId: string, since: number): Promise<TaskCallCounters>;
}

/** A recipient with the id it will be stored under. */
export interface NewDetail extends Recipient {
  id: string;
}

/** One import: a batch (when batchId is set) and its details, written in one transaction. */
export interface DetailImport {
  accountId: string;
  taskId: string;
  /** The BatchId to create; null for ImportOneTaskPhoneNumber. */
  batchId: string | null;
  encryptionType: EncryptionType;
  details: readonly NewDetail[];
  at: number;
}

/** What an import did. */
export interface ImportOutcome {
  /** The task's status after the import (a COMPLETED task reopens). */
  taskStatus: TaskStatus;
  /** 0 when the task has not run yet, 1 otherwise. */
  initialState: DetailState;
}

/** QueryAiCallDetailPage's filters; ranges are inclusive, times epoch ms, durations seconds. */
export interface DetailFilter {
  states?: readonly DetailState[];
  batchId?: string;
  /** CalledNumber as imported (a digest when encryptionType is 1-3). */
  number?: string;
  encryptionType?: EncryptionType;
  callResult?: CallResult;
  majorIntent?: string;
  minDurationSeconds?: number;
  maxDurationSeconds?: number;
  importedFrom?: number;
  importedTo?: number;
  callingFrom?: number;
  callingTo?: number;
  outId?: string;
  detailIds?: readonly string[];
}

/** Which details CancelAiCallDetails targets: DetailIdList wins; otherwise a batch, optionally narrowed to numbers. */
export type DetailSelector =
  | { detailIds: readonly string[] }
  | { batchId: string; numbers?: readonly string[]; encryptionType?: EncryptionType };

/** Why one targeted detail (or number) was not cancelled. */
export type CancelFailure = 'not-found' | 'not-cancellable';

/** CancelAiCallDetails' result; failures are keyed by detail id, or by number when numbers were given. */
export interface CancelOutcome {
  total: number;
  cancelled: string[];
  failed: Record<string, CancelFailure>;
}

/** Batches and details of an account. */
export interface CampaignDetailStore {
  /**
   * Stores an import atomically (multi-row inserts in one transaction). Undefined when the account has no such
   * task; throws InvalidState when the task cannot take numbers (CANCELLED).
   */
  importDetails(input: DetailImport): Promise<ImportOutcome | undefined>;
  /** One batch of that account. */
  getBatch(accountId: string, batchId: string): Promise<BatchRecord | undefined>;
  /** One detail of that account. */
  getDetail(accountId: string, detailId: string): Promise<DetailRecord | undefined>;
  /** One detail of that account and its attempts, first attempt first. */
  getDetailWithAttempts(accountId: string, detailId: string): Promise<{ detail: DetailRecord; attempts: AttemptRecord[] } | undefined>;
  /** The attempt with that CallId, if it belongs to the account. */
  getAttemptByCallId(accountId: string, callId: string): Promise<AttemptRecord | undefined>;
  /** Details of one of the account's tasks, newest import first. */
  pageDetails(accountId: string, taskId: string, filter: DetailFilter, page: PageRequest): Promise<Page<DetailRecord>>;
  /** Fails the selected details that are in states 0-2 (state 5, FailedReason "cancelled"); reports the rest. */
  cancelDetails(accountId: string, taskId: string, selector: DetailSelector, at: number): Promise<CancelOutcome>;
}

/** Issues attempt ids and CallIds; IdGenerator fits. */
export interface AttemptIdSource {
  next(): string;
  nextCallId(): string;
}

/** A dialer's request for work. */
export interface ClaimRequest {
  taskId: string;
  now: number;
  limit: number;
  /** Who holds the claims (one id per dialer process). */
  leaseOwner: string;
  /** How long the claim is held before lease recovery may take it back. */
  leaseMs: number;
  ids: AttemptIdSource;
  /**
   * The task's TaskCps bucket shared by every dialer process: the claim reads the bucket's saved state under the
   * task row's lock, takes at most what `pacing` grants, and saves what `settle` returns for the rows it claimed.
   * Without it the limit alone decides (a single dialer pacing on its own).
   */
  pacing?: SharedPacing;
}

/** A token bucket's level as the claim keeps it on the task. */
export interface PacingState {
  tokens: number;
  at: number;
}

/** How a claim spends the task's shared pacing tokens (see ClaimRequest.pacing). */
export type SharedPacing = (saved: PacingState | undefined) => { granted: number; settle(claimed: number): PacingState };

/** A claimed detail (now in state 3) and the attempt created for it. */
export interface Claim {
  detail: DetailRecord;
  attempt: AttemptRecord;
}

/** A per-callee frequency cap: at most `max` calls in any `windowMs`. */
export interface CalleeLimit {
  windowMs: number;
  max: number;
}

/** The crash-safety mark, written just before the dial leaves. */
export interface OriginationRequest {
  attemptId: string;
  at: number;
  callerNumber: string;
  /** calleeKey() of the plain number dialed; logged for frequency caps. */
  calleeKey: string;
  /** Checked against the account's callee log atomically with the mark. */
  calleeLimits?: readonly CalleeLimit[];
  /** The account's receipt subscriptions, when it has any: the mark's receipts (200101) are written with it. */
  receipts?: SubscribedTypes;
}

/**
 * originated: dial now. capped: a callee limit is reached; nothing was written, give the claim back.
 * lost: the claim is no longer this attempt's (lease expired, recovered, settled or marked before); do not dial.
 */
export type OriginationResult = 'originated' | 'capped' | 'lost';

/** The final word on an attempt in progress. */
export interface AttemptCompletion {
  attemptId: string;
  outcome: AttemptOutcome;
  next: DetailSettlement;
  /** What was said on the call and its analysis, when it was answered; written in the same transaction. */
  dialog?: CallDialogRecord;
  /** The account's receipt subscriptions, when it has any: the call's end receipts are written in the same transaction. */
  receipts?: SubscribedTypes;
}

/** What lease recovery did. */
export interface LeaseRecovery {
  /** Claims never dialed: attempt deleted, detail back in the state it was claimed from (5 if the task was cancelled). */
  requeued: { detailId: string; taskId: string; state: DetailState }[];
  /**
   * Attempts dialed with no outcome: closed as interrupted; their details stay in state 3 (lease expired, no owner)
   * until completeAttempt settles them by the retry policy. Reported again by every recovery until then.
   */
  interrupted: Claim[];
}

/** The database as the dialer's queue. */
export interface DialerQueueStore {
  /** Claims due details (state 1-2, due_at <= now) of a RUNNING task in one transaction; never the same twice. */
  claimDueDetails(request: ClaimRequest): Promise<Claim[]>;
  /** Marks an attempt originated and logs the callee call, unless a callee limit or a lost claim prevents it. */
  markOriginated(request: OriginationRequest): Promise<OriginationResult>;
  /** markOriginated for a group, in request order and one transaction (all written or, on an error, none). */
  markOriginatedMany(requests: readonly OriginationRequest[]): Promise<OriginationResult[]>;
  /**
   * Records the outcome and settles the detail atomically; false when the attempt is no longer the detail's open one.
   * A retry (state 2) in a task cancelled meanwhile lands in 5 instead, so every recipient still ends terminal.
   */
  completeAttempt(completion: AttemptCompletion): Promise<boolean>;
  /** completeAttempt for a group, in order and one transaction (all written or, on an error, none). */
  completeAttempts(completions: readonly AttemptCompletion[]): Promise<boolean[]>;
  /** Gives back a claim never dialed: attempt deleted, detail back to its state (5 if the task was cancelled), due at `dueAt`. */
  releaseClaim(attemptId: string, at: number, dueAt: number): Promise<boolean>;
  /** Extends the leases of the owner's details still calling; returns how many. */
  extendLeases(leaseOwner: string, detailIds: readonly string[], expiresAt: number): Promise<number>;
  /** Handles up to `limit` details whose lease expired at or before `now` (crash recovery, issue 3 item 3). */
  recoverExpiredLeases(now: number, limit?: number): Promise<LeaseRecovery>;
  /** Merges the task's detail-count deltas, which every state change appends, so reading the counts stays cheap. */
  compactDetailTallies(taskId: string): Promise<void>;
}

/** A plain number's digests and the number sealed with the SecretBox. */
export interface DirectoryEntry {
  md5: string;
  sha256: string;
  sm3: string;
  numberCiphertext: string;
}

/** The account's number directory: digests to sealed plain numbers. */
export interface NumberDirectoryStore {
  /** Adds entries; existing numbers (same SHA256) are left as they are. Returns how many were new. */
  upsertDirectoryEntries(accountId: string, entries: readonly DirectoryEntry[], at: number): Promise<number>;
  /** The sealed plain number whose digest of `hashType` is `hash`. */
  findDirectoryEntry(accountId: string, hashType: HashType, hash: string): Promise<string | undefined>;
  /** Removes entries by SHA256; returns how many. */
  deleteDirectoryEntries(accountId: string, sha256s: readonly string[]): Promise<number>;
  /** How many numbers the account's directory holds. */
  countDirectoryEntries(accountId: string): Promise<number>;
}

/** The account's do-not-call list (waihu extension). */
export interface DoNotCallStore {
  /** Adds numbers; returns how many were new. */
  addDoNotCall(accountId: string, numbers: readonly string[], at: number): Promise<number>;
  /** Removes numbers; returns how many were listed. */
  removeDoNotCall(accountId: string, numbers: readonly string[]): Promise<number>;
  /** Which of `numbers` are on the list. */
  findDoNotCall(accountId: string, numbers: readonly string[]): Promise<Set<string>>;
  /** The list, newest first. */
  listDoNotCall(accountId: string, page: PageRequest): Promise<Page<{ number: string; createdAt: number }>>;
}

/** One call to one callee, for frequency caps across tasks and single calls. */
export interface CalleeCall {
  accountId: string;
  calleeKey: string;
  startedAt: number;
  attemptId?: string | null;
}

/** The per-callee call log. */
export interface CalleeLogStore {
  /** Logs a call unconditionally. */
  recordCalleeCall(call: CalleeCall): Promise<void>;
  /** Logs a call only if every limit allows it, atomically across processes; false when a limit is reached. */
  reserveCalleeCall(call: CalleeCall, limits: readonly CalleeLimit[]): Promise<boolean>;
  /** Calls to the callee that started after `since` (exclusive) and at or before `until`. */
  countCalleeCalls(accountId: string, calleeKey: string, since: number, until: number): Promise<number>;
  /** Forgets calls that started before `before`; returns how many. */
  purgeCalleeCalls(before: number): Promise<number>;
}

/** Everything the campaign engine persists. */
export interface CampaignStore
  extends CampaignTaskStore,
    CampaignDetailStore,
    DialerQueueStore,
    NumberDirectoryStore,
    DoNotCallStore,
    CalleeLogStore {}
