/**
 * Keeps the audio of the callee's current utterance for the recogniser. The VAD decides that speech started only
 * after a few loud frames, and the first syllable often starts softer than the threshold, so the capture also keeps
 * a short pre-roll: the received audio is always written into a small ring, and when the VAD reports a speech start
 * the frames from `prerollMs` before it are taken from the ring. From then on frames are appended until the
 * utterance ends or reaches its cap.
 *
 * Frames are numbered by a frame clock that counts every frame pushed, the same clock the VAD's ms times are on,
 * provided both see the same frames in the same order.
 */
import { FRAME_MS, FRAME_SAMPLES } from '../media/frame.js';

/** Frames the VAD may need to decide a start, kept in the ring beyond the pre-roll. */
const ONSET_ALLOWANCE_FRAMES = 10;

/** The current utterance's audio, with a pre-roll. */
export class UtteranceCapture {
  private readonly ring: Int16Array;
  private readonly ringFrames: number;
  private readonly prerollFrames: number;
  private readonly maxFrames: number;
  /** Frames pushed so far; the next frame's number. */
  private frames = 0;
  private captured: Int16Array[] | undefined;
  private firstCapturedFrame = 0;

  constructor(prerollMs = 300, maxMs = 60_000) {
    this.prerollFrames = Math.max(0, Math.round(prerollMs / FRAME_MS));
    this.ringFrames = this.prerollFrames + ONSET_ALLOWANCE_FRAMES;
    this.ring = new Int16Array(this.ringFrames * FRAME_SAMPLES);
    this.maxFrames = Math.max(1, Math.round(maxMs / FRAME_MS));
  }

  /** Whether an utterance is being captured. */
  get capturing(): boolean {
    return this.captured !== undefined;
  }

  /** One received frame (copied); push it before the VAD sees it, so a start it reports finds the frame here. */
  push(frame: Int16Array): void {
    const slot = this.frames % this.ringFrames;
    this.ring.set(frame.subarray(0, FRAME_SAMPLES), slot * FRAME_SAMPLES);
    if (this.captured && this.captured.length < this.maxFrames) this.captured.push(Int16Array.from(frame));
    this.frames++;
  }

  /** Speech started at `startMs` (frame clock): begins a capture with the pre-roll before it. */
  begin(startMs: number): void {
    const oldestKept = Math.max(0, this.frames - this.ringFrames);
    const from = Math.max(oldestKept, Math.floor(startMs / FRAME_MS) - this.prerollFrames);
    this.captured = [];
    this.firstCapturedFrame = from;
    for (let n = from; n < this.frames; n++) {
      const slot = n % this.ringFrames;
      this.captured.push(this.ring.slice(slot * FRAME_SAMPLES, (slot + 1) * FRAME_SAMPLES));
    }
  }

  /** The utterance ended at `endMs`: its audio up to then (plus a little tail); the capture stops. */
  finish(endMs?: number): Int16Array {
    const frames = this.captured ?? [];
    this.captured = undefined;
    const keep = endMs === undefined ? frames.length : Math.max(0, Math.ceil(endMs / FRAME_MS) + 5 - this.firstCapturedFrame);
    return concatFrames(frames.slice(0, keep));
  }
}

function concatFrames(frames: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(frames.reduce((sum, frame) => sum + frame.length, 0));
  let at = 0;
  for (const frame of frames) {
    out.set(frame, at);
    at += frame.length;
  }
  return out;
}
