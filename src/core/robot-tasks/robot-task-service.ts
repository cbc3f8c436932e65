/**
 * The robot-task use cases (dyvms chapter 10): create, upload numbers, start/schedule, unschedule, stop, terminate,
 * delete. Each status rule is checked against the doc's state machine (robot-task-status.ts) before the store applies
 * it; the store applies it atomically against the engine status, and a refusal that comes from a change meanwhile
 * (the dialer finishing the task, another request) is reworded from the task as it now is.
 */
import type { RobotService } from '../agents/robot-service.js';
import type { IdSource } from '../campaigns/campaign-deps.js';
import { newTaskRecord } from '../campaigns/new-task.js';
import { DomainError } from '../errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import type { RobotTaskView } from '../../ports/robot-task-store.js';
import { MAX_NUMBERS_PER_TASK, parseCalledUpload } from './robot-task-called.js';
import { parseRobotTaskConfig, robotTaskSettings } from './robot-task-settings.js';
import { engineConditionsOf, robotTaskRefusal, robotTaskStatusOf, robotTaskTransition, statusesAllowing, type RobotTaskEvent } from './robot-task-status.js';
import { parseScheduleTime } from './robot-task-time.js';

/** What the use cases are built from; wired in the dyvms gateway. */
export interface RobotTaskDeps {
  store: Store;
  robots: RobotService;
  ids: IdSource;
  clock: Clock;
  /** The platform zone ScheduleTime and the times shown are read in. */
  timeZone: string;
  /** The per-task number cap; the doc's 300,000 unless a test says otherwise. */
  maxNumbersPerTask?: number;
}

/** NotFound naming the parameter that carried the id; the same for an unknown id and another account's task. */
export function taskNotFound(param: string, id: string): DomainError {
  return new DomainError('NotFound', `The specified ${param} "${id}" does not exist.`, param);
}

/** The robot-task use cases. */
export class RobotTaskService {
  constructor(private readonly deps: RobotTaskDeps) {}

  /** CreateRobotTask: a new task in INIT; the robot must be the account's and the callers its numbers (unless IsSelfLine). */
  async create(accountId: string, params: Record<string, unknown>): Promise<string> {
    const { store, ids, clock } = this.deps;
    const config = parseRobotTaskConfig(params);
    const robot = await this.deps.robots.get(accountId, config.dialogId);
    if (!config.isSelfLine) {
      for (const caller of config.callers) {
        if (!(await store.hasCallerNumber(accountId, caller))) {
          throw new DomainError('InvalidArgument', `Caller "${caller}" is not one of the account's caller numbers (AddCallerNumber); ` +
            'set IsSelfLine=true to call from your own line without this check', 'Caller');
        }
      }
    }
    const id = ids.next();
    const now = clock.now();
    const task = newTaskRecord(id, accountId, robotTaskSettings(id, config, this.deps.timeZone), now, { product: 'robot-task', flow: { kind: 'robot', robotId: robot.id } });
    await store.insertRobotTask(task, {
      taskId: id, accountId, taskName: config.taskName, dialogId: robot.id, robotName: robot.name, corpName: config.corpName,
      caller: config.callers.join(','), numberStatusIdent: config.numberStatusIdent, retryType: config.retryType,
      recallStateCodes: config.recallStateCodes.join(','), recallTimes: config.recallTimes, recallInterval: config.recallInterval,
      isSelfLine: config.isSelfLine, scheduleType: 'SINGLE', numberCount: 0, createdAt: now,
    });
    return id;
  }

  /** The account's live robot task; NotFound naming `param` otherwise. */
  async require(accountId: string, taskId: string, param: string): Promise<RobotTaskView> {
    const view = await this.deps.store.getRobotTask(accountId, taskId);
    if (!view) throw taskNotFound(param, taskId);
    return view;
  }

  /** Throws the refusal unless `event` is allowed for the task as it is. */
  private check(view: RobotTaskView, event: RobotTaskEvent): void {
    robotTaskTransition(view.task.id, robotTaskStatusOf(view.task), event);
  }

