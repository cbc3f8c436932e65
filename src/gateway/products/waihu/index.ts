/** Every implemented action of the waihu product. */
import type { AccessKeyService } from '../../../core/accounts/access-keys.js';
import type { ActionHandler } from '../../action.js';
import { accessKeyActions } from './access-keys.js';
import { getCallerIdentity } from './get-caller-identity.js';
import { numberListActions, type NumberListServices } from './number-lists.js';
import { simulatorModelActions, type SimulatorModelServices } from './simulator-model.js';

/** The services waihu's actions need. */
export interface WaihuServices {
  accessKeys: AccessKeyService;
  numberLists: NumberListServices;
  simulatorModels: SimulatorModelServices;
}

/** Handlers of the waihu product. */
export function waihuHandlers(services: WaihuServices): ActionHandler[] {
  return [getCallerIdentity(), ...accessKeyActions(services.accessKeys), ...numberListActions(services.numberLists), ...simulatorModelActions(services.simulatorModels)];
}
