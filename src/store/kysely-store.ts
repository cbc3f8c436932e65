/** The Store port over Kysely: one implementation that runs unchanged on SQLite and PostgreSQL. */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { AttemptRecord, BatchRecord, DetailRecord, TaskRecord } from '../core/campaigns/campaign-records.js';
import type { TaskSettings } from '../core/campaigns/task-settings.js';
import type { HashType } from '../core/numbers/encryption-type.js';
import type * as port from '../ports/campaign-store.js';
import type { SimModelRecord } from '../ports/sim-model-store.js';
import type { AccessKeyRecord, AccessKeyStatus, AccountRecord, Store } from '../ports/store.js';
import * as accessKeys from './access-key-queries.js';
import * as accounts from './account-queries.js';
import * as attemptQueries from './attempt-queries.js';
import { cancelDetails } from './cancel-queries.js';
import * as calleeLog from './callee-log-queries.js';
import { claimDueDetails, extendLeases } from './claim-queries.js';
import * as details from './detail-queries.js';
import { importDetails } from './import-queries.js';
import { compactTallies } from './detail-tallies.js';
import { recoverExpiredLeases } from './lease-recovery.js';
import { markOriginatedMany } from './origination-queries.js';
import * as numberLists from './number-list-queries.js';
import { taskCallCounters, taskProgress } from './progress-queries.js';
import * as tasks from './task-queries.js';
import { migrateToLatest } from './migrate.js';
import { NonceBatcher } from './nonce-batcher.js';
import * as nonces from './nonce-queries.js';
import * as simModels from './sim-model-queries.js';
import * as conversations from './conversation-queries.js';
import type { CallDialogRecord, SingleCallEnding, SingleCallRecord } from '../ports/conversation-store.js';
import type { CallTag } from '../core/calls/dialog.js';
import type { Database } from './schema.js';
import * as agentQueries from './agent-queries.js';
import * as applicationQueries from './agent-queries-applications.js';
import * as robotQueries from './agent-queries-robots.js';
import type { VoiceAgentRecord } from '../core/agents/ai-voice-agent.js';
import type { LlmApplicationRecord } from '../core/agents/llm-application.js';
import type { RobotRecord } from '../core/agents/robot.js';
import type { NameFilter, VoiceAgentFilter } from '../ports/agent-store.js';

/** Which database engine a Kysely instance talks to. */
export type StoreEngine = Store['engine'];

/** Store backed by a Kysely instance it owns: close() destroys it. */
export class KyselyStore implements Store {
  private closing: Promise<void> | undefined;
  private readonly nonceBatcher = new NonceBatcher((claims) => nonces.claimNonces(this.db, claims));

  constructor(
    private readonly db: Kysely<Database>,
    readonly engine: StoreEngine,
    private readonly migrations: Readonly<Record<string, Migration>>,
  ) {}

  /** Applies pending migrations; a second call finds nothing to do. */
  migrate(): Promise<void> {
    return migrateToLatest(this.db as Kysely<unknown>, this.engine, this.migrations);
  }

  /** Releases the connection or pool; safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.db.destroy();
    return this.closing;
  }

  /** Adds a tenant. */
  insertAccount(account: AccountRecord): Promise<void> {
    return accounts.insertAccount(this.db, account);
  }

  /** One tenant by id. */
  getAccount(id: string): Promise<AccountRecord | undefined> {
    return accounts.getAccount(this.db, id);
  }

  /** All tenants, oldest first. */
  listAccounts(): Promise<AccountRecord[]> {
    return accounts.listAccounts(this.db);
  }

  /** How many tenants exist. */
  countAccounts(): Promise<number> {
    return accounts.countAccounts(this.db);
  }

  /** Adds a key of an existing account. */
  insertAccessKey(key: AccessKeyRecord): Promise<void> {
    return accessKeys.insertAccessKey(this.db, key);
  }

  /** One key by id. */
  getAccessKey(id: string): Promise<AccessKeyRecord | undefined> {
    return accessKeys.getAccessKey(this.db, id);
  }

  /** Keys of one account, oldest first. */
  listAccessKeys(accountId: string): Promise<AccessKeyRecord[]> {
    return accessKeys.listAccessKeys(this.db, accountId);
  }

  /** Changes the status of a key of that account; false when it has no such key. */
  setAccessKeyStatus(accountId: string, id: string, status: AccessKeyStatus): Promise<boolean> {
    return accessKeys.setAccessKeyStatus(this.db, accountId, id, status);
  }

  /** Deletes a key of that account; false when it has no such key. */
  deleteAccessKey(accountId: string, id: string): Promise<boolean> {
    return accessKeys.deleteAccessKey(this.db, accountId, id);
  }

