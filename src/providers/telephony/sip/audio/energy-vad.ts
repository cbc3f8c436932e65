/**
 * Energy-based voice activity detection for one call's received audio, one 20 ms frame (160 samples of 8 kHz 16-bit
 * PCM) at a time. It tells the call session when the callee starts talking, when an utterance is over (dyvms
 * PauseTime: that much quiet after speech), when the line has been silent too long (MuteTime), and when speech over
 * a playing prompt has lasted long enough to stop it (barge-in, ActionCodeTimeBreak).
 *
 * Why energy and not a model: it costs one pass over 160 samples and a log per frame, needs no weights, and on a
 * phone line (band-limited, usually quiet between words) the level above the background separates speech well.
 * The background is tracked by minimum statistics: the quietest frame of the last couple of seconds. Speech always
 * has gaps between syllables, so the minimum follows the line noise even while someone talks, and a steady hum or a
 * noise that creeps up is absorbed into the floor instead of being taken for speech.
 *
 * Time is the frame clock: frame n covers [20n, 20n + 20) ms from the detector's start. Nothing here reads a real
 * clock, so the same frames always give the same events. One instance per call; state is a few numbers and one
 * four-entry array, and nothing is allocated per frame except the rare event object.
 */
import { FRAME_MS, FRAME_SAMPLES } from '../media/frame.js';

/** Samples in one 20 ms frame at 8 kHz. */
export const VAD_FRAME_SAMPLES = FRAME_SAMPLES;
/** Duration of one frame. */
export const VAD_FRAME_MS = FRAME_MS;

/** Frames per block of the minimum tracker, and blocks remembered: the floor looks back 2 to 2.5 s. */
const FLOOR_BLOCK_FRAMES = 25;
const FLOOR_BLOCKS = 4;
/** Digital silence has no level; this stands in for it so the arithmetic stays finite. */
const SILENCE_DB = -100;
/** Once speaking, a frame counts as speech a little below the onset threshold, so trailing syllables are not cut. */
const HYSTERESIS_DB = 3;
/** A gap longer than this inside an utterance restarts the barge-in count: it wants continuous speech. */
const BARGE_IN_GAP_MS = 200;

/** Tuning, with the dyvms parameters it carries. */
export interface EnergyVadOptions {
  /** PauseTime: quiet after speech that ends the utterance, ms. Default 800. */
  pauseMs?: number;
  /** MuteTime: quiet with no speech (and nothing playing) before a silence timeout, ms. Default 10000. */
  muteMs?: number;
  /** ActionCodeTimeBreak: continuous speech over a playing prompt before barge-in fires, ms. Default 500. */
  bargeInMs?: number;
  /** Consecutive loud frames that make a speech start; fewer is a click. Default 3 (60 ms). */
  startFrames?: number;
  /** How far above the noise floor a frame must be to count as speech, dB. Default 10. */
  marginDb?: number;
  /** Frames quieter than this are never speech, however quiet the line, dBFS. Default -50. */
  minSpeechDb?: number;
  /** The floor assumed until the line has been heard for a while, dBFS. Default -65. */
  initialFloorDb?: number;
}

/** What the detector reports; times are on the frame clock, ms. */
/** `atMs` is when the detector decided: the end of the frame that settled it. */
export type VadEvent =
  /** Speech began at `startMs` (its first loud frame); `playing` is what the caller said about its prompt then. */
  | { type: 'speech-start'; atMs: number; startMs: number; playing: boolean }
  /** An utterance is over: speech from `startMs` to `endMs` (end of its last loud frame), decided pauseMs later. */
  | { type: 'speech-end'; atMs: number; startMs: number; endMs: number }
  /** Speech from `startMs` over a playing prompt lasted bargeInMs: stop the prompt (if its action_break allows). */
  | { type: 'barge-in'; atMs: number; startMs: number }
  /** No speech for muteMs while nothing played; fires once per quiet stretch. */
  | { type: 'silence-timeout'; atMs: number; silentMs: number };

