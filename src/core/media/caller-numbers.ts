/**
 * The caller-number use cases, and the rule single calls apply to CalledShowNumber: it must be one of the
 * account's numbers, and may be left empty only with a public-mode template.
 */
import type { Clock } from '../../ports/clock.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type { CallerNumberStore } from '../../ports/voice-resource-store.js';
import { DomainError } from '../errors.js';
import { ShortLivedCache } from '../short-lived-cache.js';
import { checkedCallerNumber, type CallerNumberRecord } from './caller-number.js';

/**
 * How long "the account owns this number" is reused. Every single call checks its CalledShowNumber; a number removed
 * through another waihu process may still be accepted for this long (through this one, never: remove forgets it).
 */
export const OWNERSHIP_CACHE_MS = 2_000;

/** The account's caller numbers. */
export class CallerNumberService {
  private readonly owned: ShortLivedCache<boolean>;

  constructor(
    private readonly store: CallerNumberStore,
    private readonly clock: Clock,
  ) {
    this.owned = new ShortLivedCache(clock, OWNERSHIP_CACHE_MS);
  }

  /** Registers a number; AlreadyExists when the account has it already. */
  async add(accountId: string, raw: string): Promise<CallerNumberRecord> {
    const record = { accountId, number: checkedCallerNumber(raw), createdAt: this.clock.now() };
    const inserted = await this.store.insertCallerNumber(record);
    this.owned.invalidate(cacheKey(accountId, record.number));
    if (!inserted) {
      throw new DomainError('AlreadyExists', `caller number ${record.number} is already registered`, 'PhoneNumber');
    }
    return record;
  }

  /** Unregisters a number; NotFound when the account does not have it. */
  async remove(accountId: string, raw: string): Promise<void> {
    const number = raw.trim();
    const deleted = await this.store.deleteCallerNumber(accountId, number);
    this.owned.invalidate(cacheKey(accountId, number));
    if (!deleted) {
      throw new DomainError('NotFound', `The specified PhoneNumber "${number}" does not exist.`, 'PhoneNumber');
    }
  }

  /** The account's numbers, newest first. */
  page(accountId: string, page: PageRequest): Promise<Page<CallerNumberRecord>> {
    return this.store.pageCallerNumbers(accountId, page);
  }

  /** True when the account registered this number. */
  isOwnedCallerNumber(accountId: string, number: string): Promise<boolean> {
    const trimmed = number.trim();
    return this.owned.get(cacheKey(accountId, trimmed), () => this.store.hasCallerNumber(accountId, trimmed));
  }

  /**
   * The display number a single call uses: the given one when the account owns it; undefined (the line's own) when
   * it is empty and the template is public-mode. InvalidArgument about CalledShowNumber otherwise.
   */
  async showNumberFor(accountId: string, calledShowNumber: string | undefined, template: { publicMode: boolean }): Promise<string | undefined> {
    const number = calledShowNumber?.trim() ?? '';
    if (number === '') {
      if (template.publicMode) return undefined;
      throw new DomainError('InvalidArgument', 'CalledShowNumber is required unless the template is public-mode', 'CalledShowNumber');
    }
    if (!(await this.isOwnedCallerNumber(accountId, number))) {
      throw new DomainError('InvalidArgument', `CalledShowNumber "${number}" is not one of the account's caller numbers (AddCallerNumber)`, 'CalledShowNumber');
    }
    return number;
  }
}

function cacheKey(accountId: string, number: string): string {
  return `${accountId}\u0000${number}`;
}
