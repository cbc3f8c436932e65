/**
 * {@link MediaTimers} on fake time, for tests of anything paced by the media clock: time moves only when the test
 * says so, and timers can be made to fire late, as an event loop under load does, to exercise drift correction.
 */
import type { MediaTimers } from './media-clock.js';

interface PendingTimer {
  readonly id: number;
  /** When it fires: its due instant plus the lateness given for it. */
  readonly at: number;
  readonly callback: () => void;
}

/** Fake monotonic time and one-shot timers. */
export class FakeMediaTimers implements MediaTimers {
  private time: number;
  private nextId = 0;
  private pending: PendingTimer[] = [];

  /**
   * `lateness(at)` is how many ms after its due instant a timer due at `at` fires (0 by default): the delay the
   * event loop would add.
   */
  constructor(start = 0, private readonly lateness: (at: number) => number = () => 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  schedule(ms: number, callback: () => void): () => void {
    const due = this.time + Math.max(0, ms);
    const timer = { id: this.nextId++, at: due + this.lateness(due), callback };
    this.pending.push(timer);
    return () => {
      this.pending = this.pending.filter((t) => t !== timer);
    };
  }

  /** Timers waiting to fire. */
  get scheduled(): number {
    return this.pending.length;
  }

  /** Moves time forward without firing timers: work done inside a callback. */
  spend(ms: number): void {
    this.time += ms;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, each at its (late) instant. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const next = this.earliest();
      if (!next) break;
      if (next.at > until) break;
      this.pending = this.pending.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.callback();
    }
    this.time = Math.max(this.time, until);
  }

  private earliest(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const t of this.pending) if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    return best;
  }
}
