/** The dyvms task-center actions (CreateCallTask, ExecuteCallTask, ListCallTask, ListCallTaskDetail). */
import type { ActionHandler } from '../../../action.js';
import type { DyvmsServices } from '../index.js';

/** Handlers of this area. */
export function callTaskHandlers(_services: DyvmsServices): ActionHandler[] {
  return [];
}
