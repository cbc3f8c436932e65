/**
 * What a flow sees of an answered call. Flows (notify, IVR, robot, LLM agent) are written once against this
 * interface and run unchanged on the simulated carrier (text in, text out, simulated durations) and on SIP
 * (synthesized audio, recognized speech, barge-in).
 */

/** Which side ended a call: the called person, our flow (robot), or the platform/network (timeouts, errors). */
export type HangupBy = 'callee' | 'robot' | 'system';

/** How and when a session ended. */
export interface Hangup {
  by: HangupBy;
  /** Clock time of the end, epoch ms. */
  at: number;
  /** Why, when the platform ended it (session timeout, flow error, shutdown). */
  reason?: string;
}

/**
 * Thrown by session methods once the call is over, so a flow unwinds without checking after every step.
 * The telephony adapter treats a flow that rejects with it as a normal end of the call.
 */
export class CallHungUpError extends Error {
  constructor(readonly hangup: Hangup) {
    super(`the call has ended (hung up by ${hangup.by})`);
    this.name = 'CallHungUpError';
  }
}

/** Options of a spoken prompt. */
export interface SayOptions {
  /** Voice name of the TTS provider; the adapter's default when absent. */
  voice?: string;
  /** Speaking-rate factor, 1 = normal, 2 = twice as fast. */
  speed?: number;
  /** Whether the callee may interrupt the prompt by speaking or pressing a key (SIP); default false. */
  bargeIn?: boolean;
  /** Loudness, 0..100 (dyvms Volume, aiccs TtsVolume); the adapter's default when absent. */
  volume?: number;
}

/** Options of playing a stored voice file. */
export interface PlayOptions extends Pick<SayOptions, 'bargeIn'> {
  /**
   * The file's length, when the flow knows it (voice files record theirs). The simulated carrier plays for this
   * long; a carrier that streams the real audio takes the audio's own length and ignores it.
   */
  durationMs?: number;
}

/** How a prompt ended. */
export interface PlaybackResult {
  /** False when the callee barged in before the end. */
  completed: boolean;
}

/** Options of waiting for the callee. */
export interface ListenOptions {
  /** How long to wait for the callee to start answering before giving up. */
  timeoutMs: number;
  /** Longest answer taken; speech beyond it is cut. Default: the adapter's limit. */
  maxDurationMs?: number;
  /** Whether a key press also ends the wait (it is returned as `dtmf`). Default true. */
  dtmf?: boolean;
  /**
   * Quiet after speech that ends the answer (PauseTime), ms; it stays in force for the rest of the call. Default: the
   * adapter's (800 ms on SIP). The simulator hears whole utterances and has no use for it.
   */
  endOfSpeechMs?: number;
}

/** What the callee did while we listened. */
export interface ListenResult {
  /** Recognized speech, when the callee spoke. */
  text?: string;
  /** Keys pressed, when the callee pressed keys instead. */
  dtmf?: string;
  /** True when neither came within `timeoutMs`. */
  timedOut: boolean;
  /** True when the callee began speaking (or pressing) while our prompt was still playing: a barge-in. */
  bargedIn?: boolean;
}

/** Options of collecting keys. */
export interface DtmfOptions {
  /** Stop after this many digits. */
  maxDigits: number;
  /** Give up when no (further) key comes within this time. */
  timeoutMs: number;
  /** A key that ends the input early and is not part of it, e.g. '#'. */
  terminator?: string;
}

/** The keys the callee pressed. */
export interface DtmfResult {
  digits: string;
  /** True when the input ended by timeout rather than by `maxDigits` or the terminator. */
  timedOut: boolean;
}

/**
 * One answered call. Every method waits for its part of the call to finish (a prompt to be spoken, an answer
 * to be heard) and rejects with {@link CallHungUpError} when the call is over or ends meanwhile.
 */
export interface CallSession {
  /** The call id (`n^n` form) the engine gave to the dial. */
  readonly callId: string;
  /** The recipient's variables, as passed to the dial. */
  readonly variables: Readonly<Record<string, string>>;
  /** Settles (never rejects) when the call ends, for whatever reason. */
  readonly hungUp: Promise<Hangup>;
  /** True once the call has ended. */
  readonly isHungUp: boolean;
  /** Speaks `text` to the callee; resolves when it has been spoken or the callee barged in. */
  say(text: string, options?: SayOptions): Promise<PlaybackResult>;
  /** Plays a stored voice file (media id); resolves when it has been played or the callee barged in. */
  play(mediaId: string, options?: PlayOptions): Promise<PlaybackResult>;
  /** Waits for the callee to say something or press a key. */
  listen(options: ListenOptions): Promise<ListenResult>;
  /** Collects keys pressed by the callee. */
  collectDtmf(options: DtmfOptions): Promise<DtmfResult>;
  /** Hands the call over to `number` (a human agent); the session ends for the flow once it is connected. */
  transfer(number: string): Promise<void>;
  /** Ends the call from our side (hung up by 'robot'); idempotent, never rejects. */
  hangup(): Promise<void>;
}
