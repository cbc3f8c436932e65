/**
 * The campaign settings a CallTask runs with. CreateCallTask has no calling hours, pacing or retries, so a CallTask
 * calls around the clock at a steady pace, once per callee: what the doc's batch notification does. Its campaign task
 * is INIT until ExecuteCallTask starts it, and carries an internal name, since campaign task names are unique per
 * account and a CallTask's TaskName need not be.
 */
import { parseCallDays, parseCallTime, CALL_DAYS } from '../campaigns/call-time.js';
import { DEFAULT_RETRY } from '../campaigns/retry-settings.js';
import type { TaskSettings } from '../campaigns/task-settings.js';

/** Calls a CallTask starts per second; the dialer's account and line limits apply on top. */
export const CALL_TASK_CPS = 20;

const ALL_DAY = parseCallTime(['{"startTime":"00:00:00","endTime":"24:00:00"}']);
const EVERY_DAY = parseCallDays([...CALL_DAYS]);

/** The campaign task name of CallTask `id`. */
export function campaignNameOf(id: string): string {
  return `call-task:${id}`;
}

/** The settings of CallTask `id` calling from `callerNumbers`; `timeZone` is the platform's. */
export function callTaskSettings(id: string, callerNumbers: readonly string[], timeZone: string): TaskSettings {
  return {
    name: campaignNameOf(id),
    agentId: null,
    virtualNumber: callerNumbers[0] ?? null,
    callerNumbers: [...callerNumbers],
    // SCHEDULE without a time: the task waits in INIT for ExecuteCallTask (RUNNING now, or TIMING at FireTime).
    startType: 'SCHEDULE',
    taskStartTime: null,
    callTime: ALL_DAY,
    callDays: EVERY_DAY,
    taskCps: CALL_TASK_CPS,
    concurrency: null,
    retry: DEFAULT_RETRY,
    timeZone,
    applicationCode: null,
    applicationName: null,
    source: null,
    phoneType: null,
    lineEncoding: null,
    linePhoneNum: null,
  };
}
