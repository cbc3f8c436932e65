/**
 * The campaign settings a CallTask runs with. CreateCallTask has no calling hours, pacing or retries, so a CallTask
 * calls around the clock at a steady pace, once per callee: what the doc's batch notification does. Its campaign task
 * waits in INIT until ExecuteCallTask starts it (RUNNING now, or TIMING at FireTime); see product-task-settings.ts.
 */
import { productTaskSettings } from '../campaigns/product-task-settings.js';
import { DEFAULT_RETRY } from '../campaigns/retry-settings.js';
import type { TaskSettings } from '../campaigns/task-settings.js';

/** Calls a CallTask starts per second; the dialer's account and line limits apply on top. */
export const CALL_TASK_CPS = 20;

/** The settings of CallTask `id` calling from `callerNumbers`; `timeZone` is the platform's. */
export function callTaskSettings(id: string, callerNumbers: readonly string[], timeZone: string): TaskSettings {
  return productTaskSettings({
    product: 'call-task', id, callerNumbers, virtualNumber: callerNumbers[0] ?? null, taskCps: CALL_TASK_CPS, retry: DEFAULT_RETRY, timeZone,
  });
}
