/**
 * Each account's receipt signing secret (receipt-signature.ts): made on first use, sealed at rest with the SecretBox,
 * shown by GetReceiptSecret and replaced by ResetReceiptSecret. Pushes read it through a short cache, so a reset
 * reaches every process within SECRET_CACHE_MS.
 */
import type { SecretBox } from '../accounts/secret-box.js';
import type { Clock } from '../../ports/clock.js';
import type { ReceiptStore } from '../../ports/receipt-store.js';

/** How long a process signs with a secret it read before reading it again. */
export const SECRET_CACHE_MS = 10_000;

/** The secrets; see the module comment. */
export class ReceiptSecrets {
  private readonly cache = new Map<string, { secret: string; readAt: number }>();

  constructor(
    private readonly store: Pick<ReceiptStore, 'getReceiptSecret' | 'putReceiptSecret'>,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly randomBytes: (size: number) => Uint8Array,
  ) {}

  /** The account's secret, made (once, whichever process asks first) when it has none. */
  async secretFor(accountId: string): Promise<string> {
    const cached = this.cache.get(accountId);
    if (cached && this.clock.now() - cached.readAt < SECRET_CACHE_MS) return cached.secret;
    const sealed = (await this.store.getReceiptSecret(accountId)) ?? (await this.store.putReceiptSecret(accountId, this.box.seal(this.fresh()), this.clock.now(), false));
    return this.remember(accountId, this.box.open(sealed));
  }

  /** Replaces the account's secret; pushes sign with the new one from now on (other processes within SECRET_CACHE_MS). */
  async reset(accountId: string): Promise<string> {
    const sealed = await this.store.putReceiptSecret(accountId, this.box.seal(this.fresh()), this.clock.now(), true);
    return this.remember(accountId, this.box.open(sealed));
  }

  private fresh(): string {
    return Buffer.from(this.randomBytes(32)).toString('hex');
  }

  private remember(accountId: string, secret: string): string {
    this.cache.set(accountId, { secret, readAt: this.clock.now() });
    return secret;
  }
}
