/** Task status codes as QueryAiCallTaskPage answers them (docs/aiccs-tasks.md) and what each allows. */
import { TASK_STATUSES, type TaskStatusName } from './actions';

export function statusName(code: number): TaskStatusName | undefined {
  return TASK_STATUSES[code];
}

/** StartAiCallTask is allowed in INIT, STOPPED and FAILED; StopAiCallTask only while RUNNING. */
export function canStart(code: number): boolean {
  const name = statusName(code);
  return name === 'INIT' || name === 'STOPPED' || name === 'FAILED';
}

export function canStop(code: number): boolean {
  return statusName(code) === 'RUNNING';
}
