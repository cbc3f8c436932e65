/**
 * Recognition with any OpenAI-compatible `/audio/transcriptions` endpoint (OpenAI whisper-1 or gpt-4o-transcribe, a
 * local faster-whisper or vLLM server, a vendor's compatible mode), fed one utterance at a time as the VAD cuts
 * them: the 8 kHz PCM is wrapped as a 16-bit WAV file and sent as multipart/form-data.
 */
import { encodePcm16Wav } from '../../core/media/voice-file-wav.js';
import { SPEECH_SAMPLE_RATE, SpeechError, type RecognitionOptions, type SpeechRecognizer } from '../../ports/speech.js';
import { speechApiRoot, speechPost } from '../tts/speech-http.js';

/** How to reach the endpoint. */
export interface OpenAiTranscriberOptions {
  /** The API root, e.g. `https://api.openai.com/v1`; `/audio/transcriptions` is appended. */
  baseUrl: string;
  /** Sent as a Bearer token when set; local servers usually need none. */
  apiKey?: string;
  /** e.g. `whisper-1`, `gpt-4o-mini-transcribe`. */
  model: string;
  /** Longest one transcription may take; default 15 s (a caller is waiting on the line). */
  timeoutMs?: number;
  /** Language hint when a request gives none (ISO 639-1, e.g. `zh`). */
  language?: string;
  /** Longest utterance sent, in seconds; longer ones are refused before any upload. Default 120 s. */
  maxUtteranceSeconds?: number;
  /** The fetch implementation; the platform's by default. */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_UTTERANCE_SECONDS = 120;
/** A transcription answer is a short JSON object; anything much larger is not one. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/** One utterance in, its words out; see the module comment. */
export class OpenAiTranscriber implements SpeechRecognizer {
  private readonly endpoint: string;

  constructor(private readonly options: OpenAiTranscriberOptions) {
    this.endpoint = `${speechApiRoot(options.baseUrl, 'transcription')}/audio/transcriptions`;
  }

  async transcribe(pcm8k: Int16Array, options: RecognitionOptions = {}): Promise<{ text: string }> {
    const maxSeconds = this.options.maxUtteranceSeconds ?? DEFAULT_MAX_UTTERANCE_SECONDS;
    if (pcm8k.length > maxSeconds * SPEECH_SAMPLE_RATE) {
      throw new SpeechError(`the utterance is ${(pcm8k.length / SPEECH_SAMPLE_RATE).toFixed(1)} s long; at most ${maxSeconds} s is sent for transcription`, 'too-large');
    }
    const wav = encodePcm16Wav(pcm8k, SPEECH_SAMPLE_RATE);
    const form = new FormData();
    form.append('file', new Blob([wav], { type: 'audio/wav' }), 'utterance.wav');
    form.append('model', this.options.model);
    form.append('response_format', 'json');
    const language = options.language ?? this.options.language;
    if (language) form.append('language', language);
    // fetch sets the multipart content type with its boundary itself.
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const answer = await speechPost(this.endpoint, headers, form, {
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: MAX_ANSWER_BYTES,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
    });
    return { text: this.textOf(answer.bytes) };
  }

  /** The `text` of the JSON answer; SpeechError 'protocol' for anything else. */
  private textOf(bytes: Uint8Array): string {
    const body = Buffer.from(bytes).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new SpeechError(`${this.endpoint} answered something that is not JSON (starts "${body.slice(0, 80).replace(/\s+/g, ' ')}")`, 'protocol');
    }
    const text = (parsed as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') throw new SpeechError(`${this.endpoint} answered JSON without a "text" string`, 'protocol');
    return text.trim();
  }
}
