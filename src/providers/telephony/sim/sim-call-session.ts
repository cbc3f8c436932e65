/**
 * The simulated carrier's answered call: text in, text out. Every operation takes a simulated duration
 * (speech at a speaking rate, listening until its timeout) and waits it on the clock multiplied by the time
 * scale. The person on the other end is a SimCallee: each prompt is a cue it reacts to (sim-callee-line.ts
 * decides when its reaction lands: during the prompt is a barge-in).
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
  type PlayOptions,
  type SayOptions,
} from '../../../ports/call-session.js';
import { SILENT_CALLEE, type CalleeAction, type CalleeCue, type SimCallee } from './sim-callee.js';
import { pinReaction, playPrompt, waitFor, type Heard, type PendingAction, type WaitMode } from './sim-callee-line.js';
import { SIM_PLAY_MS, SIM_TRANSFER_MS, speechMs } from './sim-speech.js';

/** What happened on a simulated call, for tests and the forecast. */
export interface SimTurn {
  /** Clock time, epoch ms. */
  at: number;
  /** Our side's operations, then what the callee did: `heard` (it spoke) and `pressed` (keys). */
  kind: 'say' | 'play' | 'listen' | 'dtmf' | 'transfer' | 'hangup' | 'heard' | 'pressed';
  /** Spoken text, media id, transfer number, keys or who hung up. */
  text?: string;
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
  /** The person who answered; silent when absent. */
  callee?: SimCallee;
}

const PLAYED: PlaybackResult = Object.freeze({ completed: true });
const CUT: PlaybackResult = Object.freeze({ completed: false });
const SILENCE: CalleeAction = Object.freeze({ kind: 'silence' });

/** A CallSession on the simulated carrier; see the module comment. */
export class SimCallSession implements CallSession {
  readonly callId: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly hungUp: Promise<Hangup>;
  /** Everything said, played and heard, in order. */
  readonly transcript: SimTurn[] = [];
  /** The number the flow handed the call to. */
  transferredTo: string | undefined;
  private readonly callee: SimCallee;
  /** What the callee decided to do and has not done yet. */
  private pending: PendingAction | undefined;
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
    this.callee = options.callee ?? SILENT_CALLEE;
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

  /** Speaks `text` for its speaking time; the callee reacts to it and may cut it short when `bargeIn` allows. */
  say(text: string, options: SayOptions = {}): Promise<PlaybackResult> {
    const durationMs = speechMs(text, options.speed);
    return this.prompt('say', text, { kind: 'prompt', text, durationMs }, options.bargeIn === true);
  }

  /** Plays a voice file for its length when the flow gives it, else SIM_PLAY_MS; the callee hears a prompt it cannot read. */
  play(mediaId: string, options: PlayOptions = {}): Promise<PlaybackResult> {
    const durationMs = options.durationMs !== undefined && options.durationMs >= 0 ? options.durationMs : SIM_PLAY_MS;
    return this.prompt('play', mediaId, { kind: 'prompt', text: '', mediaId, durationMs }, options.bargeIn === true);
  }

  /** Waits for the callee's next utterance or keys, at most the timeout. */
  listen(options: ListenOptions): Promise<ListenResult> {
    return this.wait('listen', options.timeoutMs, options.dtmf === false ? 'speech' : 'speech+keys').then((heard) => {
      if (heard.kind === 'speech') return { text: heard.text, timedOut: false, ...(heard.bargedIn ? { bargedIn: true } : {}) };
      if (heard.kind === 'keys') return { dtmf: heard.digits, timedOut: false, ...(heard.bargedIn ? { bargedIn: true } : {}) };
      return { timedOut: true };
    });
  }

  /** Collects the callee's keys: up to `maxDigits`, cut at the terminator; fewer keys wait out the timeout. */
  collectDtmf(options: DtmfOptions): Promise<DtmfResult> {
    return this.wait('dtmf', options.timeoutMs, 'keys').then((heard) => {
      if (heard.kind !== 'keys') return { digits: '', timedOut: true };
      const cut = options.terminator ? heard.digits.indexOf(options.terminator) : -1;
      const digits = (cut >= 0 ? heard.digits.slice(0, cut) : heard.digits).slice(0, Math.max(1, options.maxDigits));
      if (cut >= 0 || digits.length >= options.maxDigits) return { digits, timedOut: false };
      return this.spend(options.timeoutMs).then(() => ({ digits, timedOut: true }));
    });
  }

  /**
   * A prompt: the callee reacts when it starts (unless it already decided something), then the prompt plays to its
   * end, is cut by a barge-in, or ends with the callee hanging up. Not async, so a prompt in flight is one frame.
   */
  private prompt(kind: 'say' | 'play', text: string, cue: CalleeCue & { kind: 'prompt' }, bargeIn: boolean): Promise<PlaybackResult> {
    try {
      this.note(kind, text);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const startMs = this.talkTimeMs;
    const play = (): Promise<PlaybackResult> => {
      const plan = playPrompt(this.pending, startMs, cue.durationMs, bargeIn);
      this.pending = plan.pending;
      return this.spend(plan.spendMs).then(() => {
        if (plan.ending === 'hangs up') return this.calleeHangsUp();
        return plan.ending === 'cut' ? CUT : PLAYED;
      });
    };
    if (this.pending) return play();
    return this.react(cue, (action) => (this.pending = pinReaction(action, startMs, cue.durationMs))).then(play);
  }

  /** A wait for the callee; a wait that hears nothing asks the callee how it takes the silence (for the next wait). */
  private wait(kind: 'listen' | 'dtmf', timeoutMs: number, mode: WaitMode): Promise<Heard> {
    try {
      this.note(kind);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const plan = waitFor(this.pending, this.talkTimeMs, timeoutMs, mode);
    this.pending = plan.pending;
    return this.spend(plan.spendMs).then(() => {
      const { heard } = plan;
      if (heard.kind === 'hangs up') return this.calleeHangsUp();
      if (heard.kind === 'speech') this.note('heard', heard.text);
      if (heard.kind === 'keys') this.note('pressed', heard.digits);
      if (heard.kind !== 'nothing' || this.pending) return heard;
      const nowMs = this.talkTimeMs;
      return this.react({ kind: 'silence', waitedMs: plan.spendMs }, (action) => (this.pending = pinReaction(action, nowMs, 0))).then(() => heard);
    });
  }

  /**
   * Asks the callee and hands its action to `decided`. A callee that fails is taken as silent. Time a slow callee
   * (an LLM) takes is not talk time: it thinks while the prompt plays.
   */
  private react(cue: CalleeCue, decided: (action: CalleeAction) => void): Promise<void> {
    let reaction: CalleeAction | Promise<CalleeAction>;
    try {
      reaction = this.callee.react(cue);
    } catch {
      reaction = SILENCE;
    }
    if (!(reaction instanceof Promise)) {
      decided(reaction);
      return Promise.resolve();
    }
    const started = this.options.clock.now();
    return reaction.then(
      (action) => {
        this.opClockMs += this.options.clock.now() - started;
        if (!this.ending) decided(action);
      },
      () => {
        this.opClockMs += this.options.clock.now() - started;
      },
    );
  }

  /** The callee hangs up: the call ends and the flow's operation rejects. */
  private calleeHangsUp(): never {
    this.end('callee');
    throw new CallHungUpError(this.ending ?? { by: 'callee', at: this.options.clock.now() });
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
