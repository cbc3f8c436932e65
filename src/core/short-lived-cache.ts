/**
 * Remembers lookups for a few seconds, so a value read on every request (an AccessKey, a TTS template, whether a
 * caller number is the account's) costs no database round each time. Changes made through this process are seen at
 * once (invalidate); changes made by another process within `ttlMs`. Misses are remembered too (probing unknown ids
 * costs no queries); failed lookups are not.
 */
import type { Clock } from '../ports/clock.js';

interface Entry<V> {
  /** The lookup itself, so concurrent requests for an expired key share one database read. */
  value: Promise<V>;
  expiresAt: number;
}

/** Entries kept at most; past it the cache starts over rather than grow without bound. */
const MAX_ENTRIES = 10_000;

/** A short-lived memo of lookups by string key; see the module comment. */
export class ShortLivedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  /** The value of `key` as of at most ttlMs ago; `load` reads it when it is not remembered. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.clock.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const value = load();
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const entry = { value, expiresAt: now + this.ttlMs };
    this.entries.set(key, entry);
    // A failed lookup must not be remembered: the next request tries the database again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets one key, after it was changed here. */
  invalidate(key: string): void {
    this.entries.delete(key);
  }
}
