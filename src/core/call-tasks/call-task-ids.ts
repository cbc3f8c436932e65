/**
 * CallTask ids. Every id the task center exchanges is a Long (CreateCallTask's Data, ListCallTask's Id, the TaskId of
 * ExecuteCallTask and ListCallTaskDetail) and no action offers it as text, so a CallTask id must survive clients that
 * parse JSON into doubles (the TypeScript SDKs): it stays below 2^53, unlike the 18-19 digit campaign ids. Layout:
 * milliseconds since 2020-01-01 (40 bits, until 2054) | node (10 bits) | sequence (3 bits). CallTasks are created a
 * few per second at most (the doc's QPS is 100), so eight per millisecond per process is plenty; a ninth borrows the
 * next millisecond. Shorter than campaign ids, they never collide with an aiccs or robot task's id.
 */
import { randomInt } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';

const EPOCH_MS = 1_577_836_800_000; // 2020-01-01T00:00:00Z
const NODE_SLOTS = 1024;
const SEQ_SLOTS = 8;

/** Issues CallTask ids for one process. */
export class CallTaskIds {
  private lastMs = 0;
  private seq = 0;

  constructor(
    private readonly clock: Clock,
    private readonly node: number = randomInt(NODE_SLOTS),
  ) {
    if (!Number.isInteger(node) || node < 0 || node >= NODE_SLOTS) throw new RangeError(`node must be 0..${NODE_SLOTS - 1}`);
  }

  /** A new id: a decimal string of a safe integer, strictly increasing within this generator. */
  next(): string {
    let ms = Math.max(this.clock.now() - EPOCH_MS, this.lastMs);
    if (ms === this.lastMs) {
      this.seq += 1;
      if (this.seq >= SEQ_SLOTS) {
        ms += 1;
        this.seq = 0;
      }
    } else {
      this.seq = 0;
    }
    this.lastMs = ms;
    return String((ms * NODE_SLOTS + this.node) * SEQ_SLOTS + this.seq);
  }
}
