/**
 * Slows password guessing at the console's sign-in: after 5 failures for one name, or 20 from one client address,
 * within 15 minutes, further attempts are refused until the oldest of those failures is 15 minutes old. A successful
 * sign-in clears the name's failures (not the address's, so one known password does not reset a spray).
 *
 * Kept in memory, per process: several processes behind a balancer each allow these counts, and a restart forgets
 * them (docs/console.md#signing-in). Scrypt's cost still bounds the guessing rate.
 */
import type { Clock } from '../../ports/clock.js';

/** The limits; the defaults are the documented ones. */
export interface LoginThrottleLimits {
  perName: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = { perName: 5, perAddress: 20, windowMs: 15 * 60_000 };

// Bounds memory under a spray of names or addresses; forgetting only ever errs towards allowing.
const MAX_KEYS = 50_000;

/** Failure times per name and per address. */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: LoginThrottleLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Seconds to wait before trying again, or 0 when an attempt may proceed now. */
  retryAfterSeconds(name: string, address: string): number {
    const now = this.clock.now();
    const waits = [this.wait(nameKey(name), this.limits.perName, now), this.wait(addressKey(address), this.limits.perAddress, now)];
    return Math.ceil(Math.max(...waits) / 1000);
  }

  /** Counts a failed attempt against the name and the address. */
  recordFailure(name: string, address: string): void {
    const now = this.clock.now();
    for (const key of [nameKey(name), addressKey(address)]) {
      const times = this.recent(key, now);
      times.push(now);
      if (!this.failures.has(key) && this.failures.size >= MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
      this.failures.set(key, times);
    }
  }

  /** Forgets the name's failures after it signed in. */
  recordSuccess(name: string): void {
    this.failures.delete(nameKey(name));
  }

  /** Milliseconds until the key is under its limit again. */
  private wait(key: string, limit: number, now: number): number {
    const times = this.recent(key, now);
    if (times.length === 0) this.failures.delete(key);
    if (times.length < limit) return 0;
    // The failure that must age out for the count to drop below the limit.
    return times[times.length - limit]! + this.limits.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
  }
}

// Names are matched case-insensitively here so that case variants of one name share one count.
const nameKey = (name: string) => `n|${name.toLowerCase()}`;
const addressKey = (address: string) => `a|${address}`;
