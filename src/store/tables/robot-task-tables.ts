/** Store layer for dyvms robot tasks (CreateRobotTask ... DeleteRobotTask) layered on campaign tasks. */
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type {
  RobotScheduleType, RobotTaskCall, RobotTaskCallFilter, RobotTaskListFilter, RobotTaskRecord, RobotTaskStore, RobotTaskUpload, RobotTaskView,
} from '../../ports/robot-task-store.js';
import type { EngineCondition } from '../../core/robot-tasks/robot-task-status.js';
import * as calls from '../robot-task-call-queries.js';
import * as robotTasks from '../robot-task-queries.js';
import { CallTaskTables } from './call-task-tables.js';

/** RobotTask methods (see store-tables.ts for how the layers compose). */
export abstract class RobotTaskTables extends CallTaskTables implements RobotTaskStore {
  /** Creates a robot task with its campaign task, in one transaction. */
  insertRobotTask(campaign: TaskRecord, record: RobotTaskRecord): Promise<void> {
    return robotTasks.createRobotTask(this.db, campaign, record);
  }

  /** One live robot task of the account. */
  getRobotTask(accountId: string, taskId: string): Promise<RobotTaskView | undefined> {
    return robotTasks.getRobotTask(this.db, accountId, taskId);
  }

  /** The account's robot tasks, newest first. */
  pageRobotTasks(accountId: string, filter: RobotTaskListFilter, page: PageRequest): Promise<Page<RobotTaskView>> {
    return robotTasks.pageRobotTasks(this.db, accountId, filter, page);
  }

  /** The task's uploads, oldest first. */
  listRobotTaskUploads(accountId: string, taskId: string): Promise<RobotTaskUpload[]> {
    return robotTasks.listRobotTaskUploads(this.db, accountId, taskId);
  }

  /** Which numbers the task holds already. */
  findRobotTaskNumbers(accountId: string, taskId: string, numbers: readonly string[]): Promise<Set<string>> {
    return robotTasks.findRobotTaskNumbers(this.db, accountId, taskId, numbers);
  }

  /** Reserves numbers under the cap. */
  reserveRobotTaskNumbers(accountId: string, taskId: string, count: number, max: number): Promise<boolean> {
    return robotTasks.reserveRobotTaskNumbers(this.db, accountId, taskId, count, max);
  }

  /** Gives a reservation back. */
  releaseRobotTaskNumbers(accountId: string, taskId: string, count: number): Promise<void> {
    return robotTasks.releaseRobotTaskNumbers(this.db, accountId, taskId, count);
  }

  /** Schedules a task in INIT. */
  scheduleRobotTask(accountId: string, taskId: string, at: number, now: number): Promise<boolean> {
    return robotTasks.scheduleRobotTask(this.db, accountId, taskId, at, now);
  }

  /** Unschedules a task in INIT. */
  unscheduleRobotTask(accountId: string, taskId: string, now: number): Promise<boolean> {
    return robotTasks.unscheduleRobotTask(this.db, accountId, taskId, now);
  }

  /** Records SINGLE or ORDER. */
  setRobotTaskScheduleType(accountId: string, taskId: string, type: RobotScheduleType): Promise<void> {
    return robotTasks.setRobotTaskScheduleType(this.db, accountId, taskId, type);
  }

  /** Deletes a task in a deletable state. */
  deleteRobotTask(accountId: string, taskId: string, deletable: readonly EngineCondition[], at: number): Promise<boolean> {
    return robotTasks.deleteRobotTask(this.db, accountId, taskId, deletable, at);
  }

  /** The task's called callees, latest call first. */
  pageRobotTaskCalls(accountId: string, taskId: string, filter: RobotTaskCallFilter, page: PageRequest): Promise<Page<RobotTaskCall>> {
    return calls.pageRobotTaskCalls(this.db, accountId, taskId, filter, page);
  }

  /** The latest call to a callee within a span. */
  findRobotTaskCall(accountId: string, taskId: string, callee: string, from: number, to: number): Promise<RobotTaskCall | undefined> {
    return calls.findRobotTaskCall(this.db, accountId, taskId, callee, from, to);
  }
}
