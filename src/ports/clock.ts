/**
 * Where time comes from: the real clock in production, a virtual one in the simulator and in tests. Code that
 * waits must wait through `Clock.sleep`, never through setTimeout, so the same dialer and carrier run a week-long
 * campaign on the virtual clock in seconds.
 */
import { setTimeout as realDelay } from 'node:timers/promises';

/**
 * The Clock contract, kept by every implementation:
 * - `now()` is milliseconds since the Unix epoch on this clock; it never moves backwards on its own.
 * - `sleep(ms)` resolves once this clock's `now()` has reached the value it had at the call plus `ms`.
 *   `ms <= 0` (or NaN) resolves after the current microtasks without a timer; `ms = Infinity` only ends by abort.
 * - Sleeps that end at the same instant resolve in the order they were started.
 * - When `signal` aborts first (or is already aborted) the sleep rejects with an {@link AbortError} whose
 *   `cause` is the signal's reason, and its timer is dropped.
 * - `after(ms, callback)` is the same wait as `sleep(ms)` (same instant, same order among waits started
 *   together) delivered as a callback; the function it returns cancels it (nothing happens once it has fired).
 *   It costs a timer and nothing else, where a sleep that may be cancelled costs a promise, an AbortSignal and a
 *   listener: for waits that are usually cancelled, such as a watchdog per call.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, on this clock. */
  now(): number;
  /** Waits `ms` of this clock's time; rejects with an AbortError when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `callback` once `ms` of this clock's time has passed; returns the function that cancels it. */
  after(ms: number, callback: () => void): CancelTimer;
}

/** Cancels a timer set with Clock.after; harmless after it fired or was cancelled. */
export type CancelTimer = () => void;

/** `callback` after the current microtasks, unless cancelled first: `after` for a wait of 0 (or NaN) ms. */
function afterMicrotasks(callback: () => void): CancelTimer {
  let live = true;
  queueMicrotask(() => {
    if (live) callback();
  });
  return () => {
    live = false;
  };
}

/** The error an aborted sleep rejects with; same name and code as Node's own AbortError. */
export class AbortError extends Error {
  readonly code = 'ABORT_ERR';
  constructor(cause?: unknown) {
    super('The operation was aborted', { cause });
    this.name = 'AbortError';
  }
}

/**
 * An AbortError without a captured stack. Aborted waits are routine (every simulated call's watchdog ends that way)
 * and capturing a stack that only points into the clock was 4 % of the engine's CPU (docs/performance.md).
 */
function abortError(cause: unknown): AbortError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new AbortError(cause);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** True for an AbortError from any source (ours, Node's timers, fetch). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** A promise that settles only when the signal aborts (a sleep of infinite length). */
function untilAborted(signal?: AbortSignal): Promise<void> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(abortError(signal.reason)), { once: true });
  });
}

/** Node's timers overflow (and fire after 1 ms) beyond 2^31-1 ms, so long real sleeps go in chunks. */
const MAX_REAL_TIMER_MS = 2 ** 31 - 1;

async function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw abortError(signal.reason);
  if (!(ms > 0)) return;
  if (ms === Infinity) return untilAborted(signal);
  try {
    // Node's timers cap at 2^31 ms, so longer sleeps go in chunks. No re-check against Date.now(): a timer may fire
    // a millisecond "early" by Date.now()'s rounding, and topping up would reorder sleeps of equal length.
    let left = ms;
    for (; left > MAX_REAL_TIMER_MS; left -= MAX_REAL_TIMER_MS) await realDelay(MAX_REAL_TIMER_MS, undefined, { signal });
    await realDelay(left, undefined, { signal });
  } catch (error) {
    throw isAbortError(error) ? abortError(signal?.reason) : error;
  }
}

function realAfter(ms: number, callback: () => void): CancelTimer {
  if (!(ms > 0)) return afterMicrotasks(callback);
  if (ms === Infinity) return () => {};
  let handle: NodeJS.Timeout;
  // In chunks beyond 2^31-1 ms, like realSleep.
  const arm = (left: number): void => {
    handle = setTimeout(() => (left > MAX_REAL_TIMER_MS ? arm(left - MAX_REAL_TIMER_MS) : callback()), Math.min(left, MAX_REAL_TIMER_MS));
  };
  arm(ms);
  return () => clearTimeout(handle);
}

