/**
 * Test helpers for voice files: WAV files of any format built in code (tones, G.711), an MP3 made by sox at test time,
 * and a tone detector (Goertzel) to check what survived transcoding. Used by the unit and conformance suites.
 */
import { spawnSync } from 'node:child_process';
import { pcm16WavSamples } from './voice-file-wav.js';

/** A WAV to build: the format fields and a signal per channel in [-1, 1]. */
export interface WavSpec {
  encoding: 'pcm' | 'float' | 'alaw' | 'mulaw';
  bitsPerSample: number;
  channels: number;
  sampleRate: number;
  frames: number;
  /** Sample of `channel` at `frame`, in [-1, 1]. */
  signal: (frame: number, channel: number) => number;
  /** Wrap the format in WAVE_FORMAT_EXTENSIBLE. */
  extensible?: boolean;
  /** Chunks to put before fmt (e.g. a LIST chunk of odd size). */
  leading?: { id: string; body: Uint8Array }[];
}

const TAGS = { pcm: 1, float: 3, alaw: 6, mulaw: 7 } as const;

/** G.711 A-law encoding of a linear sample in [-1, 1] (ITU-T reference algorithm). */
export function linearToAlaw(value: number): number {
  let pcm = Math.max(-32768, Math.min(32767, Math.round(value * 32768))) >> 3;
  let mask = 0xd5;
  if (pcm < 0) {
    mask = 0x55;
    pcm = -pcm - 1;
  }
  const ends = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];
  const seg = ends.findIndex((end) => pcm <= end);
  if (seg === -1) return 0x7f ^ mask;
  const aval = (seg << 4) | ((seg < 2 ? pcm >> 1 : pcm >> seg) & 0x0f);
  return aval ^ mask;
}

/** G.711 mu-law encoding of a linear sample in [-1, 1] (ITU-T reference algorithm). */
export function linearToMulaw(value: number): number {
  let pcm = Math.max(-32768, Math.min(32767, Math.round(value * 32768))) >> 2;
  let mask = 0xff;
  if (pcm < 0) {
    pcm = -pcm;
    mask = 0x7f;
  }
  pcm = Math.min(pcm, 8159) + (0x84 >> 2);
  const ends = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff];
  const seg = ends.findIndex((end) => pcm <= end);
  if (seg === -1) return 0x7f ^ mask;
  const uval = (seg << 4) | ((pcm >> (seg + 1)) & 0x0f);
  return uval ^ mask;
}

/** Writes one sample of the spec's encoding at `at`. */
function writeSample(view: DataView, at: number, spec: WavSpec, value: number): void {
  const v = Math.max(-1, Math.min(1, value));
  if (spec.encoding === 'alaw') return view.setUint8(at, linearToAlaw(v));
  if (spec.encoding === 'mulaw') return view.setUint8(at, linearToMulaw(v));
  if (spec.encoding === 'float') return spec.bitsPerSample === 32 ? view.setFloat32(at, v, true) : view.setFloat64(at, v, true);
  const full = 2 ** (spec.bitsPerSample - 1);
  const int = Math.max(-full, Math.min(full - 1, Math.round(v * full)));
  if (spec.bitsPerSample === 8) return view.setUint8(at, int + 128);
  if (spec.bitsPerSample === 16) return view.setInt16(at, int, true);
  if (spec.bitsPerSample === 32) return view.setInt32(at, int, true);
  view.setUint8(at, int & 0xff);
  view.setUint8(at + 1, (int >> 8) & 0xff);
  view.setUint8(at + 2, (int >> 16) & 0xff);
}

/** A RIFF chunk: id, little-endian size, body, pad byte when the size is odd. */
function chunk(id: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length + (body.length % 2));
  out.set([...id].map((c) => c.charCodeAt(0)), 0);
  new DataView(out.buffer).setUint32(4, body.length, true);
  out.set(body, 8);
  return out;
}

