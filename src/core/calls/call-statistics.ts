/**
 * The account's calls at a glance, for the console's Overview (waihu GetCallStatistics, docs/console.md#overview):
 * how many are in progress right now, and how many ended per time bucket with which outcome, campaign calls and
 * single calls together. "In progress" is what this process has on the line; the rest comes from the store, so every
 * process of a shared database agrees on it.
 */
import type { CallStatisticsStore } from '../../ports/call-statistics-store.js';
import type { Clock } from '../../ports/clock.js';
import { DomainError } from '../errors.js';

/** Ranges of the two parameters and the most buckets one answer may hold. */
export const STATISTICS_LIMITS = Object.freeze({
  minutes: { min: 1, max: 1440, default: 60 },
  bucketSeconds: { min: 10, max: 3600, default: 60 },
  /** A day in minutes: enough for any chart, and it bounds the answer's size (a day in 10 s buckets is refused). */
  maxBuckets: 1440,
});

/** The window "calls per second" is measured over. */
const RATE_WINDOW_MS = 60_000;

/** Where live calls are counted (the call-state board of the process). */
export interface LiveCallReader {
  liveCalls(accountId: string): { calling: number; talking: number };
}

/** What the statistics are computed from. */
export interface CallStatisticsDeps {
  store: CallStatisticsStore;
  live: LiveCallReader;
  clock: Pick<Clock, 'now'>;
}

/** One time bucket: the calls that ended in it, by outcome (CallResult; only outcomes that occurred). */
export interface OutcomeBucket {
  start: number;
  calls: number;
  answered: number;
  outcomes: Record<string, number>;
}

/** The account's statistics at `at`. */
export interface CallStatisticsSnapshot {
  at: number;
  calling: number;
  talking: number;
  /** Calls ended in the last minute, per second. */
  callsPerSecond: number;
  /** Calls ended in the window, and how many of them were answered. */
  calls: number;
  answered: number;
  /** answered / calls, 0 when no call ended in the window. */
  answerRate: number;
  bucketMs: number;
  /** Oldest first, every bucket of the window present (zeros included); the last one holds `at`. */
  buckets: OutcomeBucket[];
}

/** What to look at: the last `minutes`, in buckets of `bucketSeconds`. */
export interface StatisticsWindow {
  minutes?: number;
  bucketSeconds?: number;
}

const ANSWERED = 'ANSWERED';
/** A stored call that ended without a recorded result still counts, under the documented catch-all outcome. */
const NO_RESULT = 'OTHERS';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Computes the Overview's numbers for an account. */
export class CallStatistics {
  constructor(private readonly deps: CallStatisticsDeps) {}

  async snapshot(accountId: string, window: StatisticsWindow = {}): Promise<CallStatisticsSnapshot> {
    const minutes = window.minutes ?? STATISTICS_LIMITS.minutes.default;
    const bucketMs = (window.bucketSeconds ?? STATISTICS_LIMITS.bucketSeconds.default) * 1000;
    const count = Math.ceil((minutes * 60_000) / bucketMs);
    if (count > STATISTICS_LIMITS.maxBuckets) {
      throw new DomainError('InvalidArgument', `${minutes} minutes in ${bucketMs / 1000}-second buckets are ${count} buckets; at most ${STATISTICS_LIMITS.maxBuckets} are allowed`, 'BucketSeconds');
    }
    const at = this.deps.clock.now();
    const lastStart = Math.floor(at / bucketMs) * bucketMs;
    const firstStart = lastStart - (count - 1) * bucketMs;
    const [rows, recent] = await Promise.all([
      this.deps.store.countEndedCalls(accountId, { from: firstStart, until: lastStart + bucketMs, bucketMs }),
      this.deps.store.countEndedCalls(accountId, { from: at - RATE_WINDOW_MS, until: at + 1, bucketMs: RATE_WINDOW_MS }),
    ]);
    const buckets: OutcomeBucket[] = Array.from({ length: count }, (_, i) => ({ start: firstStart + i * bucketMs, calls: 0, answered: 0, outcomes: {} }));
    for (const row of rows) {
      const bucket = buckets[(row.bucketStart - firstStart) / bucketMs];
      if (!bucket) continue;
      const outcome = row.callResult ?? NO_RESULT;
      bucket.calls += row.count;
      if (outcome === ANSWERED) bucket.answered += row.count;
      bucket.outcomes[outcome] = (bucket.outcomes[outcome] ?? 0) + row.count;
    }
    const calls = buckets.reduce((sum, b) => sum + b.calls, 0);
    const answered = buckets.reduce((sum, b) => sum + b.answered, 0);
    const lastMinute = recent.reduce((sum, r) => sum + r.count, 0);
    const live = this.deps.live.liveCalls(accountId);
    return {
      at, calling: live.calling, talking: live.talking,
      callsPerSecond: round(lastMinute / (RATE_WINDOW_MS / 1000), 3),
      calls, answered, answerRate: calls === 0 ? 0 : round(answered / calls, 4),
      bucketMs, buckets,
    };
  }
}
