/**
 * A CallSession that writes down the dialog as the flow goes: every prompt, every utterance and key press heard, with
 * barge-ins marked. Flows run on it instead of the carrier's session, so each flow gets its transcript without
 * recording anything itself, and the same record comes out of the simulator and of SIP.
 */
import type { CallTag, DialogTurn, FlowReport } from '../core/calls/dialog.js';
import type {
  CallSession, DtmfOptions, DtmfResult, Hangup, ListenOptions, ListenResult, PlaybackResult, SayOptions,
} from '../ports/call-session.js';

/** The recording wrapper; see the module comment. */
export class RecordingSession implements CallSession {
  readonly callId: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly hungUp: Promise<Hangup>;
  private readonly turns: DialogTurn[] = [];
  private readonly tags = new Map<string, CallTag>();
  private readonly keys: string[] = [];
  private intent: string | undefined;
  private transferredTo: string | undefined;
  /** The prompt playing now, so a hang-up can wait for it (HangupOperate without ImmediateHangup). */
  private prompting: Promise<unknown> | undefined;
  /** Set by hangupAfterPrompt: the call ends as soon as the prompt playing has finished. */
  private closing = false;

  /**
   * `clock` is the engine clock (an object, not a closure: one is made per answered campaign call); turn times are
   * measured from `answeredAt` on it.
   */
  constructor(
    private readonly inner: CallSession,
    private readonly clock: { now(): number },
    private readonly answeredAt: number = clock.now(),
  ) {
    this.callId = inner.callId;
    this.variables = inner.variables;
    this.hungUp = inner.hungUp;
  }

  /** True once the call has ended. */
  get isHungUp(): boolean {
    return this.inner.isHungUp;
  }

  /** Speaks and records the prompt; a prompt the callee cut short is marked so. */
  say(text: string, options?: SayOptions): Promise<PlaybackResult> {
    return this.prompt(text, () => this.inner.say(text, options));
  }

  /** Plays and records a voice file, written `[media id]` in the dialog. */
  play(mediaId: string, options?: Pick<SayOptions, 'bargeIn'>): Promise<PlaybackResult> {
    return this.prompt(`[${mediaId}]`, () => this.inner.play(mediaId, options));
  }

  /**
   * Hangs up once the prompt playing has finished, at once when none is. The hang-up happens before the flow's next
   * step runs, so that step finds the call over; resolves when the call has ended.
   */
  async hangupAfterPrompt(): Promise<void> {
    if (this.prompting) this.closing = true;
    else await this.inner.hangup();
    await this.hungUp;
  }

  /**
   * Records the prompt and runs it. Promise chains rather than async functions: every answered campaign call goes
   * through here, and each async frame is a promise and a microtask more per prompt (docs/performance.md).
   */
  private prompt(content: string, run: () => Promise<PlaybackResult>): Promise<PlaybackResult> {
    // A prompt after the end is never spoken, so it is not written down; the session rejects it.
    if (this.inner.isHungUp) return run();
    const turn = this.add('assistant', content);
    const playing = run();
    this.prompting = playing;
    const settle = () => {
      if (this.prompting === playing) this.prompting = undefined;
      return this.closing ? this.inner.hangup() : undefined;
    };
    return playing.then(
      (result) => {
        if (!result.completed) turn.cut = true;
        const closing = settle();
        return closing ? closing.then(() => result) : result;
      },
      (error: unknown) => {
        const closing = settle();
        return closing ? closing.then(() => Promise.reject(error)) : Promise.reject(error);
      },
    );
  }

  /** Listens and records what the callee said or pressed. */
  listen(options: ListenOptions): Promise<ListenResult> {
    return this.inner.listen(options).then((result) => {
      if (result.text !== undefined) this.add('user', result.text, result.bargedIn);
      else if (result.dtmf !== undefined) this.pressed(result.dtmf, result.bargedIn);
      return result;
    });
  }

  /** Collects and records the keys pressed. */
  collectDtmf(options: DtmfOptions): Promise<DtmfResult> {
    return this.inner.collectDtmf(options).then((result) => {
      if (result.digits !== '') this.pressed(result.digits, false);
      return result;
    });
  }

  /** Transfers and remembers where to. */
  async transfer(number: string): Promise<void> {
    await this.inner.transfer(number);
    this.transferredTo = number;
  }

  /** Hangs up. */
  hangup(): Promise<void> {
    return this.inner.hangup();
  }

  /** Sets (or replaces) a tag of the call. */
  tag(tag: CallTag): void {
    this.tags.set(tag.name, tag);
  }

  /** Sets the call's major intent (the last one set wins). */
  setIntent(intent: string): void {
    this.intent = intent;
  }

  /** Everything recorded so far (the turns are the session's own: take the report once the flow is done with them). */
  report(): FlowReport {
    return {
      turns: this.turns,
      tags: [...this.tags.values()],
      ...(this.intent !== undefined ? { majorIntent: this.intent } : {}),
      ...(this.keys.length > 0 ? { dtmf: [...this.keys] } : {}),
      ...(this.transferredTo !== undefined ? { transferredTo: this.transferredTo } : {}),
    };
  }

  private pressed(digits: string, bargedIn: boolean | undefined): void {
    this.keys.push(digits);
    this.add('user', digits, bargedIn).dtmf = digits;
  }

  private add(role: DialogTurn['role'], content: string, bargedIn?: boolean): DialogTurn {
    const turn: DialogTurn = { role, content, at: Math.max(0, this.clock.now() - this.answeredAt) };
    if (bargedIn === true) turn.interrupted = true;
    this.turns.push(turn);
    return turn;
  }
}
