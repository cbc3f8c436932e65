/**
 * Tasks as QueryAiCallTaskPage (`Data.List[]`) and QueryAiCallTaskDetail (`Data`) return them: field names and
 * types of the catalog's response schema and the SDK model; times in epoch ms; absent values left out.
 */
import type { TaskRecord } from '../../../core/campaigns/campaign-records.js';
import type { TaskListItem, TaskOverview } from '../../../core/campaigns/task-overview.js';
import { TASK_STATUS_CODE } from '../../../core/campaigns/task-status.js';
import { percent, present } from './envelope.js';

/** StartTime, "任务计划启动时间": TaskStartTime of a SCHEDULE task, the creation time of an IMMEDIATE one. */
function plannedStart(task: TaskRecord): number {
  return task.settings.taskStartTime ?? task.createdAt;
}

/** The fields both task queries share. */
function identity(task: TaskRecord, agentName: string | null): Record<string, unknown> {
  const s = task.settings;
  return {
    TaskId: task.id,
    TaskName: s.name,
    AgentId: s.agentId,
    AgentName: agentName,
    ApplicationCode: s.applicationCode,
    ApplicationName: s.applicationName,
    StartTime: plannedStart(task),
    RealStartTime: task.realStartTime,
    // The doc calls TaskCps "任务并发"; ConcurrentCount reports it back.
    ConcurrentCount: s.taskCps,
  };
}

/** One `Data.List[]` entry of QueryAiCallTaskPage. */
export function taskListEntry(item: TaskListItem): Record<string, unknown> {
  const { task, stats } = item;
  const { byState, total } = stats.progress;
  return present({
    ...identity(task, item.agentName),
    Status: TASK_STATUS_CODE[task.status],
    CreateTime: task.createdAt,
    StartFailedReason: task.startFailedReason,
    TotalCount: total,
    TotalCallCount: stats.calledCount,
    DayCallCount: stats.dayCallCount,
    DayImportCount: stats.dayImportCount,
    CallingCount: byState[3],
    SucceedCount: byState[4],
    FailedCount: byState[5],
    CompleteRate: percent(byState[4] + byState[5], total),
    HistoryConnectRate: percent(stats.answeredCount, stats.calledCount),
    DayConnectRate: percent(stats.dayAnsweredCount, stats.dayCallCount),
  });
}

/** `Data` of QueryAiCallTaskDetail. */
export function taskDetailData({ task, agentName }: TaskOverview): Record<string, unknown> {
  const s = task.settings;
  return present({
    ...identity(task, agentName),
    StartType: s.startType,
    CallerNumber: s.callerNumbers.join(',') || s.virtualNumber,
    LinePhoneNum: s.linePhoneNum,
    LineEncoding: s.lineEncoding,
    PhoneType: s.phoneType,
    CallTimes: s.callTime.windows.map((w) => ({ StartTime: w.startTime, EndTime: w.endTime })),
    CallDays: [...s.callDays],
    RetryEnable: s.retry.enabled,
    RetryReasons: [...s.retry.reasons],
    RetryCount: s.retry.times,
    RetryInterval: s.retry.intervalMinutes,
  });
}
