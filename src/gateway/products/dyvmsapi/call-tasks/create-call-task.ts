/**
 * CreateCallTask: a batch notification task from a template, caller numbers and up to 1000 callees; INIT until
 * ExecuteCallTask starts it. TemplateCode, Resource and Data are marked optional by the doc but a task cannot run
 * without them, so each is required here (Missing<Name>). FireTime, StopTime and ScheduleType are "not available yet"
 * in the doc and are accepted and ignored; ExecuteCallTask TIMING schedules a start. Answers `{Code:"200", Data: id}`.
 */
import type { CallTaskBizType, CallTaskDataType } from '../../../../core/call-tasks/call-task.js';
import type { CallTaskService } from '../../../../core/call-tasks/call-task-service.js';
import type { ActionHandler } from '../../../action.js';
import { catalogSpec } from '../../catalog-spec.js';
import { longId, optional, required } from './call-task-params.js';

/** The CreateCallTask handler. */
export function createCallTask(tasks: CallTaskService): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'CreateCallTask'),
    handle: async (ctx, p) => {
      const input = {
        TemplateCode: required(p, 'TemplateCode'),
        Resource: required(p, 'Resource'),
        Data: required(p, 'Data'),
        ...withOptional('TaskName', optional(p, 'TaskName')),
        ...withOptional('TemplateName', optional(p, 'TemplateName')),
        ...withOptional('BizType', optional<CallTaskBizType>(p, 'BizType')),
        ...withOptional('DataType', optional<CallTaskDataType>(p, 'DataType')),
      };
      const task = await tasks.create(ctx.accountId, input);
      return { Code: '200', Data: longId(task.id) };
    },
  };
}

/** `{[name]: value}` when the value was given, `{}` otherwise (exactOptionalPropertyTypes). */
function withOptional<K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, V>);
}
