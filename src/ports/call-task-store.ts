/**
 * Persistence port of dyvms task-center CallTasks: what CreateCallTask was told (call_tasks), read together with the
 * campaign task that runs it (campaign_tasks, product 'call-task'). Status changes and callees go through the
 * campaign store (changeTaskStatus, importDetails); this port adds only what the campaign store has no word for.
 */
import type { CallTaskFilter, CallTaskItem, CallTaskItemFilter, CallTaskRecord, CallTaskView } from '../core/call-tasks/call-task.js';
import type { TaskRecord } from '../core/campaigns/campaign-records.js';
import type { NewDetail, Page, PageRequest } from './campaign-store.js';

/** What the store offers for this area. */
export interface CallTaskStore {
  /**
   * Creates a CallTask whole, in one transaction: its campaign task (product 'call-task'), the callees as the
   * campaign's details, and what CreateCallTask was told. Nothing is written when any part fails.
   */
  insertCallTask(campaign: TaskRecord, callees: readonly NewDetail[], task: CallTaskRecord): Promise<void>;
  /** One CallTask of the account; undefined for an unknown id, another account's or another product's task. */
  getCallTask(accountId: string, id: string): Promise<CallTaskView | undefined>;
  /** The account's CallTasks, newest first. */
  pageCallTasks(accountId: string, filter: CallTaskFilter, page: PageRequest): Promise<Page<CallTaskView>>;
  /**
   * Schedules the start (ExecuteCallTask TIMING): sets the campaign task's scheduled start, which the engine applies
   * at `fireAt`, only while the task is INIT, STOPPED or FAILED (checked under the task row's lock). Undefined when
   * the account has no such CallTask; throws InvalidState in any other status.
   */
  scheduleCallTask(accountId: string, id: string, fireAt: number, at: number): Promise<CallTaskView | undefined>;
  /** The callees of one of the account's CallTasks, in the order CreateCallTask gave them. */
  pageCallTaskItems(accountId: string, id: string, filter: CallTaskItemFilter, page: PageRequest): Promise<Page<CallTaskItem>>;
}
