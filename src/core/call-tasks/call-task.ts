/**
 * A dyvms task-center CallTask: what CreateCallTask was told (kept in call_tasks) on top of the campaign task that runs
 * it (campaign_tasks, product 'call-task', same id). Timestamps are epoch ms.
 */
import type { TaskStatus } from '../campaigns/task-status.js';

/** CreateCallTask's BizType values: a TTS notification, a voice-file notification, a verification code. */
export const CALL_TASK_BIZ_TYPES = ['VMS_VOICE_TTS', 'VMS_VOICE_CODE', 'VMS_TTS'] as const;

/** One BizType. */
export type CallTaskBizType = (typeof CALL_TASK_BIZ_TYPES)[number];

/** CreateCallTask's DataType values. */
export type CallTaskDataType = 'LIST' | 'JSON';

/** What CreateCallTask stores besides the campaign task. */
export interface CallTaskRecord {
  /** The campaign task's id. */
  id: string;
  accountId: string;
  /** TaskName as given ('' when left out); not unique. */
  taskName: string;
  bizType: CallTaskBizType;
  templateCode: string;
  templateName: string;
  /** Resource as given: the caller numbers, comma-separated. */
  resource: string;
  dataType: CallTaskDataType;
  calleeCount: number;
  createdAt: number;
}

/** A CallTask with the state of the campaign task that runs it, as the queries read it. */
export interface CallTaskView extends CallTaskRecord {
  engineStatus: TaskStatus;
  /** When the task first ran. */
  realStartTime: number | null;
  /** When the engine will start it by itself (a pending TIMING). */
  scheduledStartAt: number | null;
  /** The campaign task's last change: when it completed, for a completed task. */
  updatedAt: number;
}

/** ListCallTask's filters. */
export interface CallTaskFilter {
  /** Part of TaskName, case-insensitive. */
  taskName?: string;
  /** TemplateName exactly. */
  templateName?: string;
  taskId?: string;
  bizType?: CallTaskBizType;
  /** Engine statuses; an empty list matches nothing. */
  engineStatuses?: readonly TaskStatus[];
}

/** ListCallTaskDetail's item statuses: not called yet, answered, or called without an answer (or not callable). */
export type CallTaskItemStatus = 'INIT' | 'SUCCESS' | 'FAIL';

/** ListCallTaskDetail's filters. */
export interface CallTaskItemFilter {
  calledNum?: string;
  status?: CallTaskItemStatus;
}

/** One callee of a CallTask as ListCallTaskDetail shows it. */
export interface CallTaskItem {
  detailId: string;
  calledNum: string;
  status: CallTaskItemStatus;
  /** The caller number of the latest attempt; null before the first. */
  caller: string | null;
  /** Talk time of the latest attempt, seconds (0 when not answered or not called). */
  durationSeconds: number;
}
