/** Store layer for dyvms task-center CallTasks, layered on the campaign tasks that run them. */
import type { CallTaskFilter, CallTaskItem, CallTaskItemFilter, CallTaskRecord, CallTaskView } from '../../core/call-tasks/call-task.js';
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { NewDetail, Page, PageRequest } from '../../ports/campaign-store.js';
import type { CallTaskStore } from '../../ports/call-task-store.js';
import * as callTasks from '../call-task-queries.js';
import { VoiceFileTables } from './voice-file-tables.js';

/** CallTask methods (see store-tables.ts for how the layers compose). */
export abstract class CallTaskTables extends VoiceFileTables implements CallTaskStore {
  /** Creates a CallTask with its campaign task and callees, in one transaction. */
  insertCallTask(campaign: TaskRecord, callees: readonly NewDetail[], task: CallTaskRecord): Promise<void> {
    return callTasks.createCallTask(this.db, campaign, callees, task);
  }

  /** One CallTask of the account. */
  getCallTask(accountId: string, id: string): Promise<CallTaskView | undefined> {
    return callTasks.getCallTask(this.db, accountId, id);
  }

  /** The account's CallTasks, newest first. */
  pageCallTasks(accountId: string, filter: CallTaskFilter, page: PageRequest): Promise<Page<CallTaskView>> {
    return callTasks.pageCallTasks(this.db, accountId, filter, page);
  }

  /** Schedules the start of a CallTask (ExecuteCallTask TIMING). */
  scheduleCallTask(accountId: string, id: string, fireAt: number, at: number): Promise<CallTaskView | undefined> {
    return callTasks.scheduleCallTask(this.db, accountId, id, fireAt, at);
  }

  /** The callees of one CallTask, in the order given. */
  pageCallTaskItems(accountId: string, id: string, filter: CallTaskItemFilter, page: PageRequest): Promise<Page<CallTaskItem>> {
    return callTasks.pageCallTaskItems(this.db, accountId, id, filter, page);
  }
}
