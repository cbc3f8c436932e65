/**
 * The dyvms SmartCall flow: on answer it plays the request's VoiceCode, then every time the callee speaks, stays
 * silent for mute_time, presses keys or talks over a prompt for action_code_time_break, it POSTs an event to the
 * customer's callback and carries out the action the customer answers (smart-call-actions.ts). Written against
 * CallSession through a RecordingSession, so it runs the same on the simulator and on SIP.
 *
 * Failure policy: an event whose answer does not come in time, cannot be fetched or cannot be used (not JSON,
 * result other than success, an invalid reply) is a callback failure. The call then goes on as if the customer had
 * answered `donothing` (nothing is played; a prompt the callee cut is resumed; we listen on). After
 * `maxCallbackFailures` failures in a row (default 3) the robot hangs up, with the tag hangup_reason = "callback
 * unavailable". Every failure is counted in the tag callback_failures and the last one described in
 * callback_last_failure; a usable answer resets the run of failures.
 *
 * Not here: SessionTimeout is the carrier's limit (DialRequest.sessionTimeoutMs); AsrModelId, EnableITN and
 * EarlyMediaAsr configure speech recognition, which the CallSession port does not expose. PauseTime is handed to
 * every listen as the end-of-speech quiet (the SIP carrier's voice detection).
 */
import { CallHungUpError, type Hangup } from '../../ports/call-session.js';
import type { Clock } from '../../ports/clock.js';
import type { HookFailure, SmartCallEvent, SmartCallHook } from '../../ports/smart-call-hook.js';
import type { FlowReport } from '../../core/calls/dialog.js';
import type { RecordingSession } from '../recording-session.js';
import { inRange, judgeReply, MUTE_TIME_MS } from './hook-reply.js';
import { PromptPlayer } from './prompt-player.js';
import { ActionRunner, type CallState, type Next, type ParallelBridge, type SmartCallEnd } from './smart-call-actions.js';
import { EventFactory, withDynamicId } from './smart-call-events.js';
import { promptItems, type TtsSettings } from './voice-code.js';

/** Failures in a row after which the robot hangs up, unless configured. */
export const DEFAULT_MAX_CALLBACK_FAILURES = 3;

/** The hang-up reason tagged when the failure policy ends the call. */
export const CALLBACK_UNAVAILABLE = 'callback unavailable';

/** A SmartCall request's settings, and what the flow is built from. */
export interface SmartCallOptions {
  /** The customer's callback endpoint. */
  hook: SmartCallHook;
  /** The engine clock: event timestamps and offsets. */
  clock: Pick<Clock, 'now'>;
  /** VoiceCode: voice ids / URLs and `$name$` TTS items, comma-separated. */
  voiceCode: string;
  /** VoiceCodeParam, parsed. */
  voiceCodeParam?: Readonly<Record<string, string>>;
  /** ActionCodeBreak: may the callee interrupt the VoiceCode prompt; default true. */
  actionCodeBreak?: boolean;
  /** ActionCodeTimeBreak, ms; also the default of replies that give none; default 0 (off). */
  actionCodeTimeBreakMs?: number;
  /** MuteTime, ms (1000–20000, else 10000). */
  muteTimeMs?: number;
  /** PauseTime, ms: quiet after speech that ends an utterance; the carrier's default when unset. */
  pauseTimeMs?: number;
  /** DynamicId: echoed in events until a reply replaces it. */
  dynamicId?: string;
  /** TtsStyle / TtsSpeed. */
  tts?: TtsSettings;
  /** The callee's number, sent as `identity`. */
  identity?: string;
  /** Zone of `begin_time`; default Asia/Shanghai. */
  timeZone?: string;
  /** Callback failures in a row that end the call; default DEFAULT_MAX_CALLBACK_FAILURES. */
  maxCallbackFailures?: number;
  /** Carries out parallel_bridge / parallel_transfer (the simulator: bridgeByTransfer(agent number)). */
  parallelBridge?: ParallelBridge;
  /** Clock time of the answer; default: when the flow starts. */
  answeredAt?: number;
}

/** One callback that got no usable answer. */
export interface CallbackFailure {
  contentType: SmartCallEvent['contentType'];
  /** The transport failure, or 'garbage' for a body that came back but cannot be used. */
  kind: HookFailure | 'garbage';
  detail: string;
}

/** How the call went, for the engine and the tests. */
export interface SmartCallResult {
  end: SmartCallEnd;
  /** Events sent, in order, with their dynamic_id. */
  sent: SmartCallEvent[];
  failures: CallbackFailure[];
  report: FlowReport;
}

/** Runs the SmartCall flow on one answered call; a hang-up midway is reported, not thrown. */
export function runSmartCall(session: RecordingSession, options: SmartCallOptions): Promise<SmartCallResult> {
  return new SmartCallRun(session, options).run();
}

type Answer = { ok: true; next: Next } | { ok: false; failure: CallbackFailure };

/** One call's run; see the module comment. */
class SmartCallRun {
  private readonly state: CallState;
  private readonly events: EventFactory;
  private readonly actions: ActionRunner;
  private readonly sent: SmartCallEvent[] = [];
  private readonly failures: CallbackFailure[] = [];
  private failuresInARow = 0;
  private readonly hungUp = new AbortController();

