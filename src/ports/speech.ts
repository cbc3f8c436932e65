/**
 * Speech on real audio: synthesis of prompts into telephone-rate PCM and recognition of what the callee said. The
 * simulated carrier speaks and hears text and needs neither; the SIP media path plays what a SpeechSynthesizer makes
 * and hands each utterance its VAD cut to a SpeechRecognizer. All audio here is 8 kHz mono 16-bit PCM, the rate of
 * G.711, so nothing downstream resamples.
 */

/** The one rate of every sample crossing these ports. */
export const SPEECH_SAMPLE_RATE = 8000;

/** One voice a synthesizer can speak in. */
export interface Voice {
  /** What a request names it by; unique within its provider (e.g. `cmn-latn-pinyin`, `alloy`). */
  id: string;
  /** A human name for lists. */
  name: string;
  /** BCP 47 tag of the language it speaks, e.g. `zh-CN`, `en-US`. */
  language: string;
  /** The provider that speaks it, e.g. `espeak-ng`, `openai`. */
  provider: string;
}

/** How one prompt is spoken. */
export interface SynthesisOptions {
  /** A voice id from voices(); the provider's default when absent. */
  voice?: string;
  /** Speaking rate relative to the voice's normal pace: 1 normal, 0.5 half as fast, 2 twice as fast. */
  speed?: number;
  /** Linear gain on the result: 1 unchanged, 0 silent; values past 1 are louder and clip at full scale. */
  volume?: number;
  /** Aborting stops the synthesis; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** Turns text into audio. */
export interface SpeechSynthesizer {
  /** The provider's name, as in Voice.provider; part of cache keys. */
  readonly provider: string;
  /** The text spoken as 8 kHz mono 16-bit PCM; rejects with SpeechError, or an AbortError when aborted. */
  synthesize(text: string, options?: SynthesisOptions): Promise<Int16Array>;
  /** The voices on offer, the default first. */
  voices(): readonly Voice[];
}

/** How one utterance is recognised. */
export interface RecognitionOptions {
  /** ISO 639-1 language hint (`zh`, `en`); the recogniser guesses when absent. */
  language?: string;
  /** Aborting stops the request (the call ended); the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** Turns one complete utterance into text. */
export interface SpeechRecognizer {
  /** The words in the 8 kHz mono PCM, '' for none; rejects with SpeechError, or an AbortError when aborted. */
  transcribe(pcm8k: Int16Array, options?: RecognitionOptions): Promise<{ text: string }>;
}

/**
 * One utterance being recognised while it is spoken. Frames go in as they arrive from the line; end() says the VAD
 * judged the utterance over and resolves with the final text.
 */
export interface RecognitionStream {
  /** One frame of 8 kHz mono PCM (normally 20 ms, 160 samples). */
  push(frame: Int16Array): void;
  /** No more frames: the final text of the utterance. */
  end(): Promise<string>;
}

/**
 * A recogniser that listens while the callee speaks (lower latency than SpeechRecognizer, which waits for the whole
 * utterance). Declared so flows can be written against it; no adapter implements it yet.
 */
export interface StreamingRecognizer {
  /** Opens one utterance. */
  start(options?: RecognitionOptions): RecognitionStream;
}

/** Why speech failed, so callers can tell a missing program or an outage from a bad answer. */
export class SpeechError extends Error {
  constructor(
    message: string,
    /**
     * 'unavailable' (the program or service is not set up here), 'timeout', 'http' (the endpoint answered an error),
     * 'protocol' (an answer that cannot be read), 'network', 'too-large' (the audio passed its cap), 'failed' (the
     * program ran and failed).
     */
    readonly kind: 'unavailable' | 'timeout' | 'http' | 'protocol' | 'network' | 'too-large' | 'failed',
    /** The HTTP status, when an endpoint answered one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SpeechError';
  }
}
