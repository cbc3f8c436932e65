/**
 * Turns an uploaded voice file into what is stored and played: 8 kHz mono 16-bit PCM WAV. The format is told by the
 * bytes, never by the file name: a RIFF/WAVE header is decoded here (voice-file-wav.ts) and resampled with a proper
 * low-pass (voice-file-resample.ts); an MPEG layer III stream goes to the MP3 decoder port (sox).
 */
import type { CompressedAudioDecoder } from '../../ports/voice-file-decoder.js';
import { badContent, decodeWav, encodePcm16Wav, looksLikeWav, type WavFormat } from './voice-file-wav.js';
import { resample, toInt16 } from './voice-file-resample.js';

/** The rate of the telephone network, and of every stored voice file. */
export const VOICE_FILE_SAMPLE_RATE = 8000;
/** Longest voice file accepted: a notification is seconds long; this bounds the work and the storage of one upload. */
export const MAX_VOICE_FILE_DURATION_MS = 10 * 60_000;

/** The upload formats, as detected from the bytes. */
export type VoiceFileSourceFormat = 'WAV' | 'MP3';

/** An upload transcoded for storage. */
export interface TranscodedVoiceFile {
  /** The stored file: a 44-byte WAV header and 16-bit mono samples at 8 kHz. */
  wav: Uint8Array;
  durationMs: number;
  sourceFormat: VoiceFileSourceFormat;
  /** The WAV upload's own format; absent for MP3. */
  wavFormat?: WavFormat;
}

// Layer III bit rates (kbit/s) by index, for MPEG-1 and for MPEG-2/2.5; index 0 (free) and 15 (bad) are refused.
const MP3_BITRATES = {
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
// Sample rates by MPEG version bits (0 = 2.5, 2 = 2, 3 = 1) and index.
const MP3_RATES: Record<number, number[]> = { 0: [11025, 12000, 8000], 2: [22050, 24000, 16000], 3: [44100, 48000, 32000] };
/** How far past an ID3 tag the first frame is looked for (encoders may pad). */
const MP3_SYNC_SEARCH = 4096;

/** The length in bytes of the layer III frame whose header starts at `at`; undefined when there is none. */
function mp3FrameLength(bytes: Uint8Array, at: number): number | undefined {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) return undefined;
  const version = (bytes[at + 1]! >> 3) & 3;
  const layer = (bytes[at + 1]! >> 1) & 3;
  const bitrateIndex = bytes[at + 2]! >> 4;
  const rateIndex = (bytes[at + 2]! >> 2) & 3;
  const padding = (bytes[at + 2]! >> 1) & 1;
  const rates = MP3_RATES[version];
  if (!rates || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const kbps = (version === 3 ? MP3_BITRATES.v1 : MP3_BITRATES.v2)[bitrateIndex]!;
  return Math.floor(((version === 3 ? 144_000 : 72_000) * kbps) / rates[rateIndex]!) + padding;
}

/** A frame at `at` followed by another frame (or by the end of the file): one stray 0xFFE is not an MP3. */
function framesAt(bytes: Uint8Array, at: number): boolean {
  const length = mp3FrameLength(bytes, at);
  if (length === undefined) return false;
  const next = at + length;
  return next + 4 > bytes.length || mp3FrameLength(bytes, next) !== undefined;
}

/** True when the bytes are an MPEG layer III stream, with or without a leading ID3v2 tag. */
export function looksLikeMp3(bytes: Uint8Array): boolean {
  let start = 0;
  if (bytes.length >= 10 && bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    // ID3v2: a 10-byte header whose size is four 7-bit bytes, plus 10 more when a footer is flagged.
    const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
    start = 10 + size + ((bytes[5]! & 0x10) !== 0 ? 10 : 0);
  }
  const end = Math.min(bytes.length, start + (start > 0 ? MP3_SYNC_SEARCH : 1));
  for (let at = start; at < end; at++) if (framesAt(bytes, at)) return true;
  return false;
}

/** The upload's format from its first bytes; undefined when it is neither WAV nor MP3. */
export function detectVoiceFileFormat(bytes: Uint8Array): VoiceFileSourceFormat | undefined {
  if (looksLikeWav(bytes)) return 'WAV';
  if (looksLikeMp3(bytes)) return 'MP3';
  return undefined;
}

/** What the first bytes look like, for the refusal of something that is not audio. */
function describeUnknown(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'is empty';
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  const known: [RegExp, string][] = [[/^OggS/, 'an Ogg file'], [/^fLaC/, 'a FLAC file'], [/^%PDF/, 'a PDF document'], [/^RIFF/, 'a RIFF file that is not WAVE'], [/^\x89PNG/, 'a PNG image']];
  const what = known.find(([pattern]) => pattern.test(head))?.[1];
  return `is ${what ?? 'neither a WAV nor an MP3 file'}; upload WAV (PCM, float, A-law or mu-law) or MP3`;
}

/** The refusal of audio past the length cap. */
function tooLong(durationMs: number): never {
  throw badContent(`is ${(durationMs / 1000).toFixed(1)} s long; a voice file may be at most ${MAX_VOICE_FILE_DURATION_MS / 60_000} minutes`);
}

/** The samples as a stored file; a file with no samples at all, or one past the length cap, is refused. */
function stored(samples: Int16Array, sourceFormat: VoiceFileSourceFormat, wavFormat?: WavFormat): TranscodedVoiceFile {
  if (samples.length === 0) throw badContent(`is a${sourceFormat === 'MP3' ? 'n' : ''} ${sourceFormat} file with no audio in it`);
  const durationMs = Math.round((samples.length * 1000) / VOICE_FILE_SAMPLE_RATE);
  if (durationMs > MAX_VOICE_FILE_DURATION_MS) tooLong(durationMs);
  return { wav: encodePcm16Wav(samples, VOICE_FILE_SAMPLE_RATE), durationMs, sourceFormat, ...(wavFormat ? { wavFormat } : {}) };
}

/**
 * Detects, decodes and transcodes an upload; InvalidArgument about Content when it is not audio waihu can read,
 * NotImplemented (from the decoder) when MP3 cannot be decoded on this machine.
 */
export async function transcodeVoiceFile(bytes: Uint8Array, mp3: CompressedAudioDecoder): Promise<TranscodedVoiceFile> {
  const format = detectVoiceFileFormat(bytes);
  if (format === 'WAV') {
    const decoded = decodeWav(bytes);
    const durationMs = (decoded.samples.length * 1000) / decoded.sampleRate;
    // Checked before resampling, which is the costly part.
    if (durationMs > MAX_VOICE_FILE_DURATION_MS) tooLong(durationMs);
    return stored(toInt16(resample(decoded.samples, decoded.sampleRate, VOICE_FILE_SAMPLE_RATE)), 'WAV', decoded.format);
  }
  if (format === 'MP3') {
    const maxSamples = (MAX_VOICE_FILE_DURATION_MS / 1000) * VOICE_FILE_SAMPLE_RATE;
    return stored(await mp3.decodeMp3(bytes, { sampleRate: VOICE_FILE_SAMPLE_RATE, maxSamples }), 'MP3');
  }
  throw badContent(describeUnknown(bytes));
}
