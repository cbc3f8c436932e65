/**
 * ListCallTaskDetail: one CallTask's callees, in the order CreateCallTask was given them, filtered by CalledNum and
 * Status. Status INIT: not called yet (or the call is under way, its outcome unknown); SUCCESS: answered; FAIL:
 * called without an answer, or not callable at all (the task was cancelled before its turn). Caller is the number the
 * latest call came from (the task's first caller number before any call); Duration the talk time in seconds. The
 * doc's Id is "not available yet" and left out. Success is Code "OK" here, unlike the rest of the task center.
 */
import type { CallTaskItem, CallTaskItemFilter, CallTaskItemStatus } from '../../../../core/call-tasks/call-task.js';
import type { CallTaskService } from '../../../../core/call-tasks/call-task-service.js';
import type { ActionHandler } from '../../../action.js';
import { catalogSpec } from '../../catalog-spec.js';
import { optional, pageOf } from './call-task-params.js';

/** The filters of the request. */
function filterOf(p: Record<string, unknown>): CallTaskItemFilter {
  const filter: CallTaskItemFilter = {};
  const calledNum = optional(p, 'CalledNum');
  if (calledNum !== undefined) filter.calledNum = calledNum;
  const status = optional<CallTaskItemStatus>(p, 'Status');
  if (status !== undefined) filter.status = status;
  return filter;
}

/** The ListCallTaskDetail handler. */
export function listCallTaskDetail(tasks: CallTaskService): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'ListCallTaskDetail'),
    handle: async (ctx, p) => {
      const page = pageOf(p);
      const { task, page: result } = await tasks.items(ctx.accountId, String(p.TaskId), filterOf(p), page);
      const defaultCaller = task.resource.split(',')[0] ?? '';
      const item = (i: CallTaskItem) => ({ Status: i.status, Duration: i.durationSeconds, CalledNum: i.calledNum, Caller: i.caller ?? defaultCaller });
      return {
        Code: 'OK', PageNumber: page.pageNo, PageSize: page.pageSize, Total: result.total,
        TotalPage: Math.ceil(result.total / page.pageSize), Data: result.items.map(item),
      };
    },
  };
}
