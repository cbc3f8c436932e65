/**
 * Identifiers that look like Alibaba's: time-sortable 18-19 digit numeric strings for tasks,
 * details and accounts, and `n^n` call ids. Snowflake layout: milliseconds since 2020-01-01
 * (41 bits) | node (10 bits) | sequence (12 bits); the decimal form stays numeric and sortable.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../ports/clock.js';

const EPOCH_MS = 1_577_836_800_000; // 2020-01-01T00:00:00Z
const NODE_BITS = 10n;
const SEQ_BITS = 12n;
const MAX_SEQ = (1 << Number(SEQ_BITS)) - 1;

/** Issues unique ids for one process; give each process sharing a database its own node number. */
export class IdGenerator {
  private lastMs = 0;
  private seq = 0;

  constructor(
    private readonly clock: Clock,
    private readonly node: number = randomBytes(2).readUInt16BE(0) & 0x3ff,
  ) {
    if (!Number.isInteger(node) || node < 0 || node > 0x3ff) throw new RangeError('node must be 0..1023');
  }

  /** A new 18-19 digit id, strictly increasing within this generator. */
  next(): string {
    let ms = Math.max(this.clock.now(), this.lastMs);
    if (ms === this.lastMs) {
      this.seq += 1;
      if (this.seq > MAX_SEQ) {
        // Sequence exhausted within one millisecond: borrow the next millisecond instead of spinning.
        ms += 1;
        this.seq = 0;
      }
    } else {
      this.seq = 0;
    }
    this.lastMs = ms;
    const value = (BigInt(ms - EPOCH_MS) << (NODE_BITS + SEQ_BITS)) | (BigInt(this.node) << SEQ_BITS) | BigInt(this.seq);
    return value.toString();
  }

  /** A call id in Alibaba's `n^n` form, e.g. `100001616500^919437293716045824`. */
  nextCallId(): string {
    const prefix = 100_000_000_000 + (this.node * 10_000_000 + (this.lastMs % 10_000_000));
    return `${prefix}^${this.next()}`;
  }
}

/** The moment (ms since epoch) encoded in an id from IdGenerator.next(). */
export function idTimestamp(id: string): number {
  return Number(BigInt(id) >> (NODE_BITS + SEQ_BITS)) + EPOCH_MS;
}

/** A RequestId in Alibaba's form: an upper-case UUID. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}
