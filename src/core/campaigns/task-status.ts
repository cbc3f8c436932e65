/**
 * The task (campaign) state machine. aiccs documents four statuses, as the values of QueryAiCallTaskPage's `Status`
 * filter: INIT (created, not started), FAILED (start failed, with StartFailedReason), RUNNING, STOPPED. waihu adds
 * COMPLETED (every recipient terminal) and CANCELLED (dyvms CallTask CANCEL; no aiccs action reaches it yet).
 *
 * Reading of the doc:
 * - CreateAiCallTask with StartType IMMEDIATE "立即启动" starts the task at once (RUNNING); SCHEDULE waits in INIT and
 *   starts by itself at TaskStartTime.
 * - StartAiCallTask "请确保您的呼出任务状态为已停止": from STOPPED; also from INIT (start a scheduled task early)
 *   and FAILED (try again after fixing the cause).
 * - StopAiCallTask "请确保...任务状态为运行中": only from RUNNING. Calls in progress finish; nothing new starts.
 * - UpdateAiCallTask "请先确保外呼任务的状态为已停止": allowed whenever nothing runs (INIT, STOPPED, FAILED,
 *   COMPLETED), refused while RUNNING and after CANCELLED.
 * - Importing numbers is allowed in every status but CANCELLED; into a COMPLETED task it reopens it (RUNNING), so a
 *   list imported in 1000-row calls cannot be cut short by a fast dialer finishing the first rows early.
 */
import { DomainError } from '../errors.js';

/** Every task status; the first four are aiccs', the last two waihu's. */
export const TASK_STATUSES = ['INIT', 'RUNNING', 'STOPPED', 'FAILED', 'COMPLETED', 'CANCELLED'] as const;

/** One task status. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * The integer QueryAiCallTaskPage returns as `Status` (the doc types it int64 but lists no values; its example is 1).
 * waihu's choice: the order of TASK_STATUSES.
 */
export const TASK_STATUS_CODE: Readonly<Record<TaskStatus, number>> = Object.freeze({
  INIT: 0,
  RUNNING: 1,
  STOPPED: 2,
  FAILED: 3,
  COMPLETED: 4,
  CANCELLED: 5,
});

/** What happens to a task: user commands (start, stop, cancel) and engine events (start-failed, complete, import). */
export type TaskEvent = 'start' | 'stop' | 'cancel' | 'start-failed' | 'complete' | 'import';

/** The transition table: for each event, the statuses it applies to and the status it leads to. */
export const TASK_TRANSITIONS: Readonly<Record<TaskEvent, Readonly<Partial<Record<TaskStatus, TaskStatus>>>>> = Object.freeze({
  start: { INIT: 'RUNNING', STOPPED: 'RUNNING', FAILED: 'RUNNING' },
  stop: { RUNNING: 'STOPPED' },
  cancel: { INIT: 'CANCELLED', RUNNING: 'CANCELLED', STOPPED: 'CANCELLED', FAILED: 'CANCELLED' },
  'start-failed': { INIT: 'FAILED', STOPPED: 'FAILED', FAILED: 'FAILED' },
  complete: { RUNNING: 'COMPLETED' },
  import: { INIT: 'INIT', RUNNING: 'RUNNING', STOPPED: 'STOPPED', FAILED: 'FAILED', COMPLETED: 'RUNNING' },
});

/** Statuses in which UpdateAiCallTask may change the settings. */
export const TASK_UPDATABLE_STATUSES: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['INIT', 'STOPPED', 'FAILED', 'COMPLETED']);

/** True for a string that is a task status. */
export function isTaskStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}

/** The status `event` leads to from `status`, or undefined when the event is not allowed there. */
export function nextTaskStatus(status: TaskStatus, event: TaskEvent): TaskStatus | undefined {
  return TASK_TRANSITIONS[event][status];
}

const VERB: Readonly<Record<TaskEvent, string>> = {
  start: 'be started',
  stop: 'be stopped',
  cancel: 'be cancelled',
  'start-failed': 'fail to start',
  complete: 'complete',
  import: 'take new numbers',
};

/** Why `event` is refused in `status`, in words a caller can act on. */
function refusal(status: TaskStatus, event: TaskEvent): string {
  if (status === 'CANCELLED') return `the task was cancelled and cannot ${VERB[event]}`;
  if (event === 'start' && status === 'RUNNING') return 'the task is already running';
  if (event === 'start' && status === 'COMPLETED') return 'the task has completed; import more numbers to reopen it';
  if (event === 'stop') return `only a running task can be stopped; the task is ${status}`;
  return `a task that is ${status} cannot ${VERB[event]}`;
}

/** The status `event` leads to; throws InvalidState with a clear reason when it is not allowed. */
export function taskTransition(status: TaskStatus, event: TaskEvent): TaskStatus {
  const next = nextTaskStatus(status, event);
  if (next === undefined) throw new DomainError('InvalidState', refusal(status, event));
  return next;
}

/** Throws InvalidState unless UpdateAiCallTask may change a task in `status`. */
export function assertTaskUpdatable(status: TaskStatus): void {
  if (TASK_UPDATABLE_STATUSES.has(status)) return;
  const reason = status === 'RUNNING' ? 'stop the task before updating it' : 'a cancelled task cannot be updated';
  throw new DomainError('InvalidState', reason);
}