/** Level of a frame of 16-bit samples: RMS relative to full scale, in dB (a full-scale sine is about -3 dBFS). */
export function frameLevelDb(frame: Int16Array): number {
  let sum = 0;
  for (let i = 0; i < frame.length; i++) {
    const s = frame[i]!;
    sum += s * s;
  }
  if (sum === 0 || frame.length === 0) return SILENCE_DB;
  // 10·log10 of the mean square is 20·log10 of the RMS, without the square root.
  return Math.max(SILENCE_DB, 10 * Math.log10(sum / frame.length / (32768 * 32768)));
}

/** Ms to whole frames, at least one. */
function framesOf(ms: number, name: string): number {
  if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`${name} must be a positive number of ms, got ${ms}`);
  return Math.max(1, Math.round(ms / VAD_FRAME_MS));
}

/** The detector for one call; events go to `onEvent` synchronously from `push`. */
export class EnergyVad {
  private pauseFrames: number;
  private muteFrames: number;
  private bargeInFrames: number;
  private readonly startFrames: number;
  private readonly marginDb: number;
  private readonly minSpeechDb: number;

  /** Minimum level of each finished block, oldest overwritten first, and the least of them. */
  private readonly blockMins: Float64Array;
  private blockAt = 0;
  private blocksMin: number;
  private currentBlockMin = Infinity;
  private currentBlockFrames = 0;

  private frame = 0;
  private speaking = false;
  /** Loud frames in a row while not yet speaking. */
  private onsetRun = 0;
  private speechStartFrame = 0;
  private lastLoudFrame = 0;
  private silentFrames = 0;
  private muteFired = false;
  private bargeRun = 0;
  private bargeGap = 0;
  private bargeFired = false;
  private level = SILENCE_DB;
  /** When events of the frame being handled are decided: its end (between frames, the end of the last one). */
  private decidedMs = 0;

  constructor(private readonly onEvent: (event: VadEvent) => void, options: EnergyVadOptions = {}) {
    this.pauseFrames = framesOf(options.pauseMs ?? 800, 'pauseMs');
    this.muteFrames = framesOf(options.muteMs ?? 10_000, 'muteMs');
    this.bargeInFrames = framesOf(options.bargeInMs ?? 500, 'bargeInMs');
    this.startFrames = Math.max(1, Math.round(options.startFrames ?? 3));
    this.marginDb = options.marginDb ?? 10;
    this.minSpeechDb = options.minSpeechDb ?? -50;
    const initial = options.initialFloorDb ?? -65;
    this.blockMins = new Float64Array(FLOOR_BLOCKS).fill(initial);
    this.blocksMin = initial;
  }

  /** PauseTime can change during a call (a hook reply sets it); the last setting wins from the next frame. */
  setPauseMs(ms: number): void {
    this.pauseFrames = framesOf(ms, 'pauseMs');
  }

  /** MuteTime can change during a call; the last setting wins. */
  setMuteMs(ms: number): void {
    this.muteFrames = framesOf(ms, 'muteMs');
  }

  /** The barge-in duration of the prompt about to play (ActionCodeTimeBreak). */
  setBargeInMs(ms: number): void {
    this.bargeInFrames = framesOf(ms, 'bargeInMs');
  }

  /** The background level the detector currently assumes, dBFS. */
  get noiseFloorDb(): number {
    return Math.min(this.blocksMin, this.currentBlockMin);
  }

  /** Level of the last frame pushed, dBFS. */
  get lastLevelDb(): number {
    return this.level;
  }

  /** Whether an utterance is in progress (started and not yet ended). */
  get inSpeech(): boolean {
    return this.speaking;
  }

  /** Frame clock: ms of audio pushed so far. */
  get nowMs(): number {
    return this.frame * VAD_FRAME_MS;
  }

  /** One received frame; `playing` says whether our prompt is on the line now (for barge-in and the mute clock). */
  push(samples: Int16Array, playing: boolean): void {
    if (samples.length !== VAD_FRAME_SAMPLES) {
      throw new RangeError(`a VAD frame is ${VAD_FRAME_SAMPLES} samples (20 ms at 8 kHz), got ${samples.length}`);
    }
    this.level = frameLevelDb(samples);
    this.decidedMs = (this.frame + 1) * VAD_FRAME_MS;
    // Judge against the floor as it was before this frame, then let the frame into the tracker.
    const loud = this.isLoud(this.level);
    this.trackFloor(this.level);
    if (this.speaking) this.duringSpeech(loud);
    else this.duringQuiet(loud, playing);
    this.countBargeIn(loud, playing);
    this.countSilence(playing);
    this.frame++;
  }

