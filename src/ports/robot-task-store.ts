/**
 * Persistence of dyvms robot tasks (CreateRobotTask ... DeleteRobotTask), layered on campaign tasks: a robot task is
 * a campaign task of product 'robot-task' plus a `robot_tasks` row with the doc's own fields. Every method is scoped
 * by account and product: another account's task, another product's task and a deleted robot task read as absent.
 * Status changes the engine has no command for (schedule, unschedule, delete) are guarded by the expected engine
 * state in the same statement, so they never race a start, a stop or the dialer.
 */
import type { CallRecordingRef } from '../core/recordings/call-recording.js';
import type { CallResult } from '../core/calls/call-result.js';
import type { CallAnalysis, DialogTurn } from '../core/calls/dialog.js';
import type { AttemptRecord, DetailRecord, HangupDirection, TaskRecord } from '../core/campaigns/campaign-records.js';
import type { EngineCondition } from '../core/robot-tasks/robot-task-status.js';
import type { Page, PageRequest } from './campaign-store.js';

/** SINGLE: started at once; ORDER: started at a scheduled time (StartRobotTask ScheduleTime). */
export type RobotScheduleType = 'SINGLE' | 'ORDER';

/** The robot task's own fields, as CreateRobotTask gave them. */
export interface RobotTaskRecord {
  /** The id of the campaign task it runs as. */
  taskId: string;
  accountId: string;
  taskName: string;
  dialogId: string;
  /** The robot's name when the task was created (shown if the robot is deleted later). */
  robotName: string;
  corpName: string;
  /** The calling numbers, comma-joined as given. */
  caller: string;
  numberStatusIdent: boolean;
  retryType: 0 | 1;
  /** The redial state codes, comma-joined. */
  recallStateCodes: string;
  recallTimes: number;
  recallInterval: number;
  isSelfLine: boolean;
  scheduleType: RobotScheduleType;
  /** Numbers uploaded (reserved) so far, against the per-task cap. */
  numberCount: number;
  createdAt: number;
}

/** A robot task with the campaign task it runs as and its robot's current name (undefined once the robot is gone). */
export interface RobotTaskView {
  robotTask: RobotTaskRecord;
  task: TaskRecord;
  currentRobotName?: string;
}

/** QueryRobotTaskList's filters. */
export interface RobotTaskListFilter {
  /** Substring of TaskName, case-insensitive. */
  name?: string;
  /** Engine states the wanted doc statuses stand for; an empty list matches nothing. */
  conditions?: readonly EngineCondition[];
  /** Created in [createdFrom, createdTo). */
  createdFrom?: number;
  createdTo?: number;
}

/** One upload (UploadRobotTaskCalledFile call): the batch it stored. */
export interface RobotTaskUpload {
  batchId: string;
  rowCount: number;
  createdAt: number;
}

/** QueryRobotTaskCallList's filters; ranges inclusive, durations in seconds. */
export interface RobotTaskCallFilter {
  called?: string;
  minDuration?: number;
  maxDuration?: number;
  minDialogCount?: number;
  maxDialogCount?: number;
  hangupDirection?: HangupDirection;
  /** The latest outcome is one of these. */
  callResults?: readonly CallResult[];
}

/** One callee of a robot task with its latest ended attempt and that attempt's dialog (when it was answered). */
export interface RobotTaskCall {
  detail: DetailRecord;
  attempt: AttemptRecord;
  dialog?: { turns: DialogTurn[]; analysis: CallAnalysis; recording?: CallRecordingRef };
}

/** What the store offers for robot tasks. */
export interface RobotTaskStore {
  /** Creates a robot task whole, in one transaction: its campaign task (product 'robot-task') and its own row. */
  insertRobotTask(campaign: TaskRecord, record: RobotTaskRecord): Promise<void>;
  /** The account's robot task; undefined when unknown, deleted or not a robot task. */
  getRobotTask(accountId: string, taskId: string): Promise<RobotTaskView | undefined>;
  /** The account's robot tasks matching the filter, newest first. */
  pageRobotTasks(accountId: string, filter: RobotTaskListFilter, page: PageRequest): Promise<Page<RobotTaskView>>;
  /** The task's uploads, oldest first. */
  listRobotTaskUploads(accountId: string, taskId: string): Promise<RobotTaskUpload[]>;
  /** Which of `numbers` the task already holds. */
  findRobotTaskNumbers(accountId: string, taskId: string, numbers: readonly string[]): Promise<Set<string>>;
  /** Adds `count` to the task's number count unless that would pass `max`; false when it would (nothing changes). */
  reserveRobotTaskNumbers(accountId: string, taskId: string, count: number, max: number): Promise<boolean>;
  /** Gives back a reservation whose upload was not stored. */
  releaseRobotTaskNumbers(accountId: string, taskId: string, count: number): Promise<void>;
  /** Sets the start time of a task in engine INIT (schedule type ORDER); false when the task is not in INIT. */
  scheduleRobotTask(accountId: string, taskId: string, at: number, now: number): Promise<boolean>;
  /** Clears the scheduled start of a task in engine INIT that has one; false otherwise. */
  unscheduleRobotTask(accountId: string, taskId: string, now: number): Promise<boolean>;
  /** Records how the task was started (StartRobotTask without ScheduleTime sets SINGLE). */
  setRobotTaskScheduleType(accountId: string, taskId: string, type: RobotScheduleType): Promise<void>;
  /**
   * Deletes the robot task when its engine state is one of `deletable`, atomically: the campaign task is set
   * CANCELLED (so nothing can start or reopen it) and the robot task is hidden from every query. False otherwise.
   */
  deleteRobotTask(accountId: string, taskId: string, deletable: readonly EngineCondition[], at: number): Promise<boolean>;
  /** The task's called callees (a latest ended attempt exists) matching the filter, latest call first. */
  pageRobotTaskCalls(accountId: string, taskId: string, filter: RobotTaskCallFilter, page: PageRequest): Promise<Page<RobotTaskCall>>;
  /** The latest ended call to `callee` in the task placed in [from, to); undefined when there is none. */
  findRobotTaskCall(accountId: string, taskId: string, callee: string, from: number, to: number): Promise<RobotTaskCall | undefined>;
}
