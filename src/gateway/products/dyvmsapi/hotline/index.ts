/** The dyvms 400-number registry actions (SubmitHotlineTransferRegister ... SendVerification). */
import type { ActionHandler } from '../../../action.js';
import type { DyvmsServices } from '../index.js';

/** Handlers of this area. */
export function hotlineHandlers(_services: DyvmsServices): ActionHandler[] {
  return [];
}
