/** The 400-number registry's services built together, since the registry checks codes and the pool checks registrations. */
import type { Clock } from '../../ports/clock.js';
import type { VerificationCodeSender } from '../../ports/hotline-code-sender.js';
import type { HotlineStore } from '../../ports/hotline-store.js';
import type { IdGenerator } from '../ids.js';
import { HotlineRegistry } from './hotline-registry.js';
import { HotlineTransferPool } from './hotline-transfer-pool.js';
import { HotlineVerification } from './hotline-verification.js';
import type { CodeRandomness } from './verification-code.js';

/** Qualifications and registrations, transfer pools, verification codes. */
export interface HotlineServices {
  registry: HotlineRegistry;
  pool: HotlineTransferPool;
  verification: HotlineVerification;
}

/** What they are built from. */
export interface HotlineDeps {
  store: HotlineStore;
  clock: Clock;
  ids: IdGenerator;
  sender: VerificationCodeSender;
  random?: CodeRandomness;
}

/** Builds the three services over one store. */
export function createHotlineServices(deps: HotlineDeps): HotlineServices {
  const verification = new HotlineVerification({ store: deps.store, clock: deps.clock, sender: deps.sender, ...(deps.random ? { random: deps.random } : {}) });
  const registry = new HotlineRegistry({ store: deps.store, clock: deps.clock, ids: deps.ids, verification });
  return { registry, verification, pool: new HotlineTransferPool({ store: deps.store, clock: deps.clock, registry }) };
}