  constructor(
    private readonly session: RecordingSession,
    private readonly options: SmartCallOptions,
  ) {
    const now = () => options.clock.now();
    this.state = { muteTimeMs: inRange(options.muteTimeMs, MUTE_TIME_MS, 'MuteTime', []), dynamicId: options.dynamicId, last: undefined, interrupted: undefined };
    this.events = new EventFactory({
      callId: session.callId,
      answeredAt: options.answeredAt ?? now(),
      identity: options.identity ?? '',
      timeZone: options.timeZone ?? 'Asia/Shanghai',
      now,
    });
    this.actions = new ActionRunner({
      session,
      player: new PromptPlayer(session, now, options.tts ?? {}),
      events: this.events,
      state: this.state,
      defaultTimeBreakMs: options.actionCodeTimeBreakMs ?? 0,
      warn: (message) => session.tag({ name: 'callback_warning', value: message }),
      ...(options.parallelBridge ? { bridge: options.parallelBridge } : {}),
    });
    void session.hungUp.then(() => this.hungUp.abort());
  }

  async run(): Promise<SmartCallResult> {
    try {
      return this.result(await this.converse());
    } catch (error) {
      if (!(error instanceof CallHungUpError)) throw error;
      return this.result(endOf(error.hangup));
    }
  }

  /** Opening prompt, then events and actions until an action or the failure policy ends the call. */
  private async converse(): Promise<SmartCallEnd> {
    await this.opening();
    const queue: SmartCallEvent[] = [];
    for (;;) {
      if (queue.length === 0) queue.push(...(await this.hear()));
      const next = await this.exchange(queue.shift()!);
      if (next.kind === 'end') return next.end;
      if (next.kind === 'event') queue.unshift(next.event);
    }
  }

  private async opening(): Promise<void> {
    const { voiceCode, voiceCodeParam, actionCodeBreak, actionCodeTimeBreakMs } = this.options;
    const { items, missing } = promptItems(voiceCode, voiceCodeParam ?? {});
    if (missing.length > 0) this.session.tag({ name: 'callback_warning', value: `no VoiceCodeParam for ${missing.join(', ')}; spoken as empty` });
    await this.actions.playTurn({ items, breakable: actionCodeBreak ?? true, timeBreakMs: actionCodeTimeBreakMs ?? 0 });
  }

  /**
   * Waits up to mute_time for the callee and turns what came into events. Speech that cut a prompt with a time
   * break, and lasted that long, stopped it for good: a `timebreak` event goes first, then the words.
   */
  private async hear(): Promise<SmartCallEvent[]> {
    const { state, events } = this;
    const began = this.options.clock.now();
    const pause = this.options.pauseTimeMs;
    const heard = await this.session.listen({ timeoutMs: state.muteTimeMs, ...(pause !== undefined ? { endOfSpeechMs: pause } : {}) });
    if (heard.dtmf !== undefined) return [events.dtmf(heard.dtmf)];
    if (heard.text === undefined) return [events.mute()];
    const cut = state.interrupted?.cut;
    const utterance = { words: heard.text, beganAt: cut?.at ?? began, endedAt: this.options.clock.now() };
    const stopped = state.interrupted;
    if (stopped && cut && stopped.prompt.timeBreakMs > 0 && utterance.endedAt - cut.at >= stopped.prompt.timeBreakMs) {
      state.interrupted = undefined;
      return [events.timebreak(stopped, cut.at), events.normal(utterance, undefined, stopped)];
    }
    const playing = state.interrupted ?? (heard.bargedIn === true ? state.last : undefined);
    return [events.normal(utterance, playing, state.last)];
  }

  /** Sends one event and carries out the answer, or applies the failure policy. */
  private async exchange(event: SmartCallEvent): Promise<Next> {
    const stamped = withDynamicId(event, this.state.dynamicId);
    this.sent.push(stamped);
    const answer = await this.ask(stamped);
    if (!answer.ok) return this.failed(answer.failure);
    this.failuresInARow = 0;
    return answer.next;
  }

  /** Asks the customer; a usable reply updates the call's settings and is carried out. */
  private async ask(event: SmartCallEvent): Promise<Answer> {
    const reply = await this.options.hook.send(event, this.hungUp.signal);
    if (this.session.isHungUp) throw new CallHungUpError(await this.session.hungUp);
    const contentType = event.contentType;
    if (!reply.ok) return { ok: false, failure: { contentType, kind: reply.failure, detail: reply.detail } };
    const judged = judgeReply(reply.body, this.session.callId);
    if (!judged.ok) return { ok: false, failure: { contentType, kind: 'garbage', detail: judged.reason } };
    const { muteTimeMs, dynamicId } = judged.reply;
    if (muteTimeMs !== undefined) this.state.muteTimeMs = muteTimeMs;
    if (dynamicId !== undefined) this.state.dynamicId = dynamicId;
    if (judged.warnings.length > 0) this.session.tag({ name: 'callback_warning', value: judged.warnings.join('; ') });
    return { ok: true, next: await this.actions.carryOut(judged.reply) };
  }

  /** The failure policy; see the module comment. */
  private async failed(failure: CallbackFailure): Promise<Next> {
    this.failures.push(failure);
    this.failuresInARow++;
    this.session.tag({ name: 'callback_failures', value: String(this.failures.length) });
    this.session.tag({ name: 'callback_last_failure', value: `${failure.kind}: ${failure.detail}` });
    if (this.failuresInARow >= (this.options.maxCallbackFailures ?? DEFAULT_MAX_CALLBACK_FAILURES)) {
      this.session.tag({ name: 'hangup_reason', value: CALLBACK_UNAVAILABLE });
      await this.session.hangup();
      return { kind: 'end', end: 'callback-unavailable' };
    }
    await this.actions.resume();
    return { kind: 'listen' };
  }

  private result(end: SmartCallEnd): SmartCallResult {
    return { end, sent: [...this.sent], failures: [...this.failures], report: this.session.report() };
  }
}

/** How a session that ended under the flow ended. */
function endOf(hangup: Hangup): SmartCallEnd {
  if (hangup.by === 'callee') return 'callee';
  return hangup.by === 'system' ? 'platform' : 'hangup';
}