/** The wall clock of this machine, with real timers. */
export const systemClock: Clock = { now: () => Date.now(), sleep: realSleep, after: realAfter };

interface Timer {
  due: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

const noop = (): void => {};

const earlier = (a: Timer, b: Timer): boolean => a.due < b.due || (a.due === b.due && a.seq < b.seq);

/** Binary min-heap of timers by (due, start order); cancelled timers are dropped lazily when they surface. */
class TimerHeap {
  private items: Timer[] = [];
  private cancelled = 0;

  get live(): number {
    return this.items.length - this.cancelled;
  }
  push(timer: Timer): void {
    this.items.push(timer);
    this.up(this.items.length - 1);
  }
  cancel(timer: Timer): void {
    if (timer.cancelled) return;
    timer.cancelled = true;
    // Drop the callback now: until the timer surfaces it would keep its sleeper's whole call (session, transcript) alive.
    timer.fire = noop;
    this.cancelled++;
    // Many aborted sleeps (a watchdog per call) would otherwise pile up until their due time.
    if (this.cancelled > 1024 && this.cancelled * 2 > this.items.length) this.compact();
  }
  /** The earliest live timer, without removing it. */
  peek(): Timer | undefined {
    while (this.items[0]?.cancelled) {
      this.pop();
      this.cancelled--;
    }
    return this.items[0];
  }
  /** Removes and returns the earliest live timer. */
  take(): Timer | undefined {
    return this.peek() && this.pop();
  }
  private pop(): Timer | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (last && this.items.length > 0) {
      this.items[0] = last;
      this.down(0);
    }
    return top;
  }
  private compact(): void {
    this.items = this.items.filter((t) => !t.cancelled);
    this.cancelled = 0;
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }
  private up(i: number): void {
    const a = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!earlier(a[i]!, a[p]!)) return;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  private down(i: number): void {
    const a = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && earlier(a[l]!, a[m]!)) m = l;
      if (r < a.length && earlier(a[r]!, a[m]!)) m = r;
      if (m === i) return;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
  }
}

/** Tuning of a virtual clock. */
export interface VirtualClockOptions {
  /** Event-loop turns (setImmediate) `settle()` always waits; one drains every microtask chain. Default 1. */
  settleTurns?: number;
  /**
   * Work in flight that Node cannot see as pending, such as a query waiting for its answer on a socket: while
   * this returns true, `settle()` keeps turning the event loop instead of letting virtual time jump.
   */
  isBusy?: () => boolean;
}

/** Node's names of in-flight requests (FSReqCallback, GetAddrInfoReqWrap, ConnectWrap, SimpleWriteWrap, ...). */
const PENDING_REQUEST = /Req|(Write|Shutdown|Connect|Send)Wrap$/;

const hasPendingRequests = (): boolean => process.getActiveResourcesInfo().some((r) => PENDING_REQUEST.test(r));

/**
 * A clock that moves only when told to, for tests and forecasts. Its timers fire in time order (start order
 * within one instant), and `now()` reads each timer's due time while it fires.
 *
 * Two ways to move it:
 * - `advance(ms)` / `set(ms)` are synchronous: they fire every due timer in order and return. A sleeping
 *   `await` resumes only after they return, so it reads the final time. Use them when nothing awaits sleeps.
 * - `advanceAsync`, `advanceToNextTimer` and `runUntil` are the simulation runner: before each jump they wait
 *   until the system is idle (`settle()`: microtasks drained, no fs/dns/socket-write request in flight, the
 *   `isBusy` hook false), then move to the next due instant and fire its timers, so every resumed sleeper reads
 *   its own due time, and the sleeps it starts are honoured within the same run.
 */
export class VirtualClock implements Clock {
  private readonly timers = new TimerHeap();
  private seq = 0;
  private readonly settleTurns: number;
  private readonly isBusy: () => boolean;