  /** Records a nonce; the claims of one event-loop turn share one atomic statement. False when already recorded and live. */
  claimNonce(accessKeyId: string, nonce: string, now: number, expiresAt: number): Promise<boolean> {
    return this.nonceBatcher.claim({ accessKeyId, nonce, now, expiresAt });
  }

  /** Drops expired nonces; returns how many. */
  purgeExpiredNonces(now: number): Promise<number> {
    return nonces.purgeExpiredNonces(this.db, now);
  }

  /** The account's simulator outcome model; undefined when it uses the default. */
  getSimModel(accountId: string): Promise<SimModelRecord | undefined> {
    return simModels.getSimModel(this.db, accountId);
  }

  /** Sets or replaces the account's simulator outcome model. */
  putSimModel(record: SimModelRecord): Promise<void> {
    return simModels.putSimModel(this.db, record);
  }

  /** Forgets the account's simulator outcome model; false when it had none. */
  deleteSimModel(accountId: string): Promise<boolean> {
    return simModels.deleteSimModel(this.db, accountId);
  }

  /** The account's dialog of that call. */
  getCallDialog(accountId: string, callId: string): Promise<CallDialogRecord | undefined> {
    return conversations.getCallDialog(this.db, accountId, callId);
  }

  /** Replaces the call's tags; false when the account has no dialog of that call. */
  replaceCallTags(accountId: string, callId: string, tags: readonly CallTag[], at: number): Promise<boolean> {
    return conversations.replaceCallTags(this.db, accountId, callId, tags, at);
  }

  /** Records a single call as placed. */
  insertSingleCall(call: SingleCallRecord): Promise<void> {
    return conversations.insertSingleCall(this.db, call);
  }

  /** The account's single call. */
  getSingleCall(accountId: string, callId: string): Promise<SingleCallRecord | undefined> {
    return conversations.getSingleCall(this.db, accountId, callId);
  }

  /** Writes a single call's end and its dialog in one transaction. */
  endSingleCall(accountId: string, callId: string, ending: SingleCallEnding, dialog?: CallDialogRecord): Promise<void> {
    return conversations.endSingleCall(this.db, accountId, callId, ending, dialog);
  }

  /** Adds a task; AlreadyExists when its account has a task of that name. */
  insertTask(task: TaskRecord): Promise<void> {
    return tasks.insertTask(this.db, task);
  }

  /** One task of that account. */
  getTask(accountId: string, taskId: string): Promise<TaskRecord | undefined> {
    return tasks.getTask(this.db, accountId, taskId);
  }

  /** Tasks of that account, newest first. */
  listTasks(accountId: string, filter: port.TaskListFilter, page: port.PageRequest): Promise<port.Page<TaskRecord>> {
    return tasks.listTasks(this.db, accountId, filter, page);
  }

  /** Replaces a task's settings where its status allows. */
  updateTaskSettings(accountId: string, taskId: string, settings: TaskSettings, at: number): Promise<TaskRecord | undefined> {
    return tasks.updateTaskSettings(this.db, accountId, taskId, settings, at);
  }

  /** Applies a command through the task state machine. */
  changeTaskStatus(accountId: string, taskId: string, command: port.TaskCommand, at: number, reason?: string): Promise<TaskRecord | undefined> {
    return tasks.changeTaskStatus(this.db, accountId, taskId, command, at, reason);
  }

  /** Completes a running task whose details are all terminal. */
  completeTaskIfDone(taskId: string, at: number): Promise<boolean> {
    return tasks.completeTaskIfDone(this.db, taskId, at);
  }

  /** Every running task. */
  listRunningTasks(): Promise<TaskRecord[]> {
    return tasks.listRunningTasks(this.db);
  }

  /** Tasks due to start by themselves. */
  listDueScheduledTasks(now: number): Promise<TaskRecord[]> {
    return tasks.listDueScheduledTasks(this.db, now);
  }

  /** Detail counts per state of the account's tasks. */
  taskProgress(accountId: string, taskIds: readonly string[]): Promise<Map<string, port.TaskProgress>> {
    return taskProgress(this.db, accountId, taskIds);
  }

  /** A task's call counters in one pass. */
  taskCallCounters(accountId: string, taskId: string, since: number): Promise<port.TaskCallCounters> {
    return taskCallCounters(this.db, accountId, taskId, since);
  }

  /** Stores an import in one transaction. */
  importDetails(input: port.DetailImport): Promise<port.ImportOutcome | undefined> {
    return importDetails(this.db, input);
  }

  /** One batch of that account. */
  getBatch(accountId: string, batchId: string): Promise<BatchRecord | undefined> {
    return details.getBatch(this.db, accountId, batchId);
  }

  /** One detail of that account. */
  getDetail(accountId: string, detailId: string): Promise<DetailRecord | undefined> {
    return details.getDetail(this.db, accountId, detailId);
  }

