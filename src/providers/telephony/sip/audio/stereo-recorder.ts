/**
 * Records both legs of a call into one stereo WAV: 8 kHz, 16-bit PCM, left = what the callee sent us (received),
 * right = what the platform sent (prompts, TTS, silence). Both legs are written by time slot: slot n is the n-th
 * 20 ms tick of the shared media clock since recording began. A slot a leg wrote nothing into stays silent, so a lost
 * packet or a pause in our prompts never shifts one channel against the other, and both channels always have the
 * same length.
 *
 * Why slots and a small window: the received leg comes out of the jitter buffer and the sent leg out of the send
 * loop, at slightly different moments for the same slot. The last few slots are held in a preallocated staging ring
 * until both legs had their chance; older slots are committed to the output in order. A write for a slot already
 * committed is too late and is dropped (and counted), never inserted, so the file stays in time.
 *
 * Memory: committed audio goes into one-second chunks. Kept in memory by default (finish() then returns the whole
 * file), or handed to a sink as they fill, for calls long enough that holding them is wasteful; a duration cap bounds
 * the file either way.
 */
import { FRAME_MS, FRAME_SAMPLES, MEDIA_SAMPLE_RATE } from '../media/frame.js';

/** Samples per slot per leg: 20 ms at 8 kHz. */
export const RECORDER_SLOT_SAMPLES = FRAME_SAMPLES;
const SLOT_MS = FRAME_MS;
const RATE = MEDIA_SAMPLE_RATE;
const CHANNELS = 2;
const BYTES_PER_FRAME = CHANNELS * 2;
const SLOT_BYTES = RECORDER_SLOT_SAMPLES * BYTES_PER_FRAME;
/** One second of stereo audio per output chunk. */
const CHUNK_SLOTS = 50;
/** Released chunks kept for reuse: enough for a sink a few seconds behind. */
const MAX_SPARE_CHUNKS = 4;
/** WAV is little-endian; on such a machine (all the ones Node runs on in practice) samples are copied as they are. */
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** The canonical RIFF/WAVE header with a fmt chunk of plain PCM: 44 bytes. */
export const WAV_HEADER_BYTES = 44;

/** Which side of the call a frame belongs to: received from the callee (left) or sent by the platform (right). */
export type CallLeg = 'received' | 'sent';

/** Where committed audio goes when it should not stay in memory (a temp file, a blob upload). */
export interface RecordingSink {
  /**
   * The next bytes of the file; the first call is a placeholder header. The sink may keep the chunk until it calls
   * `release`, after which the recorder reuses it (so a long call allocates a few chunks, not one per second).
   */
  write(chunk: Uint8Array, release?: () => void): void;
  /** The final header, to put over the placeholder at offset 0. */
  end(header: Uint8Array): void;
}

/** Recording limits and destination. */
export interface StereoRecorderOptions {
  /** Audio past this is not recorded (the call's SessionTimeout, say). Default two hours. */
  maxDurationMs?: number;
  /** Slots held back for the later leg to arrive, 20 ms each. Default 10 (200 ms). */
  reorderSlots?: number;
  /** Stream chunks here instead of keeping them in memory. */
  sink?: RecordingSink;
}

/** The 44-byte header of a stereo 8 kHz 16-bit PCM WAV whose data chunk holds `dataBytes`. */
export function stereoWavHeader(dataBytes: number): Uint8Array {
  const header = new Uint8Array(WAV_HEADER_BYTES);
  const view = new DataView(header.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) header[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, CHANNELS, true);
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE * BYTES_PER_FRAME, true);
  view.setUint16(32, BYTES_PER_FRAME, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  return header;
}

/** One call's recording; write frames by slot, then finish once. */
export class StereoRecorder {
  private readonly maxSlots: number;
  private readonly window: number;
  private readonly sink: RecordingSink | undefined;
  /** Interleaved staging for slots [committed, committed + window), slot s at (s % window). */
  private readonly staging: Int16Array;
  private committed = 0;
  /** One past the highest slot written: where the file ends. */
  private end = 0;
  private chunk: Uint8Array;
  private chunkView: DataView;
  private chunkSamples: Int16Array;
  private chunkUsed = 0;
  private readonly chunks: Uint8Array[] = [];
  /** Chunks a sink has released, ready for reuse. */
  private readonly spare: Uint8Array[] = [];
  private dataBytes = 0;
  private finished = false;
  /** Frames that came after their slot was committed. */
  lateFrames = 0;
  /** Whether audio past maxDurationMs was offered and left out. */
  truncated = false;

