/**
 * CreateAiCallTask, UpdateAiCallTask, StartAiCallTask and StopAiCallTask as use cases. Settings are parsed by
 * task-settings.ts (errors name the wire parameter); state rules are worded by task-refusals.ts and enforced again,
 * atomically, by the store.
 */
import { guardedWrite, requireTask, type CampaignDeps } from './campaign-deps.js';
import type { TaskRecord } from './campaign-records.js';
import { newTaskRecord } from './new-task.js';
import { requireId } from './query-values.js';
import { assertTaskAllows } from './task-refusals.js';
import { applyTaskUpdate, parseTaskSettings, type TaskSettingsInput } from './task-settings.js';

/** UpdateAiCallTask's parameters: the settings plus the task to change. */
export interface TaskUpdateInput extends TaskSettingsInput {
  TaskId?: unknown;
}

/** Creates a task: IMMEDIATE ones run at once, SCHEDULE ones wait in INIT for TaskStartTime. */
export async function createTask(deps: CampaignDeps, accountId: string, input: TaskSettingsInput): Promise<TaskRecord> {
  const settings = parseTaskSettings(input);
  const task = newTaskRecord(deps.ids.next(), accountId, settings, deps.clock.now());
  await deps.store.insertTask(task);
  return task;
}

/** Replaces a task's settings; refused while it runs and once it is cancelled. */
export async function updateTask(deps: CampaignDeps, accountId: string, input: TaskUpdateInput): Promise<TaskRecord> {
  const task = await requireTask(deps, accountId, requireId(input.TaskId, 'TaskId'));
  assertTaskAllows('UpdateAiCallTask', task);
  const settings = applyTaskUpdate(task.settings, input);
  return guardedWrite(deps, 'UpdateAiCallTask', task, () => deps.store.updateTaskSettings(accountId, task.id, settings, deps.clock.now()));
}

/** Starts (or restarts) a task that is INIT, STOPPED or FAILED. */
export async function startTask(deps: CampaignDeps, accountId: string, taskId: unknown): Promise<TaskRecord> {
  const task = await requireTask(deps, accountId, requireId(taskId, 'TaskId'));
  assertTaskAllows('StartAiCallTask', task);
  return guardedWrite(deps, 'StartAiCallTask', task, () => deps.store.changeTaskStatus(accountId, task.id, 'start', deps.clock.now()));
}

/** Stops a running task: calls in progress finish, nothing new starts. */
export async function stopTask(deps: CampaignDeps, accountId: string, taskId: unknown): Promise<TaskRecord> {
  const task = await requireTask(deps, accountId, requireId(taskId, 'TaskId'));
  assertTaskAllows('StopAiCallTask', task);
  return guardedWrite(deps, 'StopAiCallTask', task, () => deps.store.changeTaskStatus(accountId, task.id, 'stop', deps.clock.now()));
}
