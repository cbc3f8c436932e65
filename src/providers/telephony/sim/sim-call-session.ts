/**
 * The simulated carrier's answered call: text in, text out. Every operation takes a simulated duration
 * (speech at a speaking rate, listening until its timeout) and waits it on the clock multiplied by the time
 * scale; the callee says nothing yet (simulated callees arrive with the conversation engine).
 */
import type { CancelTimer, Clock } from '../../../ports/clock.js';
import {
  CallHungUpError,
  type CallSession,
  type DtmfOptions,
  type DtmfResult,
  type Hangup,
  type HangupBy,
  type ListenOptions,
  type ListenResult,
  type PlaybackResult,
  type SayOptions,
} from '../../../ports/call-session.js';

/** Simulated time of a played voice file; the simulator has no media to measure. */
export const SIM_PLAY_MS = 5000;
/** Simulated time until a transferred call is connected to the agent. */
export const SIM_TRANSFER_MS = 3000;

/** What happened on a simulated call, for tests and the forecast. */
export interface SimTurn {
  /** Clock time, epoch ms. */
  at: number;
  kind: 'say' | 'play' | 'listen' | 'dtmf' | 'transfer' | 'hangup';
  /** Spoken text, media id, transfer number or who hung up. */
  text?: string;
}

/** Han characters and full-width forms are spoken at about 4 a second, other visible characters at about 15. */
const SLOW_CHARS = /[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** Simulated speaking time of `text` at `speed` (1 = normal): ~250 ms per Han character, ~65 ms per other. */
export function speechMs(text: string, speed = 1): number {
  let ms = 0;
  for (const ch of text) {
    if (SLOW_CHARS.test(ch)) ms += 250;
    else if (ch.trim() !== '') ms += 65;
  }
  return Math.round(ms / (speed > 0 ? speed : 1));
}

/** What a simulated session needs from the carrier. */
export interface SimSessionOptions {
  clock: Clock;
  timeScale: number;
  callId: string;
  variables: Readonly<Record<string, string>>;
  answerAt: number;
  /** Simulated talk time at which the call is cut, and by whom and why. */
  limitMs: number;
  limitBy: HangupBy;
  limitReason?: string;
}

/** A CallSession on the simulated carrier; see the module comment. */
export class SimCallSession implements CallSession {
  readonly callId: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly hungUp: Promise<Hangup>;
  /** Everything said, played and heard, in order. */
  readonly transcript: SimTurn[] = [];
  /** The number the flow handed the call to. */
  transferredTo: string | undefined;
  private ending: Hangup | undefined;
  private endedTalkMs = 0;
  private talkMs = 0;
  private opClockMs = 0;
  private resolveHungUp!: (hangup: Hangup) => void;
  /** The watchdog's timer, cancelled when the call ends first. */
  private cancelWatchdog: CancelTimer | undefined;
  /** The operation waiting on the clock, woken early when the call ends. */
  private waiting: { cancel: CancelTimer; wake: () => void } | undefined;

  constructor(private readonly options: SimSessionOptions) {
    this.callId = options.callId;
    this.variables = options.variables;
    this.hungUp = new Promise((resolve) => (this.resolveHungUp = resolve));
    this.startWatchdog();
  }

  /** True once the call has ended. */
  get isHungUp(): boolean {
    return this.ending !== undefined;
  }

  /**
   * Simulated talk time: the simulated length of the session's operations, plus the clock time spent outside
   * them (a flow waiting on something else) scaled back. Exact on a virtual clock at any scale.
   */
  get talkTimeMs(): number {
    if (this.ending) return this.endedTalkMs;
    const { clock, timeScale, answerAt } = this.options;
    const outside = timeScale > 0 ? (clock.now() - answerAt - this.opClockMs) / timeScale : 0;
    return this.talkMs + Math.max(0, outside);
  }

  /** Records the text and takes its speaking time. */
  say(text: string, options: SayOptions = {}): Promise<PlaybackResult> {
    return this.operation('say', text, speechMs(text, options.speed), () => ({ completed: true }));
  }

  /** Records the media id and takes SIM_PLAY_MS. */
  play(mediaId: string): Promise<PlaybackResult> {
    return this.operation('play', mediaId, SIM_PLAY_MS, () => ({ completed: true }));
  }

  /** The simulated callee stays silent: waits the whole timeout. */
  listen(options: ListenOptions): Promise<ListenResult> {
    return this.operation('listen', undefined, options.timeoutMs, () => ({ timedOut: true }));
  }

  /** The simulated callee presses no key: waits the whole timeout. */
  collectDtmf(options: DtmfOptions): Promise<DtmfResult> {
    return this.operation('dtmf', undefined, options.timeoutMs, () => ({ digits: '', timedOut: true }));
  }

  /**
   * Records the turn, takes its time, then answers `result()`; rejects (never throws) once the call has ended. Not
   * async, so a flow's pending operation is one frame (spend's), not two, for every call in flight.
   */
  private operation<T>(kind: SimTurn['kind'], text: string | undefined, ms: number, result: () => T): Promise<T> {
    try {
      this.note(kind, text);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.spend(ms).then(result);
  }

  /** Takes SIM_TRANSFER_MS to connect, then ends the session for the flow (hung up by 'robot'). */
  async transfer(number: string): Promise<void> {
    if (!/^\+?\d{3,20}$/.test(number)) throw new Error(`cannot transfer to "${number}": not a phone number`);
    this.note('transfer', number);
    await this.spend(SIM_TRANSFER_MS);
    this.transferredTo = number;
    this.end('robot');
  }

  /** Ends the call from our side; idempotent. */
  async hangup(): Promise<void> {
    this.end('robot');
  }

  /** Ends the call (first caller wins): pending operations reject with CallHungUpError. */
  end(by: HangupBy, reason?: string): void {
    this.finish(by, reason, this.talkTimeMs);
  }

  /** Ends the call because it reached its limit; the talk time is the limit, whatever the clock's rounding. */
  private cut(): void {
    this.finish(this.options.limitBy, this.options.limitReason, this.options.limitMs);
  }

  private finish(by: HangupBy, reason: string | undefined, talkMs: number): void {
    if (this.ending) return;
    this.endedTalkMs = Math.round(talkMs);
    this.ending = { by, at: this.options.clock.now(), ...(reason ? { reason } : {}) };
    this.transcript.push({ at: this.ending.at, kind: 'hangup', text: by });
    this.cancelWatchdog?.();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.cancel();
    waiting?.wake();
    this.resolveHungUp(this.ending);
  }

  private note(kind: SimTurn['kind'], text?: string): void {
    if (this.ending) throw new CallHungUpError(this.ending);
    this.transcript.push({ at: this.options.clock.now(), kind, ...(text !== undefined ? { text } : {}) });
  }

  /**
   * Lets `ms` of simulated talk time pass, or less when the call reaches its limit first, in which case the
   * call is cut. Clock waits are rounded to whole milliseconds so clock readings stay integers.
   */
  private spend(ms: number): Promise<void> {
    const { clock, timeScale, limitMs } = this.options;
    const want = ms > 0 ? ms : 0;
    const step = Math.max(0, Math.min(want, limitMs - this.talkTimeMs));
    const started = clock.now();
    // Woken by its timer or, earlier, by the end of the call (finish). Cut mid-operation, the operation's clock time
    // so far counts through talkTimeMs as time outside operations. Not async: no suspended frame per call in flight.
    const waited = new Promise<void>((resolve) => {
      const cancel = clock.after(Math.round(step * timeScale), () => {
        this.waiting = undefined;
        resolve();
      });
      this.waiting = { cancel, wake: resolve };
    });
    return waited.then(() => {
      if (this.ending) throw new CallHungUpError(this.ending);
      this.talkMs += step;
      this.opClockMs += clock.now() - started;
      if (step < want) {
        this.cut();
        throw new CallHungUpError(this.ending ?? { by: this.options.limitBy, at: clock.now() });
      }
    });
  }

  /**
   * Cuts the call at its limit even while the flow is busy elsewhere (waiting on an LLM, say). At scale 0 the
   * clock would fire it at once, so there the limit is enforced by `spend` alone.
   */
  private startWatchdog(): void {
    const { clock, timeScale, limitMs } = this.options;
    if (!(timeScale > 0) || !Number.isFinite(limitMs)) return;
    this.cancelWatchdog = clock.after(Math.round(limitMs * timeScale), () => this.cut());
  }
}
