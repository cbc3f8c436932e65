/**
 * The campaign use cases behind the aiccs task actions (and, later, the dyvms task faces, the console and the CLI).
 * Every method is scoped to one account: another account's TaskId, DetailId, BatchId or CallId is NotFound, worded
 * exactly as for an id that never existed. Inputs keep the wire parameter names, so every InvalidArgument names the
 * parameter the caller sent; state rules refuse with InvalidState saying what state the task is in and what is
 * allowed. Each use case lives in its own file; this class only binds them to their dependencies.
 */
import type { CancelOutcome, NewDetail } from '../../ports/campaign-store.js';
import type { CampaignDeps } from './campaign-deps.js';
import type { TaskRecord } from './campaign-records.js';
import { cancelDetails, type CancelInput } from './cancel-command.js';
import {
  findConversation,
  lookUpConversation,
  pageDetails,
  type Conversation,
  type ConversationInput,
  type ConversationLookupInput,
  type DetailListInput,
  type DetailPage,
} from './detail-lookups.js';
import { importNumbers, importOne, type ImportResult, type NumberImportInput, type SingleImportInput } from './import-commands.js';
import { createTask, startTask, stopTask, updateTask, type TaskUpdateInput } from './task-commands.js';
import { describeTask, pageTasks, type TaskListInput, type TaskOverview, type TaskPage } from './task-overview.js';
import type { TaskSettingsInput } from './task-settings.js';

export type { CampaignDeps } from './campaign-deps.js';

/** Tasks, imports, cancels and queries of campaigns, for one store. */
export class CampaignService {
  constructor(private readonly deps: CampaignDeps) {}

  /** CreateAiCallTask: a new task (RUNNING when IMMEDIATE, INIT when SCHEDULE). */
  createTask(accountId: string, input: TaskSettingsInput): Promise<TaskRecord> {
    return createTask(this.deps, accountId, input);
  }

  /** UpdateAiCallTask: new settings for a task that is not running or cancelled. */
  updateTask(accountId: string, input: TaskUpdateInput): Promise<TaskRecord> {
    return updateTask(this.deps, accountId, input);
  }

  /** StartAiCallTask: runs a task that is INIT, STOPPED or FAILED. */
  startTask(accountId: string, taskId: unknown): Promise<TaskRecord> {
    return startTask(this.deps, accountId, taskId);
  }

  /** StopAiCallTask: stops a running task. */
  stopTask(accountId: string, taskId: unknown): Promise<TaskRecord> {
    return stopTask(this.deps, accountId, taskId);
  }

  /** ImportTaskNumberDatas: up to 1000 JSON rows as one new batch. */
  importNumbers(accountId: string, input: NumberImportInput): Promise<ImportResult> {
    return importNumbers(this.deps, accountId, input);
  }

  /** ImportOneTaskPhoneNumber: one recipient, in no batch. */
  importOne(accountId: string, input: SingleImportInput): Promise<NewDetail> {
    return importOne(this.deps, accountId, input);
  }

  /** CancelAiCallDetails: cancels recipients not yet queued or calling. */
  cancelDetails(accountId: string, input: CancelInput): Promise<CancelOutcome> {
    return cancelDetails(this.deps, accountId, input);
  }

  /** QueryAiCallTaskPage: the account's tasks with their counters. */
  pageTasks(accountId: string, input: TaskListInput): Promise<TaskPage> {
    return pageTasks(this.deps, accountId, input);
  }

  /** QueryAiCallTaskDetail: one task's settings. */
  describeTask(accountId: string, taskId: unknown): Promise<TaskOverview> {
    return describeTask(this.deps, accountId, taskId);
  }

  /** QueryAiCallDetailPage: a task's details, filtered and paged. */
  pageDetails(accountId: string, input: DetailListInput): Promise<DetailPage> {
    return pageDetails(this.deps, accountId, input);
  }

  /** QueryConversationDetailInfo: a detail by TaskId, DetailId and BatchId, with its latest call. */
  findConversation(accountId: string, input: ConversationInput): Promise<Conversation> {
    return findConversation(this.deps, accountId, input);
  }

  /** QueryConversationDetailInfoNew: a detail by DetailId, CallId or OutId, with its call. */
  lookUpConversation(accountId: string, input: ConversationLookupInput): Promise<Conversation> {
    return lookUpConversation(this.deps, accountId, input);
  }
}
