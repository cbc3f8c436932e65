/**
 * A CallSession over one answered SIP call: prompts are synthesized and played on the call's RtpStream, what the
 * callee says is cut into utterances by the EnergyVad and handed to the SpeechRecognizer, key presses come from the
 * stream's RFC 4733 receiver. The telephony adapter (sip-telephony.ts) owns the UacCall; the session only asks it
 * to hang up and is told when the call is over.
 *
 * Choices worth knowing:
 * - Keys are buffered as they arrive (type-ahead): a key pressed during a prompt, or before collectDtmf starts,
 *   is still collected. listen() returns buffered keys at once.
 * - Without a recognizer (or when it fails), an utterance is reported as `{ text: '', timedOut: false }`: the
 *   callee said something that was not understood, the same '' a recognizer gives for audio without words.
 * - transfer() is a blind transfer through the adapter (REFER): once the far end reports the target answered, the
 *   session ends (hung up by the robot, as on the simulator); when it fails the Error says why and the call goes on.
 * - SayOptions.volume 0..100 is a gain of volume/50 on the synthesized audio: 50 leaves it as synthesized.
 * - play() plays the voice file from `mediaLoader`; without one it plays `durationMs` of silence.
 */
import {
  CallHungUpError,
  type CallSession, type DtmfOptions, type DtmfResult, type Hangup, type HangupBy, type ListenOptions,
  type ListenResult, type PlaybackResult, type PlayOptions, type SayOptions,
} from '../../../../ports/call-session.js';
import { SPEECH_SAMPLE_RATE, type SpeechRecognizer, type SpeechSynthesizer } from '../../../../ports/speech.js';
import { EnergyVad, type EnergyVadOptions, type VadEvent } from '../audio/energy-vad.js';
import type { PlayResult } from '../rtp/prompt-queue.js';
import type { RtpStreamStats } from '../rtp/rtp-stream.js';
import { CalleeWaits, type CalleeInput } from './callee-waits.js';
import { UtteranceCapture } from './utterance-capture.js';

/** What the session needs of the call's media stream (an RtpStream). */
export interface SessionMedia {
  play(pcm: Int16Array): Promise<PlayResult>;
  stop(): void;
  readonly playing: boolean;
  /** The stream's packet counters, for monitoring and the media bench. */
  stats?(): RtpStreamStats;
}

/** What a session is built from. */
export interface SipCallSessionOptions {
  callId: string;
  variables: Readonly<Record<string, string>>;
  media: SessionMedia;
  synthesizer: SpeechSynthesizer;
  recognizer?: SpeechRecognizer;
  /** ISO 639-1 hint for the recognizer. */
  language?: string;
  /** The 8 kHz PCM of a stored voice file. */
  mediaLoader?: (mediaId: string) => Promise<Int16Array>;
  /** Hands the callee to `number` (REFER); resolves once the target answered, rejects when the transfer failed. */
  transferCall?: (number: string) => Promise<void>;
  /** Asks the call to end (BYE); the adapter then reports the end through end(). */
  hangupCall: (by: HangupBy) => void;
  vad?: EnergyVadOptions;
  /** Audio kept before the VAD's speech start, ms; default 300. */
  prerollMs?: number;
  /** Longest utterance when listen() gives none; default 30 s. */
  maxUtteranceMs?: number;
  now?: () => number;
}

type Heard = { kind: 'keys'; digits: string } | { kind: 'speech'; pcm: Int16Array; bargedIn: boolean } | { kind: 'nothing' };

/** A CallSession on a SIP call; see the module comment. */
export class SipCallSession implements CallSession {
  readonly callId: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly hungUp: Promise<Hangup>;
  private ending: Hangup | undefined;
  private resolveHungUp!: (hangup: Hangup) => void;
  private readonly aborter = new AbortController();
  private readonly vad: EnergyVad;
  private readonly capture: UtteranceCapture;
  private readonly waits = new CalleeWaits();
  private readonly now: () => number;
  private typedAhead = '';
  private utteranceBargedIn = false;

  constructor(private readonly options: SipCallSessionOptions) {
    this.callId = options.callId;
    this.variables = options.variables;
    this.now = options.now ?? Date.now;
    this.hungUp = new Promise((resolve) => (this.resolveHungUp = resolve));
    this.vad = new EnergyVad((event) => this.onVad(event), options.vad);
    this.capture = new UtteranceCapture(options.prerollMs ?? 300, options.maxUtteranceMs ?? 30_000);
  }

  get isHungUp(): boolean {
    return this.ending !== undefined;
  }

  /** The call's RTP counters so far (sent, received, lost, late, ...); undefined for media without counters. */
  mediaStats(): RtpStreamStats | undefined {
    return this.options.media.stats?.();
  }

  /** One 20 ms frame of the callee's audio (from the stream's onAudio). */
  hearAudio(pcm: Int16Array): void {
    if (this.ending) return;
    this.capture.push(pcm);
    this.vad.push(pcm, this.options.media.playing);
  }

  /** A key press of the callee (from the stream's onDtmf). */
  hearDtmf(digit: string): void {
    if (this.ending) return;
    this.typedAhead += digit;
    this.waits.emit({ kind: 'dtmf' });
  }

  async say(text: string, options: SayOptions = {}): Promise<PlaybackResult> {
    this.ensureUp();
    const pcm = await this.options.synthesizer
      .synthesize(text, {
        ...(options.voice !== undefined ? { voice: options.voice } : {}),
        ...(options.speed !== undefined ? { speed: options.speed } : {}),
        ...(options.volume !== undefined ? { volume: options.volume / 50 } : {}),
        signal: this.aborter.signal,
      })
      .catch((error: unknown) => {
        this.ensureUp();
        throw error;
      });
    return this.playPcm(pcm, options.bargeIn === true);
  }

