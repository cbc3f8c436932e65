/** What the dialer keeps per running task in this process: its schedule, pacing bucket and calls in flight. */
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import { TokenBucket, callSchedule, retryPolicy, type CallSchedule, type RetryPolicy } from '../policies/index.js';

/** Policies derived from a task's settings, rebuilt when the task is updated. */
export interface TaskRuntime {
  readonly taskId: string;
  readonly updatedAt: number;
  readonly schedule: CallSchedule;
  readonly retry: RetryPolicy;
  readonly bucket: TokenBucket;
  /** Calls of this task in flight in this process. */
  running: number;
}

/** Builds the runtime of a task from its stored settings. */
export function taskRuntime(task: TaskRecord, now: number): TaskRuntime {
  const s = task.settings;
  return {
    taskId: task.id,
    updatedAt: task.updatedAt,
    schedule: callSchedule({ windows: s.callTime.windows, days: s.callDays, timeZone: s.timeZone }),
    retry: retryPolicy(s.retry),
    bucket: new TokenBucket({ ratePerSecond: s.taskCps }, now),
    running: 0,
  };
}

/** Caches runtimes by task; a task whose settings changed gets a fresh one (keeping its in-flight count). */
export class TaskRuntimes {
  private readonly byTask = new Map<string, TaskRuntime>();

  /** The runtime for the task as stored now. */
  get(task: TaskRecord, now: number): TaskRuntime {
    const known = this.byTask.get(task.id);
    if (known && known.updatedAt === task.updatedAt) return known;
    const fresh = taskRuntime(task, now);
    fresh.running = known?.running ?? 0;
    this.byTask.set(task.id, fresh);
    return fresh;
  }

  /** Forgets tasks that are no longer running and have nothing in flight. */
  retain(runningTaskIds: ReadonlySet<string>): void {
    for (const [id, rt] of this.byTask) if (!runningTaskIds.has(id) && rt.running === 0) this.byTask.delete(id);
  }
}
