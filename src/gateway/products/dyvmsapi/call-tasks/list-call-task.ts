/**
 * ListCallTask: the account's CallTasks, newest first, filtered by TaskName (part of it), TemplateName, Status, TaskId
 * and BizType. Each item says how far the task is: CompletedCount callees have a final outcome out of TotalCount, and
 * CompletedRate is that share in hundredths of a percent (10000 when done), as the doc's examples show. FireTime is
 * the pending TIMING start, or when the task first ran; CompleteTime is when a DONE task finished. Both are epoch ms
 * written as text, the type the doc's table and the SDK model give them. The doc's inner Data and StopTime are "not
 * available yet" and left out.
 */
import { CALL_TASK_STATUSES, engineStatusesOf, type CallTaskStatus } from '../../../../core/call-tasks/call-task-status.js';
import type { CallTaskBizType, CallTaskFilter } from '../../../../core/call-tasks/call-task.js';
import type { CallTaskService, ListedCallTask } from '../../../../core/call-tasks/call-task-service.js';
import type { ActionHandler } from '../../../action.js';
import { gatewayErrors } from '../../../errors.js';
import { catalogSpec } from '../../catalog-spec.js';
import { longId, optional, pageOf } from './call-task-params.js';

/** CompletedRate's scale: 10000 is every callee done. */
const FULL_RATE = 10_000;

/** The filters of the request. */
function filterOf(p: Record<string, unknown>): CallTaskFilter {
  const filter: CallTaskFilter = {};
  const taskId = optional(p, 'TaskId');
  if (taskId !== undefined) {
    if (!/^\d{1,19}$/.test(taskId)) throw gatewayErrors.invalidParameter('TaskId', 'must be a task id (digits only)');
    filter.taskId = taskId;
  }
  const taskName = optional(p, 'TaskName');
  if (taskName !== undefined) filter.taskName = taskName;
  const templateName = optional(p, 'TemplateName');
  if (templateName !== undefined) filter.templateName = templateName;
  const bizType = optional<CallTaskBizType>(p, 'BizType');
  if (bizType !== undefined) filter.bizType = bizType;
  const status = optional<CallTaskStatus>(p, 'Status');
  if (status !== undefined && CALL_TASK_STATUSES.includes(status)) filter.engineStatuses = engineStatusesOf(status);
  return filter;
}

/** One task as the doc's `Data` item. */
function itemOf({ task, status, counts }: ListedCallTask): Record<string, unknown> {
  const fireTime = task.scheduledStartAt ?? task.realStartTime;
  return {
    Id: longId(task.id),
    TaskName: task.taskName,
    Status: status,
    BizType: task.bizType,
    TemplateCode: task.templateCode,
    TemplateName: task.templateName,
    Resource: task.resource,
    DataType: task.dataType,
    TotalCount: counts.total,
    CompletedCount: counts.completed,
    CompletedRate: counts.total === 0 ? 0 : Math.floor((counts.completed * FULL_RATE) / counts.total),
    ...(fireTime !== null ? { FireTime: String(fireTime) } : {}),
    ...(status === 'DONE' ? { CompleteTime: String(task.updatedAt) } : {}),
  };
}

/** The ListCallTask handler. */
export function listCallTask(tasks: CallTaskService): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'ListCallTask'),
    handle: async (ctx, p) => {
      const page = pageOf(p);
      const result = await tasks.list(ctx.accountId, filterOf(p), page);
      return { Code: '200', PageNumber: page.pageNo, PageSize: page.pageSize, Total: result.total, Data: result.items.map(itemOf) };
    },
  };
}
