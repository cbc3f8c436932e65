/**
 * A short-lived cache in front of AccessKey resolution, so the per-request signature check does
 * not hit the database and decrypt a secret every time. Changes made through this process are
 * seen at once (invalidate); changes made by another process within `ttlMs`.
 */
import type { Clock } from '../../ports/clock.js';
import type { KeyForAuth } from './access-keys.js';

interface Entry {
  /** The lookup itself, so concurrent requests for an expired key share one database read. */
  value: Promise<KeyForAuth | undefined>;
  expiresAt: number;
}

const MAX_ENTRIES = 10_000;

/** Memoizes a key resolver for a few seconds, unknown keys included (so probing costs no queries). */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly resolve: (accessKeyId: string) => Promise<KeyForAuth | undefined>,
    private readonly clock: Clock,
    private readonly ttlMs = 5_000,
  ) {}

  /** The key as of at most ttlMs ago. */
  get(accessKeyId: string): Promise<KeyForAuth | undefined> {
    const now = this.clock.now();
    const hit = this.entries.get(accessKeyId);
    if (hit && hit.expiresAt > now) return hit.value;
    const value = this.resolve(accessKeyId);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const entry = { value, expiresAt: now + this.ttlMs };
    this.entries.set(accessKeyId, entry);
    // A failed lookup must not be remembered: the next request tries the database again.
    value.catch(() => {
      if (this.entries.get(accessKeyId) === entry) this.entries.delete(accessKeyId);
    });
    return value;
  }

  /** Forgets one key, after it was changed here. */
  invalidate(accessKeyId: string): void {
    this.entries.delete(accessKeyId);
  }
}
