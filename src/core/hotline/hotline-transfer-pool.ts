/**
 * The transfer callee pool of a 400 number (SetTransferCalleePoolConfig, QueryCallInPoolTransferConfig): where the
 * number's inbound calls are forwarded, and in which order. Only numbers whose registration the operator approved
 * may be in the pool: forwarding a 400 number to an unregistered number is what the registration exists to prevent.
 */
import { DomainError } from '../errors.js';
import type { Clock } from '../../ports/clock.js';
import type { HotlineStore } from '../../ports/hotline-store.js';
import type { CalledRouteMode, TransferConfigRecord, TransferTarget } from './hotline-records.js';
import { hotlineNumber, transferTarget } from './hotline-inputs.js';
import type { HotlineRegistry } from './hotline-registry.js';
import type { HotlineSealing } from './hotline-sealing.js';

/** Seconds a target rings before the next is tried; the doc's example value, not settable through the API. */
export const DEFAULT_TRANSFER_TIMEOUT_S = 30;
/** Most targets in one pool. */
export const MAX_POOL_TARGETS = 50;

/** SetTransferCalleePoolConfig's parameters, as received. */
export interface TransferPoolInput {
  PhoneNumber: string;
  QualificationId: string;
  CalledRouteMode: CalledRouteMode;
  Details: readonly { Called: string; Caller?: string }[];
}

/** What the pool service needs. */
export interface TransferPoolDeps {
  store: HotlineStore;
  clock: Clock;
  registry: HotlineRegistry;
  /** Targets are sealed at rest and matched against registrations by digest. */
  sealing: HotlineSealing;
}

/** Sets and reads transfer callee pools. */
export class HotlineTransferPool {
  constructor(private readonly deps: TransferPoolDeps) {}

  /** Replaces the 400 number's pool; every Called must be an approved transfer number of that qualification's 400 number. */
  async set(accountId: string, input: TransferPoolInput): Promise<TransferConfigRecord> {
    const hotline = hotlineNumber(input.PhoneNumber, 'PhoneNumber');
    const qualification = await this.deps.registry.qualification(accountId, input.QualificationId);
    if (qualification.status !== 'NORMAL') {
      throw new DomainError('InvalidState', `qualification ${qualification.qualificationId} is suspended (status ${qualification.status})`);
    }
    const targets = poolTargets(input.Details);
    const scope = { hotlineNumber: hotline, statuses: ['APPROVED'] as const, qualificationId: qualification.qualificationId };
    const digests = await this.deps.sealing.digests(targets.map((t) => t.called));
    const approved = new Set(await this.deps.store.findHotlineTransferNumbers(accountId, scope, digests));
    const index = digests.findIndex((digest) => !approved.has(digest));
    if (index >= 0) {
      throw new DomainError('InvalidArgument', `${targets[index]!.called} is not an approved transfer number of ${hotline} under qualification ${qualification.qualificationId} (SubmitHotlineTransferRegister, then the operator's approval)`, `Details.${index + 1}.Called`);
    }
    const now = this.deps.clock.now();
    const record: TransferConfigRecord = {
      accountId, hotlineNumber: hotline, qualificationId: qualification.qualificationId, routeMode: input.CalledRouteMode,
      transferTimeoutS: DEFAULT_TRANSFER_TIMEOUT_S, targets, createdAt: now, updatedAt: now,
    };
    await this.deps.store.putHotlineTransferConfig(this.deps.sealing.sealTransferConfig(record));
    return record;
  }

  /** The 400 number's pool; NotFound (PhoneNumber) when none was set. */
  async get(accountId: string, phoneNumber: string): Promise<TransferConfigRecord> {
    const hotline = hotlineNumber(phoneNumber, 'PhoneNumber');
    const found = await this.deps.store.getHotlineTransferConfig(accountId, hotline);
    if (!found) throw new DomainError('NotFound', `no transfer callee pool is set for ${hotline}; SetTransferCalleePoolConfig sets one`, 'PhoneNumber');
    return this.deps.sealing.openTransferConfig(found);
  }
}

/** The targets, checked and named by wire path: 1-50, no number twice, Caller digits when given. */
function poolTargets(details: TransferPoolInput['Details']): TransferTarget[] {
  if (details.length > MAX_POOL_TARGETS) throw new DomainError('InvalidArgument', `at most ${MAX_POOL_TARGETS} targets; got ${details.length}`, 'Details');
  const seen = new Set<string>();
  return details.map((d, i) => {
    const called = transferTarget(d.Called, `Details.${i + 1}.Called`);
    if (seen.has(called)) throw new DomainError('InvalidArgument', `${called} is listed twice`, `Details.${i + 1}.Called`);
    seen.add(called);
    const caller = d.Caller?.trim() ? d.Caller.trim() : null;
    if (caller !== null && !/^\d{3,20}$/.test(caller)) throw new DomainError('InvalidArgument', `"${caller}" is not a phone number (3-20 digits)`, `Details.${i + 1}.Caller`);
    return { called, caller };
  });
}
