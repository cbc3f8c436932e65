/**
 * The audio chores every speech adapter shares: a provider's WAV made into the port's 8 kHz mono PCM, and the volume
 * gain. Resampling is done in process with the band-limited resampler voice files already use, so no adapter needs
 * a second program (sox) for it and the result is the same whichever provider spoke.
 */
import { decodeWav } from '../../core/media/voice-file-wav.js';
import { resample, toInt16 } from '../../core/media/voice-file-resample.js';
import { SPEECH_SAMPLE_RATE, SpeechError } from '../../ports/speech.js';

/** A WAV file from a provider as 8 kHz mono PCM; SpeechError 'protocol' when it is not a WAV we can read. */
export function wavToSpeechPcm(bytes: Uint8Array, source: string): Int16Array {
  let decoded;
  try {
    decoded = decodeWav(bytes);
  } catch (error) {
    // decodeWav words its complaints about an upload's "Content"; here the bytes are a provider's answer.
    const why = error instanceof Error ? error.message.replace(/^Content /, '') : String(error);
    throw new SpeechError(`${source} returned audio that is not a readable WAV: it ${why}`, 'protocol');
  }
  return toInt16(resample(decoded.samples, decoded.sampleRate, SPEECH_SAMPLE_RATE));
}

/** Raw little-endian 16-bit mono PCM at `sampleRate`, as 8 kHz PCM. */
export function rawPcm16ToSpeechPcm(bytes: Uint8Array, sampleRate: number): Int16Array {
  const count = Math.floor(bytes.length / 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
  const samples = new Float32Array(count);
  for (let i = 0; i < count; i++) samples[i] = view.getInt16(i * 2, true) / 32768;
  return toInt16(resample(samples, sampleRate, SPEECH_SAMPLE_RATE));
}

/** `pcm` scaled by `volume` (1 or absent: unchanged), clipped at full scale. */
export function applyVolume(pcm: Int16Array, volume: number | undefined): Int16Array {
  if (volume === undefined || volume === 1) return pcm;
  if (!(volume >= 0) || !Number.isFinite(volume)) throw new RangeError(`volume must be a finite number >= 0, got ${volume}`);
  const out = new Int16Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) {
    const scaled = Math.round(pcm[i]! * volume);
    out[i] = scaled > 32767 ? 32767 : scaled < -32768 ? -32768 : scaled;
  }
  return out;
}

/** Checks a speed factor; the providers each map it onto their own scale. */
export function checkedSpeed(speed: number | undefined): number {
  const value = speed ?? 1;
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`speed must be a finite number > 0, got ${speed}`);
  return value;
}

/** The AbortError to reject with when the caller's signal fired. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('the speech request was aborted', 'AbortError');
}
