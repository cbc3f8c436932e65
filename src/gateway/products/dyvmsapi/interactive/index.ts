/** The dyvms interactive call actions (IvrCall, SmartCall, SmartCallOperate, GetCallInfo). */
import type { ActionHandler } from '../../../action.js';
import type { DyvmsServices } from '../index.js';

/** Handlers of this area. */
export function interactiveCallHandlers(_services: DyvmsServices): ActionHandler[] {
  return [];
}
