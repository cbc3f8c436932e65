/**
 * The dyvms task-center actions (CreateCallTask, ExecuteCallTask, ListCallTask, ListCallTaskDetail): batch
 * notification tasks run by the campaign engine (docs/call-tasks.md).
 */
import { CallTaskIds } from '../../../../core/call-tasks/call-task-ids.js';
import { CallTaskService } from '../../../../core/call-tasks/call-task-service.js';
import type { ActionHandler } from '../../../action.js';
import type { DyvmsServices } from '../index.js';
import { createCallTask } from './create-call-task.js';
import { executeCallTask } from './execute-call-task.js';
import { listCallTask } from './list-call-task.js';
import { listCallTaskDetail } from './list-call-task-detail.js';

/** The CallTask use cases over the dyvms services. */
export function callTaskService(services: DyvmsServices): CallTaskService {
  const { store, clock, ids } = services.dyvms;
  const { ttsTemplates, voiceFiles } = services.voiceResources;
  return new CallTaskService({
    store, clock, ids, taskIds: new CallTaskIds(clock), templates: ttsTemplates,
    voiceFiles: (accountId, code) => voiceFiles.find(accountId, code),
    timeZone: services.timeZone ?? 'Asia/Shanghai',
  });
}

/** Handlers of this area. */
export function callTaskHandlers(services: DyvmsServices): ActionHandler[] {
  const tasks = callTaskService(services);
  return [createCallTask(tasks), executeCallTask(tasks), listCallTask(tasks), listCallTaskDetail(tasks)];
}