  /** One detail of that account with its attempts. */
  getDetailWithAttempts(accountId: string, detailId: string): Promise<{ detail: DetailRecord; attempts: AttemptRecord[] } | undefined> {
    return details.getDetailWithAttempts(this.db, accountId, detailId);
  }

  /** The account's attempt with that CallId. */
  getAttemptByCallId(accountId: string, callId: string): Promise<AttemptRecord | undefined> {
    return details.getAttemptByCallId(this.db, accountId, callId);
  }

  /** Filtered page of a task's details. */
  pageDetails(accountId: string, taskId: string, filter: port.DetailFilter, page: port.PageRequest): Promise<port.Page<DetailRecord>> {
    return details.pageDetails(this.db, accountId, taskId, filter, page);
  }

  /** Cancels the selected details still in states 0-2. */
  cancelDetails(accountId: string, taskId: string, selector: port.DetailSelector, at: number): Promise<port.CancelOutcome> {
    return cancelDetails(this.db, accountId, taskId, selector, at);
  }

  /** Claims due details of a running task. */
  claimDueDetails(request: port.ClaimRequest): Promise<port.Claim[]> {
    return claimDueDetails(this.db, request);
  }

  /** The crash-safety mark, with the callee log and caps. */
  async markOriginated(request: port.OriginationRequest): Promise<port.OriginationResult> {
    return (await markOriginatedMany(this.db, [request]))[0]!;
  }

  /** Origination marks for a group of calls, in one transaction. */
  markOriginatedMany(requests: readonly port.OriginationRequest[]): Promise<port.OriginationResult[]> {
    return markOriginatedMany(this.db, requests);
  }

  /** Records an outcome and settles the detail. */
  async completeAttempt(completion: port.AttemptCompletion): Promise<boolean> {
    return (await attemptQueries.completeAttempts(this.db, [completion]))[0]!;
  }

  /** Outcomes of a group of attempts, in one transaction. */
  completeAttempts(completions: readonly port.AttemptCompletion[]): Promise<boolean[]> {
    return attemptQueries.completeAttempts(this.db, completions);
  }

  /** Gives back a claim never dialed. */
  releaseClaim(attemptId: string, at: number, dueAt: number): Promise<boolean> {
    return attemptQueries.releaseClaim(this.db, attemptId, at, dueAt);
  }

  /** Extends the owner's leases. */
  extendLeases(leaseOwner: string, detailIds: readonly string[], expiresAt: number): Promise<number> {
    return extendLeases(this.db, leaseOwner, detailIds, expiresAt);
  }

  /** Merges a task's detail-count deltas. */
  compactDetailTallies(taskId: string): Promise<void> {
    return compactTallies(this.db, taskId);
  }

  /** Recovers claims whose lease expired. */
  recoverExpiredLeases(now: number, limit?: number): Promise<port.LeaseRecovery> {
    return recoverExpiredLeases(this.db, now, limit);
  }

  /** Adds numbers to the account's directory. */
  upsertDirectoryEntries(accountId: string, entries: readonly port.DirectoryEntry[], at: number): Promise<number> {
    return numberLists.upsertDirectoryEntries(this.db, accountId, entries, at);
  }

  /** The sealed number behind a digest. */
  findDirectoryEntry(accountId: string, hashType: HashType, hash: string): Promise<string | undefined> {
    return numberLists.findDirectoryEntry(this.db, accountId, hashType, hash);
  }

  /** Removes directory numbers by SHA256. */
  deleteDirectoryEntries(accountId: string, sha256s: readonly string[]): Promise<number> {
    return numberLists.deleteDirectoryEntries(this.db, accountId, sha256s);
  }

  /** Size of the account's directory. */
  countDirectoryEntries(accountId: string): Promise<number> {
    return numberLists.countDirectoryEntries(this.db, accountId);
  }

  /** Adds do-not-call numbers. */
  addDoNotCall(accountId: string, numbers: readonly string[], at: number): Promise<number> {
    return numberLists.addDoNotCall(this.db, accountId, numbers, at);
  }

  /** Removes do-not-call numbers. */
  removeDoNotCall(accountId: string, numbers: readonly string[]): Promise<number> {
    return numberLists.removeDoNotCall(this.db, accountId, numbers);
  }

  /** Which numbers are on the do-not-call list. */
  findDoNotCall(accountId: string, numbers: readonly string[]): Promise<Set<string>> {
    return numberLists.findDoNotCall(this.db, accountId, numbers);
  }

  /** The do-not-call list, newest first. */
  listDoNotCall(accountId: string, page: port.PageRequest): Promise<port.Page<{ number: string; createdAt: number }>> {
    return numberLists.listDoNotCall(this.db, accountId, page);
  }

  /** Logs a callee call. */
  recordCalleeCall(call: port.CalleeCall): Promise<void> {
    return calleeLog.insertCalleeCalls(this.db, [call]);
  }