  /** At hang-up: an utterance still open ends at its last loud frame, so its audio can still be recognised. */
  flush(): void {
    if (this.speaking) this.endSpeech();
  }

  private isLoud(levelDb: number): boolean {
    const floor = this.noiseFloorDb;
    const threshold = Math.max(floor + this.marginDb, this.minSpeechDb);
    return levelDb > (this.speaking ? threshold - HYSTERESIS_DB : threshold);
  }

  private trackFloor(levelDb: number): void {
    if (levelDb < this.currentBlockMin) this.currentBlockMin = levelDb;
    if (++this.currentBlockFrames < FLOOR_BLOCK_FRAMES) return;
    this.blockMins[this.blockAt] = this.currentBlockMin;
    this.blockAt = (this.blockAt + 1) % FLOOR_BLOCKS;
    this.currentBlockMin = Infinity;
    this.currentBlockFrames = 0;
    let least = Infinity;
    for (let i = 0; i < FLOOR_BLOCKS; i++) least = Math.min(least, this.blockMins[i]!);
    this.blocksMin = least;
  }

  private duringQuiet(loud: boolean, playing: boolean): void {
    this.onsetRun = loud ? this.onsetRun + 1 : 0;
    if (this.onsetRun < this.startFrames) return;
    this.speaking = true;
    this.speechStartFrame = this.frame - this.onsetRun + 1;
    this.lastLoudFrame = this.frame;
    this.onsetRun = 0;
    this.onEvent({ type: 'speech-start', atMs: this.decidedMs, startMs: this.speechStartFrame * VAD_FRAME_MS, playing });
  }

  private duringSpeech(loud: boolean): void {
    if (loud) this.lastLoudFrame = this.frame;
    else if (this.frame - this.lastLoudFrame >= this.pauseFrames) this.endSpeech();
  }

  private endSpeech(): void {
    this.speaking = false;
    this.bargeRun = 0;
    this.bargeFired = false;
    // The quiet that confirmed the end is already silence; the mute clock adds this frame itself.
    this.silentFrames = this.frame - this.lastLoudFrame - 1;
    this.muteFired = false;
    this.onEvent({ type: 'speech-end', atMs: this.decidedMs, startMs: this.speechStartFrame * VAD_FRAME_MS, endMs: (this.lastLoudFrame + 1) * VAD_FRAME_MS });
  }

  /**
   * Counts loud frames over a playing prompt, onset frames included (the callee was already talking then); a gap
   * longer than BARGE_IN_GAP_MS or the prompt stopping starts the count again. Fires once per utterance.
   */
  private countBargeIn(loud: boolean, playing: boolean): void {
    if (!playing || (!this.speaking && this.onsetRun === 0)) {
      this.bargeRun = 0;
      this.bargeGap = 0;
      return;
    }
    if (!loud) {
      if (++this.bargeGap * VAD_FRAME_MS > BARGE_IN_GAP_MS) this.bargeRun = 0;
      return;
    }
    this.bargeGap = 0;
    this.bargeRun++;
    if (this.speaking && !this.bargeFired && this.bargeRun >= this.bargeInFrames) {
      this.bargeFired = true;
      this.onEvent({ type: 'barge-in', atMs: this.decidedMs, startMs: this.speechStartFrame * VAD_FRAME_MS });
    }
  }

  /** The mute clock runs while neither side talks; our prompt or the callee's speech restarts it. */
  private countSilence(playing: boolean): void {
    if (playing || this.speaking) {
      this.silentFrames = 0;
      this.muteFired = false;
      return;
    }
    this.silentFrames++;
    if (!this.muteFired && this.silentFrames >= this.muteFrames) {
      this.muteFired = true;
      this.onEvent({ type: 'silence-timeout', atMs: this.decidedMs, silentMs: this.silentFrames * VAD_FRAME_MS });
    }
  }
}
