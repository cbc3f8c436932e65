/**
 * Flow control from the documented QPS: one token bucket per (AccessKey, action) at the per-user
 * rate and one per action at the API rate. Buckets hold one second of burst. Limits are per
 * process: several gateway processes each allow the documented rate (docs/operations.md).
 */
import type { Clock } from '../ports/clock.js';
import type { ActionSpec } from './catalog/types.js';
import { gatewayErrors } from './errors.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Refills, then takes one token; returns 0 when allowed, else ms until the next token. */
export function takeToken(bucket: Bucket, ratePerSecond: number, now: number): number {
  const elapsed = Math.max(0, now - bucket.updatedAt);
  bucket.tokens = Math.min(ratePerSecond, bucket.tokens + (elapsed * ratePerSecond) / 1000);
  bucket.updatedAt = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.ceil(((1 - bucket.tokens) * 1000) / ratePerSecond);
}

const MAX_BUCKETS = 100_000;

/** Keeps the buckets and answers Throttling.User / Throttling.Api when one is empty. */
export class Throttler {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    /** Multiplies every documented rate; 0 disables throttling. */
    private readonly scale = 1,
  ) {}

  /** Throws the matching throttling error, or returns when the request may proceed. */
  check(spec: ActionSpec, accessKeyId: string): void {
    const qps = spec.qps;
    if (!qps || this.scale === 0) return;
    const now = this.clock.now();
    // The per-user bucket is checked first so one noisy tenant is told it is the one over its limit.
    if (qps.perUser) {
      const wait = takeToken(this.bucket(`u|${accessKeyId}|${spec.product}|${spec.action}`, qps.perUser, now), qps.perUser * this.scale, now);
      if (wait > 0) throw gatewayErrors.throttlingUser(wait);
    }
    if (qps.api) {
      const wait = takeToken(this.bucket(`a|${spec.product}|${spec.action}`, qps.api, now), qps.api * this.scale, now);
      if (wait > 0) throw gatewayErrors.throttlingApi(wait);
    }
  }

  private bucket(key: string, rate: number, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      // Bound memory under key-spraying: forgetting idle buckets only ever errs towards allowing.
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
      bucket = { tokens: rate * this.scale, updatedAt: now };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
