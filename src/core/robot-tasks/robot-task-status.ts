/**
 * The robot-task state machine in the doc's own words (QueryRobotTaskList `status`, spelled as the doc spells it,
 * EXCUTING included), and how it sits on the campaign engine's task statuses. A robot task is a campaign task with
 * product 'robot-task'; its doc status is derived from the engine status plus whether a start is scheduled:
 *
 * | engine status            | doc status  |
 * | ------------------------ | ----------- |
 * | INIT, no scheduled start | INIT        |
 * | INIT, scheduled start    | READY       |
 * | RUNNING                  | EXCUTING    |
 * | STOPPED                  | MANUAL_STOP |
 * | FAILED                   | SYSTEM_STOP |
 * | COMPLETED                | FINISH      |
 * | CANCELLED                | CANCEL      |
 *
 * DISPATCH (parsing the uploaded file), ARREARS_STOP (unpaid bill) and SYSTEM_CANCEL are never entered: waihu parses
 * numbers when they are uploaded, bills nobody and never cancels a task by itself. They stay in the table so a client
 * filtering by them gets an empty list, and so every rule below is total over the documented statuses.
 *
 * Rules (doc 10.1 and each action's page; the choices where it is silent or contradicts itself are marked):
 * - StartRobotTask starts INIT and READY tasks at once and resumes paused ones (*_STOP); with ScheduleTime it
 *   schedules an INIT task or moves a READY one's time (choice: a paused task resumes only at once).
 * - CancelOrderRobotTask: only READY (a scheduled task that has not started); it goes back to INIT (choice: the doc
 *   does not say INIT or CANCEL; INIT keeps the uploaded numbers usable).
 * - StopRobotTask: only a task that is executing.
 * - CancelRobotTask: only a task that has entered execution (DISPATCH, EXCUTING or paused); CANCEL is terminal.
 * - DeleteRobotTask: INIT, FINISH, CANCEL and SYSTEM_CANCEL (choice: 10.13 allows terminated tasks, 10.1 does not;
 *   a terminated task can never run again, so deleting it loses nothing). READY must be unscheduled first.
 * - Uploading numbers: every status but the terminated ones; into a FINISH task it reopens it (EXCUTING), so numbers
 *   uploaded in several calls are all called even if the first ones finish before the last upload.
 */
import { DomainError } from '../errors.js';
import type { TaskStatus } from '../campaigns/task-status.js';

/** Every documented robot-task status. */
export const ROBOT_TASK_STATUSES = [
  'INIT', 'READY', 'DISPATCH', 'EXCUTING', 'MANUAL_STOP', 'SYSTEM_STOP', 'ARREARS_STOP', 'CANCEL', 'SYSTEM_CANCEL', 'FINISH',
] as const;

/** One documented status. */
export type RobotTaskStatus = (typeof ROBOT_TASK_STATUSES)[number];

/** What happens to a robot task: the actions (start ... upload) and the engine's own moves (dispatch ... start-failed). */
export type RobotTaskEvent =
  | 'start' | 'schedule' | 'cancel-order' | 'stop' | 'cancel' | 'delete' | 'upload'
  | 'dispatch' | 'finish' | 'start-failed';

/** Where an event leads: a status, or out of existence. */
export type RobotTaskTarget = RobotTaskStatus | 'DELETED';

const PAUSED = { MANUAL_STOP: 'EXCUTING', SYSTEM_STOP: 'EXCUTING', ARREARS_STOP: 'EXCUTING' } as const;

/** The transition table: for each event, the statuses it applies in and where it leads. */
export const ROBOT_TASK_TRANSITIONS: Readonly<Record<RobotTaskEvent, Readonly<Partial<Record<RobotTaskStatus, RobotTaskTarget>>>>> = Object.freeze({
  start: { INIT: 'EXCUTING', READY: 'EXCUTING', ...PAUSED },
  schedule: { INIT: 'READY', READY: 'READY' },
  'cancel-order': { READY: 'INIT' },
  stop: { DISPATCH: 'MANUAL_STOP', EXCUTING: 'MANUAL_STOP' },
  cancel: { DISPATCH: 'CANCEL', EXCUTING: 'CANCEL', MANUAL_STOP: 'CANCEL', SYSTEM_STOP: 'CANCEL', ARREARS_STOP: 'CANCEL' },
  delete: { INIT: 'DELETED', FINISH: 'DELETED', CANCEL: 'DELETED', SYSTEM_CANCEL: 'DELETED' },
  upload: {
    INIT: 'INIT', READY: 'READY', DISPATCH: 'DISPATCH', EXCUTING: 'EXCUTING', MANUAL_STOP: 'MANUAL_STOP', SYSTEM_STOP: 'SYSTEM_STOP',
    ARREARS_STOP: 'ARREARS_STOP', FINISH: 'EXCUTING',
  },
  dispatch: { READY: 'EXCUTING' },
  finish: { EXCUTING: 'FINISH' },
  'start-failed': { INIT: 'SYSTEM_STOP', READY: 'SYSTEM_STOP', MANUAL_STOP: 'SYSTEM_STOP', SYSTEM_STOP: 'SYSTEM_STOP' },
});

