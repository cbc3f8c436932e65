/** The record of a task at creation: IMMEDIATE tasks run at once, SCHEDULE ones wait in INIT for TaskStartTime. */
import type { TaskRecord } from './campaign-records.js';
import { AICCS_ORIGIN, type TaskOrigin } from './task-product.js';
import type { TaskSettings } from './task-settings.js';
import type { TaskStatus } from './task-status.js';

/** A new task of `accountId` created at `now`; an aiccs task unless `origin` says otherwise. */
export function newTaskRecord(id: string, accountId: string, settings: TaskSettings, now: number, origin: TaskOrigin = AICCS_ORIGIN): TaskRecord {
  const immediate = settings.startType === 'IMMEDIATE';
  return {
    id,
    accountId,
    product: origin.product,
    flow: origin.flow,
    settings,
    status: immediate ? 'RUNNING' : 'INIT',
    startFailedReason: null,
    scheduledStartAt: scheduledStartOf(settings),
    realStartTime: immediate ? now : null,
    createdAt: now,
    updatedAt: now,
  };
}

/** When the engine should start a task with these settings by itself, if ever. */
export function scheduledStartOf(settings: TaskSettings): number | null {
  return settings.startType === 'SCHEDULE' ? settings.taskStartTime : null;
}

/**
 * When a task should start by itself after UpdateAiCallTask. A task that never ran keeps its schedule even if the
 * time has passed (it starts at once, as it should have); one that already ran only auto-starts at a future time,
 * because UpdateAiCallTask must resend StartType and TaskStartTime and re-sending the old time of a task the
 * customer stopped must not restart it. A COMPLETED task is not scheduled: only an import reopens it.
 */
export function scheduledStartOnUpdate(settings: TaskSettings, status: TaskStatus, realStartTime: number | null, now: number): number | null {
  const at = scheduledStartOf(settings);
  if (at === null || status === 'COMPLETED') return null;
  return realStartTime === null || at > now ? at : null;
}