  /** Runs a store write already checked; a refusal from a change meanwhile is reworded from the fresh task. */
  private async guarded(accountId: string, taskId: string, event: RobotTaskEvent, write: () => Promise<boolean>, param = 'TaskId'): Promise<void> {
    let done: boolean;
    try {
      done = await write();
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'InvalidState') throw err;
      done = false;
    }
    if (done) return;
    const fresh = await this.require(accountId, taskId, param);
    throw robotTaskRefusal(taskId, robotTaskStatusOf(fresh.task), event);
  }

  /** UploadRobotTaskCalledFile: adds numbers (repeats of stored ones skipped) under the per-task cap. */
  async upload(accountId: string, taskId: string, params: Record<string, unknown>): Promise<void> {
    const { store, ids, clock } = this.deps;
    const max = this.deps.maxNumbersPerTask ?? MAX_NUMBERS_PER_TASK;
    const view = await this.require(accountId, taskId, 'Id');
    this.check(view, 'upload');
    const recipients = parseCalledUpload(params);
    const known = await store.findRobotTaskNumbers(accountId, taskId, recipients.map((r) => r.number));
    const fresh = recipients.filter((r) => !known.has(r.number));
    if (fresh.length === 0) return;
    if (!(await store.reserveRobotTaskNumbers(accountId, taskId, fresh.length, max))) {
      const held = (await this.require(accountId, taskId, 'Id')).robotTask.numberCount;
      throw new DomainError('InvalidArgument', `CalledNumber would bring the task to ${held + fresh.length} numbers; a task takes at most ${max} ` +
        `(it holds ${held})`, 'CalledNumber');
    }
    const details = fresh.map((r) => ({ ...r, id: ids.next() }));
    try {
      await this.guarded(accountId, taskId, 'upload', async () =>
        (await store.importDetails({ accountId, taskId, batchId: ids.next(), encryptionType: 0, details, at: clock.now() })) !== undefined, 'Id');
    } catch (err) {
      await store.releaseRobotTaskNumbers(accountId, taskId, fresh.length);
      throw err;
    }
  }

  /** StartRobotTask: starts or resumes at once, or (with ScheduleTime) schedules the start. */
  async start(accountId: string, taskId: string, scheduleTime: string | undefined): Promise<void> {
    const { store, clock } = this.deps;
    const view = await this.require(accountId, taskId, 'TaskId');
    const event = scheduleTime === undefined ? 'start' : 'schedule';
    this.check(view, event);
    const at = scheduleTime === undefined ? undefined : parseScheduleTime(scheduleTime, this.deps.timeZone, clock.now());
    if (view.robotTask.numberCount === 0) {
      throw new DomainError('InvalidState', `StartRobotTask refused: task ${taskId} has no numbers; upload them with UploadRobotTaskCalledFile first`);
    }
    if (at !== undefined) {
      await this.guarded(accountId, taskId, 'schedule', () => store.scheduleRobotTask(accountId, taskId, at, clock.now()));
      return;
    }
    const firstStart = view.task.realStartTime === null;
    await this.guarded(accountId, taskId, 'start', async () => (await store.changeTaskStatus(accountId, taskId, 'start', clock.now())) !== undefined);
    if (firstStart) await store.setRobotTaskScheduleType(accountId, taskId, 'SINGLE');
  }

  /** CancelOrderRobotTask: a scheduled task goes back to INIT. */
  async cancelOrder(accountId: string, taskId: string): Promise<void> {
    this.check(await this.require(accountId, taskId, 'TaskId'), 'cancel-order');
    await this.guarded(accountId, taskId, 'cancel-order', () => this.deps.store.unscheduleRobotTask(accountId, taskId, this.deps.clock.now()));
  }

  /** StopRobotTask: pauses an executing task; calls in progress finish. */
  async stop(accountId: string, taskId: string): Promise<void> {
    await this.command(accountId, taskId, 'stop');
  }

  /** CancelRobotTask: terminates a task that has entered execution, for good. */
  async cancel(accountId: string, taskId: string): Promise<void> {
    await this.command(accountId, taskId, 'cancel');
  }

  private async command(accountId: string, taskId: string, event: 'stop' | 'cancel'): Promise<void> {
    const { store, clock } = this.deps;
    this.check(await this.require(accountId, taskId, 'TaskId'), event);
    await this.guarded(accountId, taskId, event, async () => (await store.changeTaskStatus(accountId, taskId, event, clock.now())) !== undefined);
  }

  /** DeleteRobotTask: removes a task that has not started, has finished or was terminated. */
  async delete(accountId: string, taskId: string): Promise<void> {
    this.check(await this.require(accountId, taskId, 'TaskId'), 'delete');
    const deletable = engineConditionsOf(statusesAllowing('delete'));
    await this.guarded(accountId, taskId, 'delete', () => this.deps.store.deleteRobotTask(accountId, taskId, deletable, this.deps.clock.now()));
  }
}
