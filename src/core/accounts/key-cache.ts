/**
 * A short-lived cache in front of AccessKey resolution, so the per-request signature check does
 * not hit the database and decrypt a secret every time. Changes made through this process are
 * seen at once (invalidate); changes made by another process within `ttlMs`.
 */
import type { Clock } from '../../ports/clock.js';
import { ShortLivedCache } from '../short-lived-cache.js';
import type { KeyForAuth } from './access-keys.js';

/** Memoizes a key resolver for a few seconds, unknown keys included (so probing costs no queries). */
export class KeyCache {
  private readonly cache: ShortLivedCache<KeyForAuth | undefined>;

  constructor(
    private readonly resolve: (accessKeyId: string) => Promise<KeyForAuth | undefined>,
    clock: Clock,
    ttlMs = 5_000,
  ) {
    this.cache = new ShortLivedCache(clock, ttlMs);
  }

  /** The key as of at most ttlMs ago. */
  get(accessKeyId: string): Promise<KeyForAuth | undefined> {
    return this.cache.get(accessKeyId, () => this.resolve(accessKeyId));
  }

  /** Forgets one key, after it was changed here. */
  invalidate(accessKeyId: string): void {
    this.cache.invalidate(accessKeyId);
  }
}