  constructor(
    private current: number,
    options: VirtualClockOptions = {},
  ) {
    this.settleTurns = Math.max(1, options.settleTurns ?? 1);
    this.isBusy = options.isBusy ?? (() => false);
  }

  /** Milliseconds since the Unix epoch on this clock. */
  now(): number {
    return this.current;
  }

  /** Calls back once the clock has been moved `ms` forward; see {@link Clock}. */
  after(ms: number, callback: () => void): CancelTimer {
    if (!(ms > 0)) return afterMicrotasks(callback);
    if (ms === Infinity) return () => {};
    let fired = false;
    const fire = (): void => {
      fired = true;
      callback();
    };
    const timer: Timer = { due: this.current + ms, seq: this.seq++, fire, cancelled: false };
    this.timers.push(timer);
    // Cancelling a timer that already fired must not count it as a cancelled one still in the heap.
    return () => {
      if (!fired) this.timers.cancel(timer);
    };
  }

  /** Waits until the clock has been moved `ms` forward; see {@link Clock}. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal.reason));
    if (!(ms > 0)) return Promise.resolve();
    if (ms === Infinity) return untilAborted(signal);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.timers.cancel(timer);
        reject(abortError(signal?.reason));
      };
      const fire = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const timer: Timer = { due: this.current + ms, seq: this.seq++, fire, cancelled: false };
      this.timers.push(timer);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Number of sleeps waiting for the clock. */
  get pendingTimers(): number {
    return this.timers.live;
  }

  /** Due time of the earliest waiting sleep, if any. */
  nextTimerAt(): number | undefined {
    return this.timers.peek()?.due;
  }

  /** Moves the clock forward (or back, with a negative step), firing due timers in order; synchronous. */
  advance(ms: number): void {
    this.set(this.current + ms);
  }

  /** Sets the clock; moving forward fires the timers due on the way, moving back fires none. */
  set(ms: number): void {
    for (let t = this.timers.peek(); t && t.due <= ms; t = this.timers.peek()) this.fireInstant(t.due);
    this.current = ms;
  }

  /**
   * Waits until the system is idle: `settleTurns` event-loop turns (every microtask chain runs), then more turns
   * while fs, dns or socket connect/write requests are in flight or `isBusy()` holds.
   */
  async settle(): Promise<void> {
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    for (let i = 0; i < this.settleTurns; i++) await turn();
    while (hasPendingRequests() || this.isBusy()) await turn();
  }

  /** Moves `ms` forward one due instant at a time, letting the system settle before each jump. */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await this.settle();
      const next = this.timers.peek();
      if (!next || next.due > target) break;
      this.fireInstant(next.due);
    }
    if (target > this.current) this.current = target;
  }

  /** Once idle, jumps to the next due instant and fires its timers; false when no timer is waiting. */
  async advanceToNextTimer(): Promise<boolean> {
    await this.settle();
    const next = this.timers.peek();
    if (!next) return false;
    this.fireInstant(next.due);
    await this.settle();
    return true;
  }

  /**
   * Runs the system on virtual time: until the clock reads `until` (a time), or until `until()` (a condition,
   * checked whenever the system is idle) holds. A condition still false with no timer waiting means nothing can
   * ever change it, so that rejects instead of hanging.
   */
  async runUntil(until: number | (() => boolean)): Promise<void> {
    if (typeof until === 'number') return this.advanceAsync(until - this.current);
    for (;;) {
      await this.settle();
      if (until()) return;
      const next = this.timers.peek();
      if (!next) throw new Error('runUntil: the condition is still false and no timer is waiting');
      this.fireInstant(next.due);
    }
  }

  /** Sets the clock to `at` and fires every timer due by then, in order. */
  private fireInstant(at: number): void {
    if (at > this.current) this.current = at;
    for (let t = this.timers.peek(); t && t.due <= this.current; t = this.timers.peek()) {
      this.timers.take();
      t.fire();
    }
  }
}

/** The first name of the virtual clock, kept for the tests written against it. */
export class ManualClock extends VirtualClock {}
