/**
 * ExecuteCallTask: Status RUNNING starts a task now, TIMING at FireTime, STOP pauses it, CANCEL ends it for good
 * (docs/call-tasks.md has the state table). A command the task's status does not allow is IncorrectStatus (400)
 * saying why and when it is allowed; the doc's Data=false is never answered, since a refusal with its reason helps
 * a caller more than a bare false. Answers `{Code:"200", Data:true}`.
 */
import type { CallTaskCommand } from '../../../../core/call-tasks/call-task-status.js';
import type { CallTaskService } from '../../../../core/call-tasks/call-task-service.js';
import type { ActionHandler } from '../../../action.js';
import { catalogSpec } from '../../catalog-spec.js';
import { optional } from './call-task-params.js';

/** The ExecuteCallTask handler; TaskId and Status are required and checked by the catalog spec. */
export function executeCallTask(tasks: CallTaskService): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'ExecuteCallTask'),
    handle: async (ctx, p) => {
      await tasks.execute(ctx.accountId, String(p.TaskId), p.Status as CallTaskCommand, optional(p, 'FireTime'));
      return { Code: '200', Data: true };
    },
  };
}
