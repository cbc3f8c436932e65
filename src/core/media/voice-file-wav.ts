/**
 * Reads a RIFF/WAVE file into mono samples: integer PCM of 8, 16, 24 or 32 bits, 32- or 64-bit IEEE float, A-law and
 * mu-law, at any sample rate and with any number of channels (averaged, so a tone recorded the same on both sides
 * keeps its level). Everything a caller could get wrong is reported as InvalidArgument about `Content`, in words
 * that say what the file is and what would work instead.
 */
import { DomainError } from '../errors.js';

/** Decoded audio: one channel of samples in [-1, 1] at `sampleRate`. */
export interface MonoAudio {
  sampleRate: number;
  samples: Float32Array;
}

/** What the file said about itself, kept for the record (GetVoiceFile shows the original format). */
export interface WavFormat {
  encoding: 'pcm' | 'float' | 'alaw' | 'mulaw';
  bitsPerSample: number;
  channels: number;
  sampleRate: number;
}

const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_ALAW = 0x0006;
const FORMAT_MULAW = 0x0007;
const FORMAT_EXTENSIBLE = 0xfffe;
// Beyond these a "WAV" is either corrupt or not something a phone line could use.
const MAX_CHANNELS = 32;
const MIN_RATE = 1000;
const MAX_RATE = 768_000;

/** InvalidArgument about the uploaded bytes. */
export function badContent(why: string): DomainError {
  return new DomainError('InvalidArgument', `Content ${why}`, 'Content');
}

/** True when the bytes start like a RIFF/WAVE file. */
export function looksLikeWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE';
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** The fmt and data chunks; odd-sized chunks are padded to even length, as RIFF requires. */
function chunks(bytes: Uint8Array): { fmt?: DataView; data?: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: { fmt?: DataView; data?: Uint8Array } = {};
  let at = 12;
  while (at + 8 <= bytes.length && !found.data) {
    const id = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + size > bytes.length) throw badContent('is a WAV file whose fmt chunk is truncated');
      found.fmt = new DataView(bytes.buffer, bytes.byteOffset + body, size);
    } else if (id === 'data') {
      // Streaming writers leave the size at 0 or 0xFFFFFFFF; a truncated upload ends early. Either way: what is there.
      const end = size === 0 || body + size > bytes.length ? bytes.length : body + size;
      found.data = bytes.subarray(body, end);
    }
    at = body + size + (size % 2);
  }
  return found;
}

/** The format tag, with WAVE_FORMAT_EXTENSIBLE resolved to the sub-format it wraps. */
function formatTag(fmt: DataView): number {
  const tag = fmt.getUint16(0, true);
  if (tag !== FORMAT_EXTENSIBLE) return tag;
  // cbSize (2), valid bits (2), channel mask (4), then the sub-format GUID whose first two bytes are the tag.
  if (fmt.byteLength < 26) throw badContent('is a WAV file whose extensible fmt chunk is truncated');
  return fmt.getUint16(24, true);
}

/** The checked format of a fmt chunk. */
function readFormat(fmt: DataView): WavFormat & { blockAlign: number } {
  const tag = formatTag(fmt);
  const channels = fmt.getUint16(2, true);
  const sampleRate = fmt.getUint32(4, true);
  const blockAlign = fmt.getUint16(12, true);
  const bitsPerSample = fmt.getUint16(14, true);
  const encoding = tag === FORMAT_PCM ? 'pcm' : tag === FORMAT_FLOAT ? 'float' : tag === FORMAT_ALAW ? 'alaw' : tag === FORMAT_MULAW ? 'mulaw' : undefined;
  if (!encoding) {
    throw badContent(`is a WAV file in an unsupported encoding (format tag 0x${tag.toString(16).padStart(4, '0')}); use PCM, IEEE float, A-law or mu-law, or MP3`);
  }
  const widths: Record<WavFormat['encoding'], number[]> = { pcm: [8, 16, 24, 32], float: [32, 64], alaw: [8], mulaw: [8] };
  if (!widths[encoding].includes(bitsPerSample)) {
    throw badContent(`is a ${encoding} WAV file with ${bitsPerSample} bits per sample; supported are ${widths[encoding].join(', ')}`);
  }
  if (channels < 1 || channels > MAX_CHANNELS) throw badContent(`is a WAV file with ${channels} channels; 1 to ${MAX_CHANNELS} are supported`);
  if (sampleRate < MIN_RATE || sampleRate > MAX_RATE) throw badContent(`is a WAV file at ${sampleRate} Hz; ${MIN_RATE} to ${MAX_RATE} Hz are supported`);
  if (blockAlign < channels * (bitsPerSample / 8)) throw badContent(`is a WAV file whose block size (${blockAlign} bytes) is too small for ${channels} channels of ${bitsPerSample} bits`);
  return { encoding, bitsPerSample, channels, sampleRate, blockAlign };
}

