/** The dyvms interactive call actions (IvrCall, SmartCall, SmartCallOperate, GetCallInfo). */
import type { ActionHandler } from '../../../action.js';
import type { DyvmsServices } from '../index.js';
import { getCallInfo } from './get-call-info.js';
import { ivrCall } from './ivr-call.js';
import { smartCall } from './smart-call.js';
import { smartCallOperate } from './smart-call-operate.js';

/** Handlers of this area. */
export function interactiveCallHandlers(services: DyvmsServices): ActionHandler[] {
  const interactive = services.dyvmsInteractive;
  return [
    ivrCall(services.dyvmsCalls, interactive),
    smartCall(services.dyvmsCalls, interactive),
    smartCallOperate(interactive),
    getCallInfo(interactive),
  ];
}
