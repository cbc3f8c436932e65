/**
 * The state rules of the aiccs task actions, checked before the store applies them, so a refusal says which action
 * was refused, what state the task is in, why, and in which states the action is allowed. The store enforces the
 * same rules atomically (task-status.ts); this only words them for the caller.
 */
import { DomainError } from '../errors.js';
import type { TaskRecord } from './campaign-records.js';
import { TASK_STATUSES, TASK_UPDATABLE_STATUSES, nextTaskStatus, type TaskStatus } from './task-status.js';

/** What a caller asks of a task, named by the action that asks it. */
export type TaskAction = 'StartAiCallTask' | 'StopAiCallTask' | 'UpdateAiCallTask' | 'ImportTaskNumberDatas' | 'ImportOneTaskPhoneNumber';

/** True when `action` may be applied to a task in `status`. */
export function taskAllows(action: TaskAction, status: TaskStatus): boolean {
  if (action === 'UpdateAiCallTask') return TASK_UPDATABLE_STATUSES.has(status);
  const event = action === 'StartAiCallTask' ? 'start' : action === 'StopAiCallTask' ? 'stop' : 'import';
  return nextTaskStatus(status, event) !== undefined;
}

/** The statuses in which `action` is allowed, in TASK_STATUSES order. */
export function statusesAllowing(action: TaskAction): TaskStatus[] {
  return TASK_STATUSES.filter((s) => taskAllows(action, s));
}

function isImport(action: TaskAction): boolean {
  return action === 'ImportTaskNumberDatas' || action === 'ImportOneTaskPhoneNumber';
}

/** Why `action` cannot be applied in `status`, in words the caller can act on. */
function reason(action: TaskAction, task: TaskRecord): string {
  const status = task.status;
  if (status === 'CANCELLED') return isImport(action) ? 'a cancelled task takes no more numbers' : 'a cancelled task never runs or changes again';
  if (action === 'StartAiCallTask' && status === 'RUNNING') return 'it is already running';
  if (action === 'StartAiCallTask' && status === 'COMPLETED') return 'every number has been called; import more numbers to reopen it';
  if (action === 'UpdateAiCallTask' && status === 'RUNNING') return 'stop it with StopAiCallTask first';
  if (action === 'StopAiCallTask' && status === 'INIT') return 'it has not started yet';
  if (action === 'StopAiCallTask' && status === 'STOPPED') return 'it is already stopped';
  if (action === 'StopAiCallTask' && status === 'FAILED') return `it failed to start (${task.startFailedReason ?? 'no reason recorded'})`;
  if (action === 'StopAiCallTask' && status === 'COMPLETED') return 'it has already completed';
  return `this is not allowed while it is ${status}`;
}

/** Words a list of statuses as "A, B or C". */
function either(statuses: readonly string[]): string {
  return statuses.length <= 1 ? (statuses[0] ?? 'never') : `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`;
}

/** The refusal of `action` for `task`, as an InvalidState DomainError. */
export function taskRefusal(action: TaskAction, task: TaskRecord): DomainError {
  const message = `${action} refused: task ${task.id} is ${task.status} (${reason(action, task)}); ` +
    `${action} is allowed when the task is ${either(statusesAllowing(action))}`;
  return new DomainError('InvalidState', message);
}

/** Throws the refusal unless `action` is allowed for `task` in its current status. */
export function assertTaskAllows(action: TaskAction, task: TaskRecord): void {
  if (!taskAllows(action, task.status)) throw taskRefusal(action, task);
}
