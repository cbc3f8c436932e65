/** The dyvms robot-task actions (CreateRobotTask ... DeleteRobotTask). */
import type { ActionHandler } from '../../../action.js';
import type { DyvmsServices } from '../index.js';

/** Handlers of this area. */
export function robotTaskHandlers(_services: DyvmsServices): ActionHandler[] {
  return [];
}
