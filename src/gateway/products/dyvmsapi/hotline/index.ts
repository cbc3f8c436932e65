/** The dyvms 400-number registry actions (doc chapter 12, SubmitHotlineTransferRegister ... SendVerification). */
import type { ActionHandler } from '../../../action.js';
import type { DyvmsServices } from '../index.js';
import { withHotlineErrors } from './hotline-wire.js';
import { getHotlineQualificationByOrder, listHotlineTransferNumber, listHotlineTransferRegisterFile, submitHotlineTransferRegister } from './registrations.js';
import { sendVerification } from './send-verification.js';
import { queryCallInPoolTransferConfig, queryCallInTransferRecord, setTransferCalleePoolConfig } from './transfers.js';

/** Handlers of this area. */
export function hotlineHandlers(services: DyvmsServices): ActionHandler[] {
  const { registry, pool, verification } = services.hotline;
  return [
    submitHotlineTransferRegister(registry),
    listHotlineTransferRegisterFile(registry),
    getHotlineQualificationByOrder(registry),
    listHotlineTransferNumber(registry),
    queryCallInPoolTransferConfig(pool),
    queryCallInTransferRecord(),
    setTransferCalleePoolConfig(pool),
    sendVerification(verification),
  ].map(withHotlineErrors);
}
