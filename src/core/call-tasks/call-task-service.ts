/**
 * The dyvms task center as use cases: CreateCallTask (call-task-create.ts), ExecuteCallTask through the CallTask
 * state machine (call-task-status.ts), ListCallTask and ListCallTaskDetail. A CallTask is visible only to its own
 * account and only here: an aiccs task or robot task id is as unknown as another account's.
 */
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import { DomainError } from '../errors.js';
import type { CallTaskFilter, CallTaskItem, CallTaskItemFilter, CallTaskRecord, CallTaskView } from './call-task.js';
import { createCallTask, type CreateCallTaskInput } from './call-task-create.js';
import type { CallTaskDeps } from './call-task-deps.js';
import { parseFireTime } from './call-task-fire-time.js';
import {
  callTaskRefusalReason, callTaskStatusOf, eitherOf, ENGINE_COMMAND_OF, nextCallTaskStatus, statusesAllowingCommand,
  type CallTaskCommand, type CallTaskStatus,
} from './call-task-status.js';

/** ListCallTask's counts of one task. */
export interface CallTaskCounts {
  /** Callees with a final outcome (answered, not answered or not callable). */
  completed: number;
  total: number;
}

/** A listed CallTask with its counts. */
export interface ListedCallTask {
  task: CallTaskView;
  status: CallTaskStatus;
  counts: CallTaskCounts;
}

function notFound(id: string): DomainError {
  return new DomainError('NotFound', `The specified TaskId "${id}" does not exist.`, 'TaskId');
}

/** ExecuteCallTask's refusal of `command` for a task shown as `status`. */
function refusal(id: string, status: CallTaskStatus, command: CallTaskCommand): DomainError {
  return new DomainError('InvalidState', `ExecuteCallTask Status=${command} refused: task ${id} is ${status} ` +
    `(${callTaskRefusalReason(status, command)}); ${command} is allowed when the task is ${eitherOf(statusesAllowingCommand(command))}`);
}

/** The dyvms task-center use cases of every account. */
export class CallTaskService {
  constructor(private readonly deps: CallTaskDeps) {}

  /** CreateCallTask: a new CallTask in INIT. */
  create(accountId: string, input: CreateCallTaskInput): Promise<CallTaskRecord> {
    return createCallTask(this.deps, accountId, input);
  }

  /** One CallTask of the account; NotFound naming TaskId otherwise. */
  async get(accountId: string, id: string): Promise<CallTaskView> {
    const task = await this.deps.store.getCallTask(accountId, id);
    if (!task) throw notFound(id);
    return task;
  }

  /**
   * ExecuteCallTask: RUNNING, STOP and CANCEL go through the engine's task commands; TIMING schedules the engine's
   * start at FireTime. FireTime is read only for TIMING (the doc's own example sends it with RUNNING).
   */
  async execute(accountId: string, id: string, command: CallTaskCommand, fireTime: string | undefined): Promise<CallTaskStatus> {
    const task = await this.get(accountId, id);
    const status = callTaskStatusOf(task.engineStatus);
    if (nextCallTaskStatus(status, command) === undefined) throw refusal(id, status, command);
    const now = this.deps.clock.now();
    try {
      const changed = command === 'TIMING'
        ? await this.deps.store.scheduleCallTask(accountId, id, this.fireAt(fireTime, now), now)
        : await this.deps.store.changeTaskStatus(accountId, id, ENGINE_COMMAND_OF[command], now);
      if (!changed) throw notFound(id);
      return callTaskStatusOf('engineStatus' in changed ? changed.engineStatus : changed.status);
    } catch (error) {
      // The dialer (or another request) changed the task between the check and the write: say what it is now.
      if (!(error instanceof DomainError) || error.code !== 'InvalidState') throw error;
      throw refusal(id, callTaskStatusOf((await this.get(accountId, id)).engineStatus), command);
    }
  }

  /** The start time of a TIMING command: required, and in the future. */
  private fireAt(fireTime: string | undefined, now: number): number {
    if (fireTime === undefined || fireTime.trim() === '') {
      throw new DomainError('InvalidArgument', 'FireTime is required when Status is TIMING', 'FireTime');
    }
    const at = parseFireTime(fireTime, this.deps.timeZone);
    if (at <= now) throw new DomainError('InvalidArgument', `FireTime "${fireTime}" has passed; use Status RUNNING to start now`, 'FireTime');
    return at;
  }

  /** ListCallTask: the account's CallTasks, newest first, with how many callees each has done. */
  async list(accountId: string, filter: CallTaskFilter, page: PageRequest): Promise<Page<ListedCallTask>> {
    const result = await this.deps.store.pageCallTasks(accountId, filter, page);
    const progress = await this.deps.store.taskProgress(accountId, result.items.map((t) => t.id));
    const items = result.items.map((task) => {
      const p = progress.get(task.id);
      const counts = p ? { completed: p.byState[4] + p.byState[5], total: p.total } : { completed: 0, total: task.calleeCount };
      return { task, status: callTaskStatusOf(task.engineStatus), counts };
    });
    return { total: result.total, items };
  }

  /** ListCallTaskDetail: one CallTask's callees in the order they were given; NotFound naming TaskId. */
  async items(accountId: string, id: string, filter: CallTaskItemFilter, page: PageRequest): Promise<{ task: CallTaskView; page: Page<CallTaskItem> }> {
    const task = await this.get(accountId, id);
    return { task, page: await this.deps.store.pageCallTaskItems(accountId, id, filter, page) };
  }
}
