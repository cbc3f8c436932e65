/**
 * Group commit for the dialer's outcome writes. Calls end one by one, and one transaction per outcome was most of
 * the engine's cost on SQLite (docs/performance.md): each commit rewrites the same few index pages. The batcher
 * holds outcomes for up to `delayMs` on the engine's clock (or until `maxBatch` wait) and writes them in one
 * transaction. A process killed meanwhile loses at most those outcomes; their attempts are already marked
 * originated, so lease recovery closes them as interrupted and the retry policy decides, as for any crash mid-call.
 */
import type { Clock } from '../../ports/clock.js';

/** Writes a group in one transaction: one result per item, in order; all or nothing. */
export type WriteMany<I, R> = (items: readonly I[]) => Promise<R[]>;

interface Pending<I, R> {
  item: I;
  resolve(result: R): void;
  reject(err: unknown): void;
}

/** Tuning of a batcher. */
export interface WriteBatcherOptions {
  /** Longest an item waits for others to join it; 0 writes on the next turn of the event loop. */
  delayMs: number;
  /** A group this large is written at once. */
  maxBatch: number;
}

/** Collects items and writes them in groups; each `write` resolves with its own item's result. */
export class WriteBatcher<I, R> {
  private pending: Pending<I, R>[] = [];
  private timerArmed = false;

  constructor(
    private readonly writeMany: WriteMany<I, R>,
    private readonly clock: Clock,
    private readonly options: WriteBatcherOptions,
  ) {}

  /** Queues the item; resolves when its group is written (rejects when writing it failed). */
  write(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxBatch) this.flush();
      else if (!this.timerArmed) this.armTimer();
    });
  }

  /** Items waiting for their group. */
  get waiting(): number {
    return this.pending.length;
  }

  private armTimer(): void {
    this.timerArmed = true;
    const wait = this.options.delayMs > 0 ? this.clock.sleep(this.options.delayMs) : new Promise<void>((r) => setImmediate(r));
    void wait.then(() => {
      this.timerArmed = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const group = this.pending;
    this.pending = [];
    void this.writeGroup(group);
  }

  /** One transaction for the group; when it fails, each item alone, so one bad item fails only itself. */
  private async writeGroup(group: Pending<I, R>[]): Promise<void> {
    try {
      const results = await this.writeMany(group.map((p) => p.item));
      group.forEach((p, i) => p.resolve(results[i]!));
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      for (const p of group) {
        await this.writeMany([p.item]).then(([result]) => p.resolve(result!), p.reject);
      }
    }
  }
}
