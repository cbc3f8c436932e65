/**
 * A small fixed-delay reorder buffer for received RTP, keyed by sequence number. Packets are pushed as they arrive,
 * in any order; the shared media tick pops one sequence slot every 20 ms. It first fills to `depth` packets, which
 * is the delay it adds (3 x 20 ms by default) and the reordering it absorbs. From then on each pop plays the next
 * sequence number: the packet if it came, nothing (a loss, to be played as silence) if it did not and later packets
 * did. When it runs dry it fills to `depth` again, which is how it follows a sender whose clock is slower than ours;
 * one that is faster fills it to `capacity`, and the oldest slots are then skipped.
 *
 * Slots are a ring whose size is a power of two, so `sequence & mask` names a slot consistently across the wrap from
 * 65535 to 0.
 */
import { sequenceAdd, sequenceDiff } from './rtp-packet.js';

/** A sequence jump this far ahead is a new stream (a restarted sender), not a loss (RFC 3550 A.1's MAX_DROPOUT). */
const MAX_DROPOUT = 3000;
/** A packet this far behind is a new stream too, not a late one (RFC 3550 A.1's MAX_MISORDER). */
const MAX_MISORDER = 100;

/** Sizes of a jitter buffer, in packets. */
export interface JitterBufferOptions {
  /** Packets held before playing starts (and again after running dry); 3 by default. */
  depth?: number;
  /** Most packets held; older slots are skipped beyond it. 8 by default, at least `depth`. */
  capacity?: number;
}

/** What happened to the packets of a stream, for call quality reports and the bench. */
export interface JitterBufferStats {
  /** Packets pushed. */
  received: number;
  /** Packets popped in order. */
  played: number;
  /** Sequence slots that came up with no packet (played as silence), including slots skipped on overflow. */
  lost: number;
  /** Packets that arrived after their slot was played (or skipped); dropped. */
  late: number;
  /** Packets pushed twice while still waiting; the copy is dropped. */
  duplicate: number;
  /** Waiting packets dropped because the buffer was full. */
  overflow: number;
  /** Times the stream's sequence jumped so far that the buffer started over. */
  resyncs: number;
}

/** The reorder buffer of one received stream. */
export class JitterBuffer<T extends { sequence: number }> {
  private readonly depth: number;
  private readonly capacity: number;
  private readonly slots: (T | undefined)[];
  private readonly mask: number;
  /** The sequence number the next pop plays; undefined until the first packet. */
  private next: number | undefined;
  /** One past the newest sequence number held or played. */
  private end = 0;
  private held = 0;
  private playing = false;
  /** Whether any slot has been played since the stream (re)started: from then on, older packets are late. */
  private started = false;
  private readonly counts: JitterBufferStats = { received: 0, played: 0, lost: 0, late: 0, duplicate: 0, overflow: 0, resyncs: 0 };

  constructor(options: JitterBufferOptions = {}) {
    this.depth = options.depth ?? 3;
    this.capacity = options.capacity ?? Math.max(8, this.depth);
    if (!(this.depth >= 1 && this.capacity >= this.depth && this.capacity <= 1024)) {
      throw new RangeError(`jitter buffer needs 1 <= depth <= capacity <= 1024, not ${this.depth} and ${this.capacity}`);
    }
    const size = 2 ** Math.ceil(Math.log2(this.capacity));
    this.slots = new Array<T | undefined>(size).fill(undefined);
    this.mask = size - 1;
  }

  /** Packets waiting to be played. */
  get size(): number {
    return this.held;
  }

  /** A copy of the counters so far. */
  stats(): JitterBufferStats {
    return { ...this.counts };
  }

  /** Takes in a received packet, in whatever order it arrived. */
  push(packet: T): void {
    this.counts.received++;
    const sequence = packet.sequence & 0xffff;
    if (this.next === undefined) return this.restart(packet, sequence);
    const ahead = sequenceDiff(sequence, this.next);
    if (ahead >= MAX_DROPOUT || ahead <= -MAX_MISORDER) {
      this.counts.resyncs++;
      return this.restart(packet, sequence);
    }
    if (ahead < 0) {
      // Before playing starts, an early packet that overtook the first one still fits in front of it.
      if (this.started || sequenceDiff(this.end, sequence) > this.capacity) {
        this.counts.late++;
        return;
      }
      this.next = sequence;
    } else if (ahead >= this.capacity) {
      this.skipTo(sequenceAdd(sequence, 1 - this.capacity));
    }
    this.store(packet, sequence);
  }

  /** The packet of the next sequence slot, or undefined while filling, after a loss, or when nothing came. */
  pop(): T | undefined {
    if (this.next === undefined) return undefined;
    if (!this.playing) {
      if (this.held < this.depth) return undefined;
      this.playing = true;
      this.started = true;
    }
    const slot = this.next & this.mask;
    const packet = this.slots[slot];
    if (packet !== undefined) {
      this.slots[slot] = undefined;
      this.held--;
      this.counts.played++;
      this.next = sequenceAdd(this.next, 1);
      return packet;
    }
    if (this.held === 0) {
      // Ran dry: the sender is behind our clock or paused. Keep the slot open and refill to depth before playing.
      this.playing = false;
      return undefined;
    }
    this.counts.lost++;
    this.next = sequenceAdd(this.next, 1);
    return undefined;
  }

  private store(packet: T, sequence: number): void {
    const slot = sequence & this.mask;
    if (this.slots[slot] !== undefined) {
      this.counts.duplicate++;
      return;
    }
    this.slots[slot] = packet;
    this.held++;
    if (sequenceDiff(sequence, this.end) >= 0) this.end = sequenceAdd(sequence, 1);
  }

  /** Drops everything and starts a new stream at `packet`. */
  private restart(packet: T, sequence: number): void {
    this.slots.fill(undefined);
    this.held = 0;
    this.playing = false;
    this.started = false;
    this.next = sequence;
    this.end = sequence;
    this.store(packet, sequence);
  }

  /** Moves the play position forward to `sequence`, dropping waiting packets and counting empty slots as lost. */
  private skipTo(sequence: number): void {
    const skipped = sequenceDiff(sequence, this.next!);
    let dropped = 0;
    for (let k = 0; k < Math.min(skipped, this.capacity); k++) {
      const slot = (this.next! + k) & this.mask;
      if (this.slots[slot] !== undefined) {
        this.slots[slot] = undefined;
        dropped++;
      }
    }
    this.held -= dropped;
    this.counts.overflow += dropped;
    this.counts.lost += skipped - dropped;
    this.next = sequence;
  }
}