  constructor(options: StereoRecorderOptions = {}) {
    const maxMs = options.maxDurationMs ?? 2 * 60 * 60 * 1000;
    if (!(maxMs > 0)) throw new RangeError(`maxDurationMs must be positive, got ${maxMs}`);
    this.maxSlots = Math.ceil(maxMs / SLOT_MS);
    this.window = Math.max(1, Math.round(options.reorderSlots ?? 10));
    this.staging = new Int16Array(this.window * RECORDER_SLOT_SAMPLES * CHANNELS);
    this.sink = options.sink;
    this.chunk = new Uint8Array(CHUNK_SLOTS * SLOT_BYTES);
    this.chunkView = new DataView(this.chunk.buffer);
    this.chunkSamples = new Int16Array(this.chunk.buffer);
    // A sink is written front to back, so it gets a header now; streaming readers take 0xFFFFFFFF as "until EOF".
    if (this.sink) {
      const placeholder = stereoWavHeader(0);
      const view = new DataView(placeholder.buffer);
      view.setUint32(4, 0xffffffff, true);
      view.setUint32(40, 0xffffffff, true);
      this.sink.write(placeholder);
    }
  }

  /** Recorded length so far, including slots still held for the later leg. */
  get durationMs(): number {
    return this.end * SLOT_MS;
  }

  /** One leg's audio for `slot` (up to 160 samples; a shorter frame is padded with silence). */
  write(leg: CallLeg, slot: number, samples: Int16Array): void {
    if (this.finished) throw new Error('the recording is finished');
    if (!Number.isInteger(slot) || slot < 0) throw new RangeError(`slot must be a non-negative integer, got ${slot}`);
    if (samples.length > RECORDER_SLOT_SAMPLES) {
      throw new RangeError(`a slot holds ${RECORDER_SLOT_SAMPLES} samples (20 ms at 8 kHz), got ${samples.length}`);
    }
    if (slot >= this.maxSlots) {
      this.truncated = true;
      return;
    }
    if (slot < this.committed) {
      this.lateFrames++;
      return;
    }
    if (slot >= this.committed + this.window) this.commitBefore(slot - this.window + 1);
    if (slot >= this.end) this.end = slot + 1;
    const base = (slot % this.window) * RECORDER_SLOT_SAMPLES * CHANNELS + (leg === 'received' ? 0 : 1);
    for (let i = 0; i < samples.length; i++) this.staging[base + i * CHANNELS] = samples[i]!;
  }

  /**
   * Ends the recording. In memory: the whole WAV file. With a sink: the final header (also handed to sink.end) —
   * the data already went to the sink.
   */
  finish(): Uint8Array {
    if (this.finished) throw new Error('the recording is finished');
    this.commitBefore(this.end);
    this.finished = true;
    const header = stereoWavHeader(this.dataBytes);
    if (this.sink) {
      if (this.chunkUsed > 0) this.sink.write(this.chunk.subarray(0, this.chunkUsed));
      this.sink.end(header);
      return header;
    }
    const file = new Uint8Array(WAV_HEADER_BYTES + this.dataBytes);
    file.set(header, 0);
    let at = WAV_HEADER_BYTES;
    for (const chunk of this.chunks) {
      file.set(chunk, at);
      at += chunk.length;
    }
    file.set(this.chunk.subarray(0, this.chunkUsed), at);
    this.chunks.length = 0;
    return file;
  }

  /** Moves slots [committed, slot) to the output in order, unwritten ones as silence. */
  private commitBefore(slot: number): void {
    for (; this.committed < slot; this.committed++) {
      const base = (this.committed % this.window) * RECORDER_SLOT_SAMPLES * CHANNELS;
      const frame = this.staging.subarray(base, base + RECORDER_SLOT_SAMPLES * CHANNELS);
      if (LITTLE_ENDIAN_HOST) this.chunkSamples.set(frame, this.chunkUsed >> 1);
      // Explicit little-endian writes: the file format is, whatever the machine is.
      else for (let i = 0; i < frame.length; i++) this.chunkView.setInt16(this.chunkUsed + i * 2, frame[i]!, true);
      frame.fill(0);
      this.chunkUsed += SLOT_BYTES;
      this.dataBytes += SLOT_BYTES;
      if (this.chunkUsed === this.chunk.length) this.nextChunk();
    }
  }

  private nextChunk(): void {
    if (this.sink) {
      const full = this.chunk;
      this.sink.write(full, () => {
        if (this.spare.length < MAX_SPARE_CHUNKS) this.spare.push(full);
      });
    } else {
      this.chunks.push(this.chunk);
    }
    this.chunk = this.spare.pop() ?? new Uint8Array(CHUNK_SLOTS * SLOT_BYTES);
    this.chunkView = new DataView(this.chunk.buffer, this.chunk.byteOffset, this.chunk.byteLength);
    this.chunkSamples = new Int16Array(this.chunk.buffer, this.chunk.byteOffset, this.chunk.byteLength >> 1);
    this.chunkUsed = 0;
  }
}
