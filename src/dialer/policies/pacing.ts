/**
 * TaskCps pacing: a token bucket that says when the next call may start. Time is always passed in
 * (epoch ms), so the same bucket runs on the real and the virtual clock.
 *
 * Choices: a new bucket holds one token, so the first call starts at once and the rest follow at the
 * rate (a full bucket at start would let the first second carry twice the rate). The burst cap defaults
 * to one second of tokens, but never below one token, so 0.5 cps can still start a call. A clock that
 * steps backwards refills nothing.
 */
import { DomainError } from '../../core/errors.js';
import type { SharedPacing } from '../../ports/campaign-store.js';

/** The documented ceiling of TaskCps. */
export const MAX_TASK_CPS = 500;

/** How fast calls may start, and how many may start at once after a pause. */
export interface PacingOptions {
  /** Calls started per second; fractions allowed (0.5 = one call every two seconds). */
  readonly ratePerSecond: number;
  /** Most tokens the bucket holds (the largest batch after a pause); default max(1, ratePerSecond). */
  readonly burst?: number;
}

// Rounding slack in tokens: a call due at exactly the computed instant must not miss by 1e-12 of a token.
// The deficit is carried (tokens may dip to -EPSILON), so the slack never accumulates into extra calls.
const EPSILON = 1e-6;

/** A bucket's level at an instant: what a shared bucket keeps in the database between claims. */
export interface BucketState {
  readonly tokens: number;
  readonly at: number;
}

/** A token bucket for calls started per second. */
export class TokenBucket {
  readonly ratePerSecond: number;
  readonly burst: number;
  private tokens = 1;
  private updatedAt: number;

  constructor(options: PacingOptions, now: number) {
    const { ratePerSecond } = options;
    if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) {
      throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
    }
    const burst = options.burst ?? Math.max(1, ratePerSecond);
    if (!Number.isFinite(burst) || burst < 1) throw new RangeError(`burst must be at least 1, got ${burst}`);
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.updatedAt = now;
  }

  /** Takes one token: 0 when a call may start now, else the whole ms to wait before asking again. */
  take(now: number): number {
    this.refill(now);
    if (this.tokens >= 1 - EPSILON) {
      this.tokens -= 1;
      return 0;
    }
    return this.msUntilToken();
  }

  /** Takes up to `wanted` tokens at once (never more than the burst) and returns how many were granted. */
  takeMany(now: number, wanted: number): number {
    this.refill(now);
    const granted = Math.max(0, Math.min(Math.floor(wanted), Math.floor(this.tokens + EPSILON)));
    this.tokens -= granted;
    return granted;
  }

  /** Ms until one token is available (0 if one is), without taking it. */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 - EPSILON ? 0 : this.msUntilToken();
  }

  /** A bucket continuing from a saved state (a new one when there is none), refilled up to `now`. */
  static restore(options: PacingOptions, state: BucketState | undefined, now: number): TokenBucket {
    const bucket = new TokenBucket(options, state?.at ?? now);
    if (state) bucket.tokens = Math.min(bucket.burst, state.tokens);
    bucket.refill(now);
    return bucket;
  }

  /** The level now, to be restored later. */
  snapshot(): BucketState {
    return { tokens: this.tokens, at: this.updatedAt };
  }

  /** Gives back tokens taken but not used (a claim found fewer due recipients), up to the burst. */
  refund(count: number): void {
    this.tokens = Math.min(this.burst, this.tokens + Math.max(0, count));
  }

  private msUntilToken(): number {
    const exact = ((1 - this.tokens) * 1000) / this.ratePerSecond;
    // Rounded up so the caller wakes when the token is there; the overshoot stays in the bucket.
    return Math.max(1, Math.ceil(exact - EPSILON));
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) * this.ratePerSecond) / 1000);
    this.updatedAt = now;
  }
}

/**
 * A task's bucket shared by every dialer process through the claim (ClaimRequest.pacing): restored from the state
 * saved on the task, it grants every token it holds, and saves back what the claim did not use.
 */
export function sharedBucket(options: PacingOptions, now: number): SharedPacing {
  return (saved) => {
    const bucket = TokenBucket.restore(options, saved, now);
    const granted = bucket.takeMany(now, Number.MAX_SAFE_INTEGER);
    return {
      granted,
      settle: (claimed) => {
        bucket.refund(granted - claimed);
        return bucket.snapshot();
      },
    };
  };
}

/** Validates a TaskCps value: a positive number no greater than 500; throws InvalidArgument. */
export function validateTaskCps(value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > MAX_TASK_CPS) {
    throw new DomainError('InvalidArgument', `TaskCps must be greater than 0 and at most ${MAX_TASK_CPS}, got ${value}`, 'TaskCps');
  }
  return value;
}
