/** The 400-number registry's services built together, since the registry checks codes and the pool checks registrations. */
import type { SecretBox } from '../accounts/secret-box.js';
import type { Clock } from '../../ports/clock.js';
import type { VerificationCodeSender } from '../../ports/hotline-code-sender.js';
import type { HotlineStore } from '../../ports/hotline-store.js';
import type { IdGenerator } from '../ids.js';
import { HotlineRegistry } from './hotline-registry.js';
import { HotlineSealing } from './hotline-sealing.js';
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
  /** Seals the personal data the registry keeps (docs/hotline.md "Personal data at rest"). */
  secrets: SecretBox;
  random?: CodeRandomness;
}

/** Builds the three services over one store, sharing one sealing (and so one digest key). */
export function createHotlineServices(deps: HotlineDeps): HotlineServices {
  const { store, clock } = deps;
  const sealing = new HotlineSealing(deps.secrets, store);
  const verification = new HotlineVerification({ store, clock, sender: deps.sender, sealing, ...(deps.random ? { random: deps.random } : {}) });
  const registry = new HotlineRegistry({ store, clock, ids: deps.ids, verification, sealing });
  return { registry, verification, pool: new HotlineTransferPool({ store, clock, registry, sealing }) };
}
