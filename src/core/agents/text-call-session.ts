/**
 * A CallSession made of text, for trying an agent in the console before any task uses it: what the flow says or plays
 * is written to an outbox, and each listen (or key collection) waits for the tester's next input, however long it
 * takes — a person typing is not a silent callee; silence is sent on purpose. Transfer and hang-up end the session.
 */
import {
  CallHungUpError, type CallSession, type DtmfOptions, type DtmfResult, type Hangup, type HangupBy, type ListenOptions,
  type ListenResult, type PlaybackResult,
} from '../../ports/call-session.js';
import { DomainError } from '../errors.js';

/** One input of the tester: words, keys, or a deliberate silence. */
export type TesterInput = { text: string } | { dtmf: string } | { silence: true };

type Waiting =
  | { kind: 'listen'; resolve(result: ListenResult): void; reject(error: unknown): void }
  | { kind: 'dtmf'; options: DtmfOptions; resolve(result: DtmfResult): void; reject(error: unknown): void };

/** The text session; see the module comment. */
export class TextCallSession implements CallSession {
  readonly hungUp: Promise<Hangup>;
  private ended: Hangup | undefined;
  private endCall!: (hangup: Hangup) => void;
  private readonly outbox: string[] = [];
  private waiting: Waiting | undefined;
  /** Resolved when the flow next waits for input or the call ends. */
  private pauseWaiters: (() => void)[] = [];
  /** The number the flow handed the call to. */
  transferredTo: string | undefined;

  constructor(
    readonly callId: string,
    readonly variables: Readonly<Record<string, string>>,
    private readonly now: () => number,
  ) {
    this.hungUp = new Promise((resolve) => (this.endCall = resolve));
  }

  get isHungUp(): boolean {
    return this.ended !== undefined;
  }

  /** How the call ended, once it has. */
  get ending(): Hangup | undefined {
    return this.ended;
  }

  /** True while the flow waits for the tester. */
  get isWaiting(): boolean {
    return this.waiting !== undefined;
  }

  say(text: string): Promise<PlaybackResult> {
    return this.write(text);
  }

  /** A voice file is shown as its media id: the tester reads, not hears. */
  play(mediaId: string): Promise<PlaybackResult> {
    return this.write(`[${mediaId}]`);
  }

  listen(_options: ListenOptions): Promise<ListenResult> {
    return this.wait((resolve, reject) => ({ kind: 'listen', resolve, reject }));
  }

  collectDtmf(options: DtmfOptions): Promise<DtmfResult> {
    return this.wait((resolve, reject) => ({ kind: 'dtmf', options, resolve, reject }));
  }

  async transfer(number: string): Promise<void> {
    this.checkOpen();
    this.transferredTo = number;
    this.end('robot');
  }

  hangup(): Promise<void> {
    this.end('robot');
    return Promise.resolve();
  }

  /** Ends the call from outside: the tester hung up ('callee') or the session expired ('system'). */
  end(by: HangupBy, reason?: string): void {
    if (this.ended) return;
    this.ended = { by, at: this.now(), ...(reason !== undefined ? { reason } : {}) };
    this.endCall(this.ended);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(new CallHungUpError(this.ended));
    this.paused();
  }

  /** Hands the tester's input to the waiting flow; InvalidState when the flow is not listening. */
  input(input: TesterInput): void {
    const waiting = this.waiting;
    if (!waiting) throw new DomainError('InvalidState', 'the test call is not waiting for input: the bot is still talking or the call has ended');
    this.waiting = undefined;
    if (waiting.kind === 'listen') {
      if ('text' in input) waiting.resolve({ text: input.text, timedOut: false });
      else if ('dtmf' in input) waiting.resolve({ dtmf: input.dtmf, timedOut: false });
      else waiting.resolve({ timedOut: true });
      return;
    }
    waiting.resolve(digitsOf('dtmf' in input ? input.dtmf : '', waiting.options));
  }

  /** Resolves when the flow waits for input next, or the call has ended. */
  nextPause(): Promise<void> {
    if (this.waiting || this.ended) return Promise.resolve();
    return new Promise((resolve) => this.pauseWaiters.push(resolve));
  }

  /** What the bot said since the last call, oldest first. */
  drain(): string[] {
    return this.outbox.splice(0);
  }

  private write(line: string): Promise<PlaybackResult> {
    this.checkOpen();
    this.outbox.push(line);
    return Promise.resolve({ completed: true });
  }

  private wait<T>(make: (resolve: (value: T) => void, reject: (error: unknown) => void) => Waiting): Promise<T> {
    if (this.ended) return Promise.reject(new CallHungUpError(this.ended));
    return new Promise<T>((resolve, reject) => {
      this.waiting = make(resolve, reject);
      this.paused();
    });
  }

  private checkOpen(): void {
    if (this.ended) throw new CallHungUpError(this.ended);
  }

  private paused(): void {
    const waiters = this.pauseWaiters;
    this.pauseWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** The keys a key collection takes from the tester's input: up to the terminator, at most `maxDigits`. */
function digitsOf(keys: string, options: DtmfOptions): DtmfResult {
  const cut = options.terminator !== undefined && keys.includes(options.terminator) ? keys.slice(0, keys.indexOf(options.terminator)) : keys;
  const digits = cut.slice(0, options.maxDigits);
  return { digits, timedOut: digits.length < options.maxDigits && cut === keys };
}
