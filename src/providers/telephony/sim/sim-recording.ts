/**
 * The audio of a simulated call, made up after the fact from its transcript: the file a SIP call's recorder would
 * have written (stereo 8 kHz WAV, left the callee, right the platform), but spoken by a synthesizer. Each turn is
 * placed at its `at` offset; the callee's turns are times when the utterance was *complete*, so they end there. Spoken
 * lengths differ from the simulator's estimates, so a turn never starts before the previous one has finished, which
 * keeps the result intelligible. The file is exactly as long as the call's talk time (like a SIP recording, and like
 * the CDR): speech that would run past the end is cut, as the call was. Key presses are tone pairs like DTMF's, the platform's voice files (which the
 * simulator never had) stay silent.
 */
import type { DialogTurn } from '../../../core/calls/dialog.js';
import type { SpeechSynthesizer } from '../../../ports/speech.js';
import { stereoWavHeader, WAV_HEADER_BYTES } from '../sip/audio/stereo-recorder.js';
import { MEDIA_SAMPLE_RATE } from '../sip/media/frame.js';

/** The platform's voice (right channel) and the callee's (left), espeak-ng voice names. */
export const SIM_RECORDING_VOICES = { platform: 'cmn-latn-pinyin', callee: 'cmn-latn-pinyin+f3' } as const;

/** What a recording is rendered from. */
export interface SimRecordingInput {
  turns: readonly DialogTurn[];
  /** The call's talk time, ms: the file's length. */
  durationMs: number;
  /**
   * The simulator's time scale when the call ran: turn offsets were measured on the clock, which runs `timeScale`
   * times simulated time, so they are divided by it. 0 (instant calls) lays the turns out one after the other.
   */
  timeScale: number;
}

const SAMPLES_PER_MS = MEDIA_SAMPLE_RATE / 1000;
/** Synthesis runs for this many turns at once: a long call is not one child process after another, nor fifty at once. */
const PARALLEL_TURNS = 4;
/** Longest file rendered, like the SIP recorder's cap: two hours. */
const MAX_RENDER_MS = 2 * 3600_000;
/** Each key press: a tone this long, then this much silence. */
const KEY_TONE_MS = 120;
const KEY_GAP_MS = 80;
/** Each of the pair's two tones at this fraction of full scale (together well below clipping). */
const KEY_TONE_LEVEL = 0.3;
/** Row and column tone of each key, the keypad's layout (the standard DTMF frequencies). */
const KEY_ROWS = [697, 770, 852, 941] as const;
const KEY_COLUMNS = [1209, 1336, 1477, 1633] as const;
const KEYPAD = ['123A', '456B', '789C', '*0#D'] as const;

/** Renders the call; rejects as the synthesizer does (SpeechError 'unavailable' when espeak-ng is missing). */
export async function renderSimRecording(input: SimRecordingInput, synthesizer: SpeechSynthesizer): Promise<Uint8Array> {
  const audio = await synthesizeTurns(input.turns, synthesizer);
  const channels: { left: Placed[]; right: Placed[] } = { left: [], right: [] };
  let cursor = 0;
  input.turns.forEach((turn, i) => {
    const pcm = audio[i]!;
    if (pcm.length === 0) return;
    const at = input.timeScale > 0 ? Math.round((turn.at / input.timeScale) * SAMPLES_PER_MS) : 0;
    const wanted = turn.role === 'user' ? at - pcm.length : at;
    const start = Math.max(0, wanted, cursor);
    (turn.role === 'user' ? channels.left : channels.right).push({ start, pcm });
    cursor = start + pcm.length;
  });
  const frames = Math.min(Math.round(input.durationMs * SAMPLES_PER_MS), MAX_RENDER_MS * SAMPLES_PER_MS);
  return stereoWav(frames, channels.left, channels.right);
}

/** A turn's samples at its place in the file (in sample frames from the start). */
interface Placed {
  start: number;
  pcm: Int16Array;
}

async function synthesizeTurns(turns: readonly DialogTurn[], synthesizer: SpeechSynthesizer): Promise<Int16Array[]> {
  const out: Int16Array[] = new Array<Int16Array>(turns.length);
  let next = 0;
  const worker = async () => {
    while (next < turns.length) {
      const i = next++;
      out[i] = await turnAudio(turns[i]!, synthesizer);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_TURNS, turns.length) }, worker));
  return out;
}

function turnAudio(turn: DialogTurn, synthesizer: SpeechSynthesizer): Promise<Int16Array> {
  if (turn.dtmf !== undefined) return Promise.resolve(keyTones(turn.dtmf));
  const text = turn.content.trim();
  // A played voice file is written as its media id in brackets: there is nothing to say for it.
  if (text === '' || /^\[[^\]]*\]$/.test(text)) return Promise.resolve(new Int16Array(0));
  const voice = turn.role === 'user' ? SIM_RECORDING_VOICES.callee : SIM_RECORDING_VOICES.platform;
  return synthesizer.synthesize(text, { voice });
}

/** One tone pair per key (unknown characters are skipped), each followed by a short silence. */
export function keyTones(digits: string): Int16Array {
  const keys = [...digits.toUpperCase()].map(tonesOf).filter((k) => k !== undefined);
  const toneSamples = KEY_TONE_MS * SAMPLES_PER_MS;
  const stepSamples = toneSamples + KEY_GAP_MS * SAMPLES_PER_MS;
  const pcm = new Int16Array(keys.length * stepSamples);
  keys.forEach(([low, high], k) => {
    for (let n = 0; n < toneSamples; n++) {
      const t = n / MEDIA_SAMPLE_RATE;
      const value = KEY_TONE_LEVEL * (Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t));
      pcm[k * stepSamples + n] = Math.round(value * 32767);
    }
  });
  return pcm;
}

function tonesOf(key: string): [number, number] | undefined {
  const row = KEYPAD.findIndex((r) => r.includes(key));
  return row < 0 ? undefined : [KEY_ROWS[row]!, KEY_COLUMNS[KEYPAD[row]!.indexOf(key)]!];
}

/** Interleaves the placed turns into a stereo WAV of `frames` sample frames (turns past the end are cut). */
function stereoWav(frames: number, left: readonly Placed[], right: readonly Placed[]): Uint8Array {
  const file = new Uint8Array(WAV_HEADER_BYTES + frames * 4);
  file.set(stereoWavHeader(frames * 4), 0);
  const view = new DataView(file.buffer, WAV_HEADER_BYTES);
  const put = (placed: readonly Placed[], channel: 0 | 1) => {
    for (const { start, pcm } of placed) {
      const end = Math.min(frames, start + pcm.length);
      for (let f = start; f < end; f++) view.setInt16(f * 4 + channel * 2, pcm[f - start]!, true);
    }
  };
  put(left, 0);
  put(right, 1);
  return file;
}