  async play(mediaId: string, options: PlayOptions = {}): Promise<PlaybackResult> {
    this.ensureUp();
    const loader = this.options.mediaLoader;
    const pcm = loader ? await loader(mediaId) : new Int16Array(Math.round(((options.durationMs ?? 0) * SPEECH_SAMPLE_RATE) / 1000));
    return this.playPcm(pcm, options.bargeIn === true);
  }

  async listen(options: ListenOptions): Promise<ListenResult> {
    this.ensureUp();
    if (options.endOfSpeechMs !== undefined) this.vad.setPauseMs(options.endOfSpeechMs);
    const keys = options.dtmf !== false;
    if (keys && this.typedAhead) return { dtmf: this.takeTypedAhead(), timedOut: false };
    const maxMs = options.maxDurationMs ?? this.options.maxUtteranceMs ?? 30_000;
    // Speech past the longest answer is cut: what was heard so far is the answer.
    const cutShort = (): Heard => ({ kind: 'speech', pcm: this.capture.finish(), bargedIn: this.utteranceBargedIn });
    const alreadySpeaking = this.vad.inSpeech;
    const heard = await this.waits.wait<Heard>(alreadySpeaking ? maxMs : options.timeoutMs, alreadySpeaking ? cutShort : () => ({ kind: 'nothing' }), (input, arm) => {
      if (input.kind === 'dtmf' && keys) return { kind: 'keys', digits: this.takeTypedAhead() };
      if (input.kind === 'speech-start') arm(maxMs, cutShort);
      if (input.kind === 'utterance') return { kind: 'speech', pcm: input.pcm, bargedIn: input.bargedIn };
      return undefined;
    });
    if (heard.kind === 'keys') return { dtmf: heard.digits, timedOut: false };
    if (heard.kind === 'nothing') return { timedOut: true };
    const text = await this.recognize(heard.pcm);
    return { text, timedOut: false, ...(heard.bargedIn ? { bargedIn: true } : {}) };
  }

  async collectDtmf(options: DtmfOptions): Promise<DtmfResult> {
    this.ensureUp();
    let digits = '';
    const take = (): DtmfResult | undefined => {
      while (this.typedAhead) {
        const key = this.typedAhead[0]!;
        this.typedAhead = this.typedAhead.slice(1);
        if (options.terminator !== undefined && key === options.terminator) return { digits, timedOut: false };
        digits += key;
        if (digits.length >= options.maxDigits) return { digits, timedOut: false };
      }
      return undefined;
    };
    const timedOut = (): DtmfResult => ({ digits, timedOut: true });
    return take() ?? this.waits.wait<DtmfResult>(options.timeoutMs, timedOut, (input, arm) => {
      if (input.kind !== 'dtmf') return undefined;
      const done = take();
      // Each key restarts the wait for the next one.
      if (!done) arm(options.timeoutMs, timedOut);
      return done;
    });
  }

  async transfer(number: string): Promise<void> {
    this.ensureUp();
    if (!/^\+?\d{3,20}$/.test(number)) throw new Error(`cannot transfer to "${number}": not a phone number`);
    const transferCall = this.options.transferCall;
    if (!transferCall) throw new Error(`cannot transfer to ${number}: this carrier has no transfer`);
    await transferCall(number);
    // The callee talks to the target now: our part of the call is over.
    await this.hangup();
  }

  /** Ends the call from our side: the session is over at once, the BYE goes out through the adapter. */
  async hangup(): Promise<void> {
    if (this.ending) return;
    this.end({ by: 'robot', at: this.now() });
    this.options.hangupCall('robot');
  }

  /** The call is over (the adapter tells): pending operations reject with CallHungUpError. Idempotent. */
  end(hangup: Hangup): void {
    if (this.ending) return;
    this.ending = hangup;
    this.aborter.abort();
    this.options.media.stop();
    this.waits.end(hangup);
    this.resolveHungUp(hangup);
  }

  private async playPcm(pcm: Int16Array, bargeIn: boolean): Promise<PlaybackResult> {
    this.ensureUp();
    let cut = false;
    const onInput = (input: CalleeInput): void => {
      if (input.kind === 'dtmf' || input.kind === 'barge-in') {
        cut = true;
        this.options.media.stop();
      }
    };
    const unwatch = bargeIn ? this.waits.watch(onInput) : () => undefined;
    try {
      const played = await this.options.media.play(pcm);
      this.ensureUp();
      return { completed: played.completed && !cut };
    } finally {
      unwatch();
    }
  }

  private async recognize(pcm: Int16Array): Promise<string> {
    const recognizer = this.options.recognizer;
    if (!recognizer || pcm.length === 0) return '';
    const options = { signal: this.aborter.signal, ...(this.options.language ? { language: this.options.language } : {}) };
    const text = await recognizer.transcribe(pcm, options).then((answer) => answer.text, () => '');
    this.ensureUp();
    return text;
  }

  private onVad(event: VadEvent): void {
    if (event.type === 'speech-start') {
      this.capture.begin(event.startMs);
      this.utteranceBargedIn = event.playing;
      this.waits.emit({ kind: 'speech-start' });
    } else if (event.type === 'barge-in') {
      this.waits.emit({ kind: 'barge-in' });
    } else if (event.type === 'speech-end' && this.capture.capturing) {
      this.waits.emit({ kind: 'utterance', pcm: this.capture.finish(event.endMs), bargedIn: this.utteranceBargedIn });
    }
  }

  private takeTypedAhead(): string {
    const digits = this.typedAhead;
    this.typedAhead = '';
    return digits;
  }

  private ensureUp(): void {
    if (this.ending) throw new CallHungUpError(this.ending);
  }
}
