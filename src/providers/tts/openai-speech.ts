/**
 * Speech from any OpenAI-compatible `/audio/speech` endpoint (OpenAI, a local server such as openedai-speech or a
 * vendor's compatible mode). The answer is asked for as WAV, or as raw 16-bit PCM at a known rate, because both
 * decode in process without a codec; it is then resampled to 8 kHz like every other provider's audio.
 */
import { looksLikeWav } from '../../core/media/voice-file-wav.js';
import { SpeechError, type SpeechSynthesizer, type SynthesisOptions, type Voice } from '../../ports/speech.js';
import { applyVolume, checkedSpeed, rawPcm16ToSpeechPcm, wavToSpeechPcm } from './speech-audio.js';
import { speechApiRoot, speechPost } from './speech-http.js';

/** How to reach the endpoint and what to ask it for. */
export interface OpenAiSpeechOptions {
  /** The API root, e.g. `https://api.openai.com/v1`; `/audio/speech` is appended. */
  baseUrl: string;
  /** Sent as a Bearer token when set; local servers usually need none. */
  apiKey?: string;
  /** e.g. `tts-1`, `gpt-4o-mini-tts`. */
  model: string;
  /** Longest one synthesis may take, answer included; default 20 s. */
  timeoutMs?: number;
  /** 'wav' (default) or 'pcm': raw 16-bit little-endian mono at `pcmSampleRate`. */
  responseFormat?: 'wav' | 'pcm';
  /** The rate of 'pcm' answers; OpenAI sends 24000 Hz. */
  pcmSampleRate?: number;
  /** The voices the endpoint offers, the default first; OpenAI's own when absent. */
  voices?: readonly Omit<Voice, 'provider'>[];
  /** Largest answer accepted, in bytes; default 32 MiB. */
  maxBytes?: number;
  /** The fetch implementation; the platform's by default. */
  fetch?: typeof fetch;
}

const PROVIDER = 'openai';
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
/** OpenAI's limits on input length and speed; compatible servers accept at least as much. */
const MAX_INPUT_CHARS = 4096;
const MIN_SPEED = 0.25;
const MAX_SPEED = 4;

const OPENAI_VOICES: readonly Omit<Voice, 'provider'>[] = ['alloy', 'ash', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer'].map((id) => ({
  id,
  name: `${id[0]!.toUpperCase()}${id.slice(1)} (OpenAI)`,
  // The OpenAI voices are multilingual; they speak the language of the text.
  language: 'mul',
}));

/** Synthesis over HTTP; see the module comment. */
export class OpenAiSpeechSynthesizer implements SpeechSynthesizer {
  readonly provider = PROVIDER;
  private readonly endpoint: string;
  private readonly voiceList: readonly Voice[];

  constructor(private readonly options: OpenAiSpeechOptions) {
    this.endpoint = `${speechApiRoot(options.baseUrl, 'speech')}/audio/speech`;
    this.voiceList = Object.freeze((options.voices ?? OPENAI_VOICES).map((v) => ({ ...v, provider: PROVIDER })));
    if (this.voiceList.length === 0) throw new Error('an OpenAI-compatible speech provider needs at least one voice');
  }

  voices(): readonly Voice[] {
    return this.voiceList;
  }

  async synthesize(text: string, options: SynthesisOptions = {}): Promise<Int16Array> {
    const speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, checkedSpeed(options.speed)));
    if (text.length > MAX_INPUT_CHARS) throw new RangeError(`the text is ${text.length} characters long; /audio/speech takes at most ${MAX_INPUT_CHARS}`);
    if (text.trim() === '') return new Int16Array(0);
    const format = this.options.responseFormat ?? 'wav';
    const body = JSON.stringify({ model: this.options.model, input: text, voice: options.voice ?? this.voiceList[0]!.id, response_format: format, speed });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const answer = await speechPost(this.endpoint, headers, body, {
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: this.options.maxBytes ?? DEFAULT_MAX_BYTES,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
    });
    return applyVolume(this.decode(answer.bytes, answer.contentType, format), options.volume);
  }

  /** The answer as 8 kHz PCM: a WAV is decoded whatever was asked for; raw PCM only when it was asked for. */
  private decode(bytes: Uint8Array, contentType: string, format: 'wav' | 'pcm'): Int16Array {
    if (looksLikeWav(bytes)) return wavToSpeechPcm(bytes, this.endpoint);
    const looksLikeText = /json|text/i.test(contentType);
    if (format === 'pcm' && !looksLikeText) return rawPcm16ToSpeechPcm(bytes, this.options.pcmSampleRate ?? 24_000);
    const head = Buffer.from(bytes.subarray(0, 80)).toString('utf8').replace(/\s+/g, ' ');
    throw new SpeechError(`${this.endpoint} answered ${contentType || 'no content type'} that is not ${format === 'wav' ? 'a WAV file' : 'raw PCM'} (starts "${head}")`, 'protocol');
  }
}