  /** Logs a callee call if the limits allow, atomically. */
  reserveCalleeCall(call: port.CalleeCall, limits: readonly port.CalleeLimit[]): Promise<boolean> {
    return calleeLog.reserveCalleeCall(this.db, call, limits);
  }

  /** Calls to a callee in (since, until]. */
  countCalleeCalls(accountId: string, calleeKey: string, since: number, until: number): Promise<number> {
    return calleeLog.countCalleeCalls(this.db, accountId, calleeKey, since, until);
  }

  /** Forgets old callee calls. */
  purgeCalleeCalls(before: number): Promise<number> {
    return calleeLog.purgeCalleeCalls(this.db, before);
  }

  /** Adds an AI voice agent; AlreadyExists on a taken name. */
  insertVoiceAgent(agent: VoiceAgentRecord): Promise<void> {
    return agentQueries.insertVoiceAgent(this.db, agent);
  }

  /** One agent of the account. */
  getVoiceAgent(accountId: string, agentId: string): Promise<VoiceAgentRecord | undefined> {
    return agentQueries.getVoiceAgent(this.db, accountId, agentId);
  }

  /** Writes the agent if it is still at `expectedRevision`. */
  replaceVoiceAgent(agent: VoiceAgentRecord, expectedRevision: number): Promise<boolean> {
    return agentQueries.replaceVoiceAgent(this.db, agent, expectedRevision);
  }

  /** Deletes an agent of the account. */
  deleteVoiceAgent(accountId: string, agentId: string): Promise<boolean> {
    return agentQueries.deleteVoiceAgent(this.db, accountId, agentId);
  }

  /** The account's agents, newest first. */
  pageVoiceAgents(accountId: string, filter: VoiceAgentFilter, page: port.PageRequest): Promise<port.Page<VoiceAgentRecord>> {
    return agentQueries.pageVoiceAgents(this.db, accountId, filter, page);
  }

  /** Ids of the account's agents whose name contains the fragment. */
  voiceAgentIdsByName(accountId: string, fragment: string, limit: number): Promise<string[]> {
    return agentQueries.voiceAgentIdsByName(this.db, accountId, fragment, limit);
  }

  /** Names of the given agents of the account. */
  voiceAgentNames(accountId: string, agentIds: readonly string[]): Promise<Map<string, string>> {
    return agentQueries.voiceAgentNames(this.db, accountId, agentIds);
  }

  /** How many of the account's agents link the application. */
  countVoiceAgentsUsingApplication(accountId: string, applicationCode: string): Promise<number> {
    return agentQueries.countVoiceAgentsUsingApplication(this.db, accountId, applicationCode);
  }

  /** Adds an LLM application; AlreadyExists on a taken name or code. */
  insertLlmApplication(app: LlmApplicationRecord): Promise<void> {
    return applicationQueries.insertLlmApplication(this.db, app);
  }

  /** One application of the account. */
  getLlmApplication(accountId: string, code: string): Promise<LlmApplicationRecord | undefined> {
    return applicationQueries.getLlmApplication(this.db, accountId, code);
  }

  /** Writes the application if it is still at `expectedRevision`. */
  replaceLlmApplication(app: LlmApplicationRecord, expectedRevision: number): Promise<boolean> {
    return applicationQueries.replaceLlmApplication(this.db, app, expectedRevision);
  }

  /** Deletes an application of the account. */
  deleteLlmApplication(accountId: string, code: string): Promise<boolean> {
    return applicationQueries.deleteLlmApplication(this.db, accountId, code);
  }

  /** The account's applications, newest first. */
  pageLlmApplications(accountId: string, filter: NameFilter, page: port.PageRequest): Promise<port.Page<LlmApplicationRecord>> {
    return applicationQueries.pageLlmApplications(this.db, accountId, filter, page);
  }

  /** Adds a robot; AlreadyExists on a taken name. */
  insertRobot(robot: RobotRecord): Promise<void> {
    return robotQueries.insertRobot(this.db, robot);
  }

  /** One robot of the account. */
  getRobot(accountId: string, robotId: string): Promise<RobotRecord | undefined> {
    return robotQueries.getRobot(this.db, accountId, robotId);
  }

  /** Writes the robot if it is still at `expectedVersion`. */
  replaceRobot(robot: RobotRecord, expectedVersion: number): Promise<boolean> {
    return robotQueries.replaceRobot(this.db, robot, expectedVersion);
  }

  /** Deletes a robot of the account. */
  deleteRobot(accountId: string, robotId: string): Promise<boolean> {
    return robotQueries.deleteRobot(this.db, accountId, robotId);
  }

  /** The account's robots, newest first. */
  pageRobots(accountId: string, filter: NameFilter, page: port.PageRequest): Promise<port.Page<RobotRecord>> {
    return robotQueries.pageRobots(this.db, accountId, filter, page);
  }
}