/** The fmt chunk body of a spec. */
function fmtBody(spec: WavSpec): Uint8Array {
  const width = spec.bitsPerSample / 8;
  const body = new Uint8Array(spec.extensible ? 40 : 16);
  const view = new DataView(body.buffer);
  view.setUint16(0, spec.extensible ? 0xfffe : TAGS[spec.encoding], true);
  view.setUint16(2, spec.channels, true);
  view.setUint32(4, spec.sampleRate, true);
  view.setUint32(8, spec.sampleRate * spec.channels * width, true);
  view.setUint16(12, spec.channels * width, true);
  view.setUint16(14, spec.bitsPerSample, true);
  if (spec.extensible) {
    view.setUint16(16, 22, true);
    view.setUint16(18, spec.bitsPerSample, true);
    view.setUint16(24, TAGS[spec.encoding], true);
  }
  return body;
}

/** A complete WAV file of the spec. */
export function buildWav(spec: WavSpec): Uint8Array {
  const width = spec.bitsPerSample / 8;
  const data = new Uint8Array(spec.frames * spec.channels * width);
  const view = new DataView(data.buffer);
  for (let f = 0; f < spec.frames; f++) {
    for (let c = 0; c < spec.channels; c++) writeSample(view, (f * spec.channels + c) * width, spec, spec.signal(f, c));
  }
  const parts = [...(spec.leading ?? []).map((l) => chunk(l.id, l.body)), chunk('fmt ', fmtBody(spec)), chunk('data', data)];
  const size = parts.reduce((n, p) => n + p.length, 4);
  const out = new Uint8Array(8 + size);
  out.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
  new DataView(out.buffer).setUint32(4, size, true);
  out.set([...'WAVE'].map((c) => c.charCodeAt(0)), 8);
  let at = 12;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A sine of `hz` at `amplitude`, as a WavSpec signal for `sampleRate`. */
export function tone(hz: number, sampleRate: number, amplitude = 0.5): (frame: number) => number {
  return (frame) => amplitude * Math.sin((2 * Math.PI * hz * frame) / sampleRate);
}

/** The amplitude of the `hz` component of 16-bit samples (Goertzel over the middle, away from the edges). */
export function toneAmplitude(samples: Int16Array | Float32Array, hz: number, sampleRate: number): number {
  const scale = samples instanceof Int16Array ? 32768 : 1;
  const start = Math.floor(samples.length * 0.1);
  const end = Math.floor(samples.length * 0.9);
  let re = 0;
  let im = 0;
  for (let n = start; n < end; n++) {
    const phase = (2 * Math.PI * hz * n) / sampleRate;
    re += (samples[n]! / scale) * Math.cos(phase);
    im += (samples[n]! / scale) * Math.sin(phase);
  }
  return (2 * Math.hypot(re, im)) / (end - start);
}

/** Root mean square of 16-bit samples over the middle, in [0, 1]. */
export function rms(samples: Int16Array): number {
  const start = Math.floor(samples.length * 0.1);
  const end = Math.floor(samples.length * 0.9);
  let sum = 0;
  for (let n = start; n < end; n++) sum += (samples[n]! / 32768) ** 2;
  return Math.sqrt(sum / (end - start));
}

/** The samples of a stored voice file (44-byte header, 16-bit mono). */
export const storedSamples = pcm16WavSamples;

/** An MP3 of a `hz` tone lasting `seconds`, made by sox (needs sox and libsox-fmt-mp3). */
export function soxMp3Tone(hz: number, seconds: number, sampleRate = 44100): Uint8Array {
  const run = spawnSync('sox', ['-n', '-r', String(sampleRate), '-c', '2', '-t', 'mp3', '-', 'synth', String(seconds), 'sine', String(hz), 'vol', '0.5'], { maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`sox could not make an MP3 (install sox and libsox-fmt-mp3): ${String(run.stderr)}`);
  return new Uint8Array(run.stdout);
}
