/**
 * The CallTask state machine as the dyvms task center shows it (ListCallTask `Status`: INIT, RELEASE, RUNNING, STOP,
 * SYSTEM_STOP, CANCEL, SYSTEM_CANCEL, DONE) over the campaign engine's task statuses. The doc names the statuses and
 * ExecuteCallTask's four commands only; the transitions are waihu's reading (docs/call-tasks.md):
 *
 * - CreateCallTask parses the callee data before it answers, so a task is INIT at once; RELEASE ("解析中") is never
 *   shown. waihu never cancels a task by itself, so SYSTEM_CANCEL is never shown either.
 * - RUNNING starts now: from INIT (a TIMING schedule is dropped), STOP and SYSTEM_STOP.
 * - TIMING schedules the start at FireTime; the task keeps its status until then. Allowed where RUNNING is; a second
 *   TIMING moves the time.
 * - STOP pauses a RUNNING task: calls in progress finish, nothing new starts.
 * - CANCEL ends a task that has not finished (INIT, RUNNING, STOP, SYSTEM_STOP): every callee not yet called fails.
 * - The engine: a scheduled start fires (-> RUNNING), a start fails (-> SYSTEM_STOP, the engine's FAILED), and a
 *   RUNNING task whose callees are all done completes (-> DONE).
 */
import type { TaskStatus } from '../campaigns/task-status.js';

/** Every status ListCallTask documents. */
export const CALL_TASK_STATUSES = ['INIT', 'RELEASE', 'RUNNING', 'STOP', 'SYSTEM_STOP', 'CANCEL', 'SYSTEM_CANCEL', 'DONE'] as const;

/** One documented CallTask status. */
export type CallTaskStatus = (typeof CALL_TASK_STATUSES)[number];

/** ExecuteCallTask's `Status` values: commands, not statuses. */
export const CALL_TASK_COMMANDS = ['RUNNING', 'TIMING', 'STOP', 'CANCEL'] as const;

/** One ExecuteCallTask command. */
export type CallTaskCommand = (typeof CALL_TASK_COMMANDS)[number];

/** What the engine does to a CallTask by itself. */
export type CallTaskEngineEvent = 'scheduled-start' | 'start-failed' | 'complete';

/** The engine status behind each status a CallTask shows; RELEASE and SYSTEM_CANCEL have none. */
const SHOWN_AS: Readonly<Record<TaskStatus, CallTaskStatus>> = Object.freeze({
  INIT: 'INIT',
  RUNNING: 'RUNNING',
  STOPPED: 'STOP',
  FAILED: 'SYSTEM_STOP',
  COMPLETED: 'DONE',
  CANCELLED: 'CANCEL',
});

/** The status ListCallTask shows for an engine status. */
export function callTaskStatusOf(status: TaskStatus): CallTaskStatus {
  return SHOWN_AS[status];
}

/** The engine statuses a ListCallTask `Status` filter matches (none for RELEASE and SYSTEM_CANCEL). */
export function engineStatusesOf(status: CallTaskStatus): TaskStatus[] {
  return (Object.keys(SHOWN_AS) as TaskStatus[]).filter((s) => SHOWN_AS[s] === status);
}

/** ExecuteCallTask's transition table: for each command, the statuses it applies to and the status it leads to. */
export const CALL_TASK_TRANSITIONS: Readonly<Record<CallTaskCommand, Readonly<Partial<Record<CallTaskStatus, CallTaskStatus>>>>> = Object.freeze({
  RUNNING: { INIT: 'RUNNING', STOP: 'RUNNING', SYSTEM_STOP: 'RUNNING' },
  // A schedule leaves the status as it is until FireTime, when the engine's scheduled start applies.
  TIMING: { INIT: 'INIT', STOP: 'STOP', SYSTEM_STOP: 'SYSTEM_STOP' },
  STOP: { RUNNING: 'STOP' },
  CANCEL: { INIT: 'CANCEL', RUNNING: 'CANCEL', STOP: 'CANCEL', SYSTEM_STOP: 'CANCEL' },
});

/** The engine's own transitions of a CallTask. */
export const CALL_TASK_ENGINE_TRANSITIONS: Readonly<Record<CallTaskEngineEvent, Readonly<Partial<Record<CallTaskStatus, CallTaskStatus>>>>> = Object.freeze({
  'scheduled-start': { INIT: 'RUNNING', STOP: 'RUNNING', SYSTEM_STOP: 'RUNNING' },
  'start-failed': { INIT: 'SYSTEM_STOP', STOP: 'SYSTEM_STOP', SYSTEM_STOP: 'SYSTEM_STOP' },
  complete: { RUNNING: 'DONE' },
});

/** Statuses no command or event leaves. */
export const TERMINAL_CALL_TASK_STATUSES: ReadonlySet<CallTaskStatus> = new Set<CallTaskStatus>(['CANCEL', 'SYSTEM_CANCEL', 'DONE']);

/** The status `command` leads to from `status`, or undefined when ExecuteCallTask must refuse it. */
export function nextCallTaskStatus(status: CallTaskStatus, command: CallTaskCommand): CallTaskStatus | undefined {
  return CALL_TASK_TRANSITIONS[command][status];
}

/** The status an engine event leads to from `status`, or undefined when it does not apply there. */
export function nextCallTaskStatusOnEvent(status: CallTaskStatus, event: CallTaskEngineEvent): CallTaskStatus | undefined {
  return CALL_TASK_ENGINE_TRANSITIONS[event][status];
}

/** The statuses in which `command` is allowed, in documented order. */
export function statusesAllowingCommand(command: CallTaskCommand): CallTaskStatus[] {
  return CALL_TASK_STATUSES.filter((s) => nextCallTaskStatus(s, command) !== undefined);
}

/** The engine command that carries out an ExecuteCallTask command; TIMING only sets a schedule. */
export const ENGINE_COMMAND_OF: Readonly<Record<Exclude<CallTaskCommand, 'TIMING'>, 'start' | 'stop' | 'cancel'>> = Object.freeze({
  RUNNING: 'start',
  STOP: 'stop',
  CANCEL: 'cancel',
});

/** Why `command` is refused in `status`, in words the caller can act on. */
export function callTaskRefusalReason(status: CallTaskStatus, command: CallTaskCommand): string {
  if (status === 'DONE') return 'every callee has been called';
  if (status === 'CANCEL' || status === 'SYSTEM_CANCEL') return 'a cancelled task never runs again';
  if (command === 'RUNNING' && status === 'RUNNING') return 'it is already running';
  if (command === 'TIMING' && status === 'RUNNING') return 'it is already running';
  if (command === 'STOP' && status === 'INIT') return 'it has not started yet';
  if (command === 'STOP') return 'it is already stopped';
  return `this is not allowed while it is ${status}`;
}

/** Words a list as "A, B or C". */
export function eitherOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? 'never') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
