/**
 * The one 20 ms ticker that paces the RTP of every call in the process. Each stream registers a callback and, on
 * every tick, sends its next packet and pops its jitter buffer. One timer for 500 calls costs one wake-up per 20 ms
 * where a timer per call would cost 500, each drifting on its own.
 *
 * Ticks are scheduled against a monotonic clock at fixed instants (origin + n x 20 ms), so a late wake-up shortens
 * the next wait instead of pushing every later tick back. A wake-up that finds a few ticks due runs them back to back
 * (the far end's jitter buffer absorbs that); one that finds more than `maxBurst` due (the process was stalled) runs
 * only the latest and counts the rest as skipped: a stream learns how far time moved from the tick number.
 *
 * The deviation of every interval between ticks from its nominal length is kept in a fixed histogram, for the send
 * jitter figures the bench reports. Time and timers come in through {@link MediaTimers}, so tests run it on fake time.
 */

/** Where the clock gets time and wake-ups. */
export interface MediaTimers {
  /** Monotonic milliseconds, fractional; the origin is arbitrary. */
  now(): number;
  /** Calls `callback` once, about `ms` from now; returns the function that cancels it. */
  schedule(ms: number, callback: () => void): () => void;
}

/** The process's own monotonic clock and timers, for production. */
export const systemMediaTimers: MediaTimers = {
  now: () => performance.now(),
  schedule: (ms, callback) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/** A stream's work for one tick; `tick` counts up from the clock's start, by more than 1 after skipped ticks. */
export type TickCallback = (tick: number) => void;

/** How the clock runs. */
export interface MediaClockOptions {
  timers: MediaTimers;
  /** The packet time; 20 ms by default. */
  intervalMs?: number;
  /** Most ticks run back to back to catch up after a late wake-up; 3 by default. */
  maxBurst?: number;
  /** Told about a callback that threw; the other streams' ticks go on regardless. */
  onError?: (error: unknown) => void;
}

/** Tick timing figures since the start or the last reset. */
export interface MediaClockStats {
  /** Ticks run. */
  ticks: number;
  /** Ticks not run because the clock was too far behind. */
  skippedTicks: number;
  /** Callbacks that threw. */
  errors: number;
  /** Median of |interval between ticks - nominal interval|, in ms (0.01 ms resolution). */
  intervalDeviationP50Ms: number;
  /** 99th percentile of the same. */
  intervalDeviationP99Ms: number;
  /** Largest of the same. */
  intervalDeviationMaxMs: number;
  /** Time spent inside tick callbacks, in ms: the media work of all calls. */
  busyMs: number;
}

/** Histogram resolution: bins per ms. */
const BINS_PER_MS = 100;
/** Deviations at or beyond this land in the last bin (the maximum is kept exactly). */
const HISTOGRAM_MS = 100;
/** A tick found due within this of its instant runs now: a timer cannot wait a fraction of a millisecond. */
const EARLY_TOLERANCE_MS = 1;

/** The shared media ticker. Runs while at least one stream is registered. */
export class MediaClock {
  private readonly timers: MediaTimers;
  private readonly interval: number;
  private readonly maxBurst: number;
  private readonly onError: ((error: unknown) => void) | undefined;
  private readonly callbacks = new Set<TickCallback>();
  private cancel: (() => void) | undefined;
  private origin = 0;
  private tick = 0;
  /** When the last tick ran, and its number; NaN before the first since the start. */
  private lastRunAt = NaN;
  private lastRunTick = 0;
  private readonly histogram = new Uint32Array(HISTOGRAM_MS * BINS_PER_MS + 1);
  private counts = { ticks: 0, skippedTicks: 0, errors: 0, maxDeviation: 0, busyMs: 0 };

  constructor(options: MediaClockOptions) {
    this.timers = options.timers;
    this.interval = options.intervalMs ?? 20;
    this.maxBurst = options.maxBurst ?? 3;
    this.onError = options.onError;
    if (!(this.interval > 0) || !(this.maxBurst >= 1)) throw new RangeError('media clock needs a positive interval and maxBurst >= 1');
  }

  /** Streams registered. */
  get streams(): number {
    return this.callbacks.size;
  }

  /** Whether the ticker is scheduled. */
  get running(): boolean {
    return this.cancel !== undefined;
  }

  /**
   * Calls `callback` on every tick from the next one on; returns the function that stops it. The first stream
   * starts the ticker and the last one to leave stops it, so an idle process holds no timer.
   */
  register(callback: TickCallback): () => void {
    this.callbacks.add(callback);
    if (!this.running) this.start();
    return () => {
      this.callbacks.delete(callback);
      if (this.callbacks.size === 0) this.stop();
    };
  }

  /** Timing figures since the start or the last reset. */
  stats(): MediaClockStats {
    return {
      ticks: this.counts.ticks,
      skippedTicks: this.counts.skippedTicks,
      errors: this.counts.errors,
      intervalDeviationP50Ms: this.percentile(0.5),
      intervalDeviationP99Ms: this.percentile(0.99),
      intervalDeviationMaxMs: this.counts.maxDeviation,
      busyMs: this.counts.busyMs,
    };
  }

  /** Forgets the figures so far, e.g. after a bench's warm-up. */
  resetStats(): void {
    this.histogram.fill(0);
    this.counts = { ticks: 0, skippedTicks: 0, errors: 0, maxDeviation: 0, busyMs: 0 };
  }

  private start(): void {
    this.origin = this.timers.now();
    this.tick = 0;
    this.lastRunAt = NaN;
    this.scheduleNext();
  }

  private stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private scheduleNext(): void {
    const dueAt = this.origin + (this.tick + 1) * this.interval;
    this.cancel = this.timers.schedule(Math.max(0, dueAt - this.timers.now()), () => this.wake());
  }

  private wake(): void {
    this.cancel = undefined;
    const now = this.timers.now();
    let due = Math.floor((now + EARLY_TOLERANCE_MS - this.origin) / this.interval) - this.tick;
    if (due > this.maxBurst) {
      this.counts.skippedTicks += due - 1;
      this.tick += due - 1;
      due = 1;
    }
    for (let i = 0; i < due && this.callbacks.size > 0; i++) this.runTick();
    // The last stream may have left during the tick; then the clock stays stopped.
    if (this.callbacks.size > 0 && !this.running) this.scheduleNext();
  }

  private runTick(): void {
    const startedAt = this.timers.now();
    this.tick++;
    // After skipped ticks the nominal interval is the whole jump, so only the timing error is recorded.
    if (!Number.isNaN(this.lastRunAt)) this.record(Math.abs(startedAt - this.lastRunAt - (this.tick - this.lastRunTick) * this.interval));
    this.lastRunAt = startedAt;
    this.lastRunTick = this.tick;
    this.counts.ticks++;
    for (const callback of this.callbacks) {
      try {
        callback(this.tick);
      } catch (error) {
        this.counts.errors++;
        this.onError?.(error);
      }
    }
    this.counts.busyMs += this.timers.now() - startedAt;
  }

  private record(deviationMs: number): void {
    this.histogram[Math.min(this.histogram.length - 1, Math.floor(deviationMs * BINS_PER_MS + 1e-6))]!++;
    if (deviationMs > this.counts.maxDeviation) this.counts.maxDeviation = deviationMs;
  }

  /** The deviation below which a share `p` of the recorded ones fall, at the histogram's resolution. */
  private percentile(p: number): number {
    let total = 0;
    for (const count of this.histogram) total += count;
    if (total === 0) return 0;
    const wanted = Math.ceil(p * total);
    let seen = 0;
    for (let bin = 0; bin < this.histogram.length; bin++) {
      seen += this.histogram[bin]!;
      if (seen >= wanted) return bin / BINS_PER_MS;
    }
    return HISTOGRAM_MS;
  }
}
