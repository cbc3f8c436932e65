/**
 * Store layer for campaigns as the customer sees them: tasks and their state machine, progress counts, imports,
 * batches, details and their attempts, always scoped by account.
 */
import type { AttemptRecord, BatchRecord, DetailRecord, TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { TaskSettings } from '../../core/campaigns/task-settings.js';
import type * as port from '../../ports/campaign-store.js';
import { cancelDetails } from '../cancel-queries.js';
import * as details from '../detail-queries.js';
import { importDetails } from '../import-queries.js';
import { taskCallCounters, taskProgress } from '../progress-queries.js';
import * as tasks from '../task-queries.js';
import { NumberListTables } from './number-list-tables.js';

/** Tasks, batches and details (see store-tables.ts for how the layers compose). */
export abstract class CampaignTables extends NumberListTables implements port.CampaignTaskStore, port.CampaignDetailStore {
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
}