/** The action that asks for each user event, for refusals. */
const ACTION_OF: Readonly<Record<RobotTaskEvent, string>> = {
  start: 'StartRobotTask',
  schedule: 'StartRobotTask with ScheduleTime',
  'cancel-order': 'CancelOrderRobotTask',
  stop: 'StopRobotTask',
  cancel: 'CancelRobotTask',
  delete: 'DeleteRobotTask',
  upload: 'UploadRobotTaskCalledFile',
  dispatch: 'the scheduled start',
  finish: 'finishing',
  'start-failed': 'a failed start',
};

/** The doc status of a campaign task of product 'robot-task'. */
export function robotTaskStatusOf(task: { status: TaskStatus; scheduledStartAt: number | null }): RobotTaskStatus {
  switch (task.status) {
    case 'INIT':
      return task.scheduledStartAt === null ? 'INIT' : 'READY';
    case 'RUNNING':
      return 'EXCUTING';
    case 'STOPPED':
      return 'MANUAL_STOP';
    case 'FAILED':
      return 'SYSTEM_STOP';
    case 'COMPLETED':
      return 'FINISH';
    case 'CANCELLED':
      return 'CANCEL';
  }
}

/** An engine state a doc status stands for: the engine status and, for INIT, whether a start is scheduled. */
export interface EngineCondition {
  status: TaskStatus;
  scheduled?: boolean;
}

const ENGINE_CONDITIONS: Readonly<Record<RobotTaskStatus, readonly EngineCondition[]>> = Object.freeze({
  INIT: [{ status: 'INIT', scheduled: false }],
  READY: [{ status: 'INIT', scheduled: true }],
  DISPATCH: [],
  EXCUTING: [{ status: 'RUNNING' }],
  MANUAL_STOP: [{ status: 'STOPPED' }],
  SYSTEM_STOP: [{ status: 'FAILED' }],
  ARREARS_STOP: [],
  CANCEL: [{ status: 'CANCELLED' }],
  SYSTEM_CANCEL: [],
  FINISH: [{ status: 'COMPLETED' }],
});

/** The engine states that read as any of `statuses` (empty for statuses waihu never enters). */
export function engineConditionsOf(statuses: readonly RobotTaskStatus[]): EngineCondition[] {
  return statuses.flatMap((s) => ENGINE_CONDITIONS[s]);
}

/** True for a string that is a documented status. */
export function isRobotTaskStatus(value: string): value is RobotTaskStatus {
  return (ROBOT_TASK_STATUSES as readonly string[]).includes(value);
}

/** Where `event` leads from `status`, or undefined when it is not allowed there. */
export function nextRobotTaskStatus(status: RobotTaskStatus, event: RobotTaskEvent): RobotTaskTarget | undefined {
  return ROBOT_TASK_TRANSITIONS[event][status];
}

/** The statuses in which `event` is allowed, in documented order. */
export function statusesAllowing(event: RobotTaskEvent): RobotTaskStatus[] {
  return ROBOT_TASK_STATUSES.filter((s) => nextRobotTaskStatus(s, event) !== undefined);
}

/** Words a list as "A, B or C". */
function either(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? 'never') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Why `event` is refused in `status`, in words the caller can act on. */
function hint(status: RobotTaskStatus, event: RobotTaskEvent): string {
  if (status === 'CANCEL' || status === 'SYSTEM_CANCEL') return 'a terminated task never runs or changes again';
  if (event === 'start' && status === 'EXCUTING') return 'it is already executing';
  if (event === 'start' && status === 'FINISH') return 'every number has been called; upload more numbers to reopen it';
  if (event === 'schedule' && status.endsWith('_STOP')) return 'a paused task resumes at once: call StartRobotTask without ScheduleTime';
  if (event === 'cancel' && (status === 'INIT' || status === 'READY')) return 'it has not started: delete it, or cancel the schedule with CancelOrderRobotTask';
  if (event === 'delete' && status === 'READY') return 'cancel its scheduled start with CancelOrderRobotTask first';
  if (event === 'delete') return 'stop it for good with CancelRobotTask first';
  if (event === 'cancel-order') return 'only a task waiting for its scheduled start can be unscheduled';
  return `this is not allowed while it is ${status}`;
}

/** The refusal of `event` for task `taskId` in `status`, as an InvalidState DomainError (IncorrectStatus). */
export function robotTaskRefusal(taskId: string, status: RobotTaskStatus, event: RobotTaskEvent): DomainError {
  const action = ACTION_OF[event];
  return new DomainError('InvalidState', `${action} refused: task ${taskId} is ${status} (${hint(status, event)}); ` +
    `${action} is allowed when the task is ${either(statusesAllowing(event))}`);
}

/** Where `event` leads; throws the refusal when it is not allowed. */
export function robotTaskTransition(taskId: string, status: RobotTaskStatus, event: RobotTaskEvent): RobotTaskTarget {
  const next = nextRobotTaskStatus(status, event);
  if (next === undefined) throw robotTaskRefusal(taskId, status, event);
  return next;
}