/** ITU-T G.711 A-law byte as a linear sample in [-1, 1]. */
export function alawToLinear(byte: number): number {
  const a = byte ^ 0x55;
  const exponent = (a >> 4) & 0x07;
  const mantissa = a & 0x0f;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return ((a & 0x80) !== 0 ? magnitude : -magnitude) / 32768;
}

/** ITU-T G.711 mu-law byte as a linear sample in [-1, 1]. */
export function mulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
  return ((u & 0x80) !== 0 ? -magnitude : magnitude) / 32768;
}

/** A reader of one sample at a byte offset, in [-1, 1]. */
function sampleReader(view: DataView, format: WavFormat): (at: number) => number {
  switch (format.encoding) {
    case 'alaw':
      return (at) => alawToLinear(view.getUint8(at));
    case 'mulaw':
      return (at) => mulawToLinear(view.getUint8(at));
    case 'float':
      return format.bitsPerSample === 32 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
    case 'pcm':
      if (format.bitsPerSample === 8) return (at) => (view.getUint8(at) - 128) / 128; // 8-bit WAV is unsigned
      if (format.bitsPerSample === 16) return (at) => view.getInt16(at, true) / 32768;
      if (format.bitsPerSample === 24) return (at) => ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608);
      return (at) => view.getInt32(at, true) / 2147483648;
  }
}

/** Decodes a WAV file to mono; InvalidArgument about Content when it is corrupt or in an unsupported format. */
export function decodeWav(bytes: Uint8Array): MonoAudio & { format: WavFormat } {
  if (!looksLikeWav(bytes)) throw badContent('is not a WAV file (no RIFF/WAVE header)');
  const { fmt, data } = chunks(bytes);
  if (!fmt) throw badContent('is a WAV file without a fmt chunk before its data');
  const format = readFormat(fmt);
  if (!data) throw badContent('is a WAV file without a data chunk');
  const frames = Math.floor(data.length / format.blockAlign);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const read = sampleReader(view, format);
  const width = format.bitsPerSample / 8;
  const samples = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame++) {
    const start = frame * format.blockAlign;
    let sum = 0;
    for (let channel = 0; channel < format.channels; channel++) sum += read(start + channel * width);
    const value = sum / format.channels;
    // Float files may hold NaN or values past full scale; neither may reach the line.
    samples[frame] = Number.isNaN(value) ? 0 : Math.max(-1, Math.min(1, value));
  }
  const { blockAlign: _, ...described } = format;
  return { sampleRate: format.sampleRate, samples, format: described };
}

/** The samples of a stored voice file (what encodePcm16Wav wrote: a 44-byte header, then 16-bit mono). */
export function pcm16WavSamples(wav: Uint8Array): Int16Array {
  const view = new DataView(wav.buffer, wav.byteOffset + 44, wav.length - 44);
  const out = new Int16Array(view.byteLength >> 1);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

/** A WAV file of 16-bit PCM, one channel: the format voice files are stored in. */
export function encodePcm16Wav(samples: Int16Array, sampleRate: number): Uint8Array {
  const dataBytes = samples.length * 2;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, samples[i]!, true);
  return out;
}
