/**
 * The built-in simulated carrier. Every dial is first written to the ledger, then played out on the injected
 * clock as a real carrier would report it (ringing, answer, release with a cause), with every simulated
 * duration multiplied by the time scale. What happens is planned up front by `planCall`, a pure function of
 * (seed, callee, attempt), so the same campaign gives the same outcomes on every run and at every scale.
 */
import { DYVMS_STATUS_CODE, STATUS_MESSAGE, type CallResult } from '../../../core/calls/call-result.js';
import { CallHungUpError } from '../../../ports/call-session.js';
import { isAbortError, type Clock } from '../../../ports/clock.js';
import type { CallListener, CallOutcome, DialRequest, Telephony } from '../../../ports/telephony.js';
import { planCall, type CallPlan } from './call-plan.js';
import { SimCallSession, type SimSessionOptions } from './sim-call-session.js';
import type { DialLedger } from './sim-ledger.js';
import { DEFAULT_SIM_MODEL, parseSimModel, type SimModel, type SimModelSource } from './sim-model.js';

/** Simulated calls without a SessionTimeout are cut here (the longest SessionTimeout aiccs accepts). */
export const SIM_MAX_TALK_MS = 3600_000;

const CANCELLED = 'cancelled by the platform';

/** What the simulated carrier is built from. */
export interface SimTelephonyOptions {
  clock: Clock;
  ledger: DialLedger;
  /** Per-account outcome models; the default model for accounts without one (and when absent). */
  models?: SimModelSource;
  /** Multiplies every simulated duration on the clock: 1 = real time, 0.01 = 100x faster, 0 = instant. */
  timeScale: number;
  seed: number;
  /** Whether the magic-number suffixes force outcomes (docs/simulator.md); default true. */
  magicNumbers?: boolean;
}

type TalkLimit = Pick<SimSessionOptions, 'limitMs' | 'limitBy' | 'limitReason'>;

/** Fields every outcome of one call shares. */
type OutcomeBase = Omit<CallOutcome, 'result' | 'statusCode'>;

/** The simulated carrier; see the module comment. */
export class SimTelephony implements Telephony {
  private readonly active = new Set<Promise<void>>();
  private readonly parsed = new WeakMap<object, SimModel>();

  constructor(private readonly options: SimTelephonyOptions) {
    if (!(options.timeScale >= 0) || !Number.isFinite(options.timeScale)) {
      throw new RangeError(`sim time scale must be a finite number >= 0, got ${options.timeScale}`);
    }
    if (!Number.isFinite(options.seed)) throw new RangeError(`sim seed must be a finite number, got ${options.seed}`);
  }

  /** Calls in progress (dialed, not yet ended). */
  get activeCalls(): number {
    return this.active.size;
  }

  /**
   * Records the dial in the ledger (synchronously, before anything else), plans it and starts it. Resolves as
   * soon as the call is under way; listener events may arrive before that, since nothing stands between.
   */
  async originate(request: DialRequest, listener: CallListener): Promise<void> {
    this.options.ledger.record({
      at: this.options.clock.now(),
      attemptId: request.attemptId,
      callId: request.callId,
      accountId: request.accountId,
      caller: request.caller,
      callee: request.callee,
      ...(request.attempt !== undefined ? { attempt: request.attempt } : {}),
    });
    const model = await this.modelFor(request.accountId);
    const plan = planCall(model, this.options.seed, request, this.options.magicNumbers ?? true);
    const call = this.runCall(request, plan, listener).finally(() => this.active.delete(call));
    this.active.add(call);
  }

  /** Resolves once every call in progress has ended (on a virtual clock, keep the clock running meanwhile). */
  async drain(): Promise<void> {
    while (this.active.size > 0) await Promise.all(this.active);
  }

  private async modelFor(accountId: string): Promise<SimModel> {
    const model = (await this.options.models?.modelFor(accountId)) ?? DEFAULT_SIM_MODEL;
    let valid = this.parsed.get(model);
    if (!valid) {
      // A source may hand out raw JSON; validating once per object keeps the hot path cheap.
      valid = model === DEFAULT_SIM_MODEL ? model : parseSimModel(model);
      this.parsed.set(model, valid);
    }
    return valid;
  }

  /** Waits simulated `ms`; false when the dial was cancelled meanwhile. Not async: no frame of its own per wait. */
  private wait(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
    return this.options.clock.sleep(Math.round(ms * this.options.timeScale), signal).then(
      () => true,
      (error: unknown) => {
        if (isAbortError(error)) return false;
        throw error;
      },
    );
  }

  private async runCall(request: DialRequest, plan: CallPlan, listener: CallListener): Promise<void> {
    const { clock } = this.options;
    const cancelled = (ringAt?: number) =>
      listener.ended(
        outcome('CANCEL', { ringAt, endAt: clock.now(), durationMs: 0, hangupBy: 'system', failureReason: CANCELLED }),
      );
    if (!(await this.wait(plan.setupMs, request.signal))) return cancelled();
    if (!plan.rings) return listener.ended(this.unanswered(plan));
    const ringAt = clock.now();
    listener.ringing(ringAt);
    if (!(await this.wait(plan.ringMs, request.signal))) return cancelled(ringAt);
    if (plan.result !== 'ANSWERED') return listener.ended(this.unanswered(plan, ringAt));
    // Returned, not awaited: this frame ends now instead of staying suspended for the whole conversation.
    return this.talk(request, plan, listener, ringAt);
  }

  private unanswered(plan: CallPlan, ringAt?: number): CallOutcome {
    return outcome(plan.result, {
      ringAt,
      endAt: this.options.clock.now(),
      durationMs: 0,
      hangupBy: plan.unansweredHangupBy,
      failureReason: STATUS_MESSAGE[plan.result],
    });
  }

  /** The answered part: the flow runs inside `listener.answered` until it ends or the call is cut. */
  private talk(request: DialRequest, plan: CallPlan, listener: CallListener, ringAt: number): Promise<void> {
    const { clock, timeScale } = this.options;
    const answerAt = clock.now();
    const session = new SimCallSession({
      clock,
      timeScale,
      callId: request.callId,
      variables: request.variables ?? {},
      answerAt,
      ...talkLimit(plan.patienceMs, request.sessionTimeoutMs),
    });
    const onCancel = () => session.end('system', CANCELLED);
    request.signal?.addEventListener('abort', onCancel, { once: true });
    if (request.signal?.aborted) onCancel();
    Promise.resolve()
      .then(() => listener.answered(session, answerAt))
      .then(
        () => session.end('robot'),
        (error: unknown) => {
          if (error instanceof CallHungUpError) session.end('robot');
          else session.end('system', `flow failed: ${describe(error)}`);
        },
      );
    // A continuation, not an await: no suspended frame per call for the length of the conversation.
    return session.hungUp.then((hangup) => {
      request.signal?.removeEventListener('abort', onCancel);
      listener.ended(
        outcome('ANSWERED', {
          ringAt,
          answerAt,
          endAt: hangup.at,
          durationMs: session.talkTimeMs,
          hangupBy: hangup.by,
          failureReason: hangup.reason,
          transferredTo: session.transferredTo,
        }),
      );
    });
  }
}

/** Where the talk time ends: the callee's patience, SessionTimeout, or the longest simulated call. */
function talkLimit(patienceMs: number, sessionTimeoutMs = 0): TalkLimit {
  if (sessionTimeoutMs > 0 && sessionTimeoutMs <= patienceMs) {
    const limitReason = `session timeout (${sessionTimeoutMs / 1000} s)`;
    return { limitMs: sessionTimeoutMs, limitBy: 'system', limitReason };
  }
  if (!(sessionTimeoutMs > 0) && patienceMs > SIM_MAX_TALK_MS) {
    const limitReason = `longest simulated call (${SIM_MAX_TALK_MS / 1000} s) reached`;
    return { limitMs: SIM_MAX_TALK_MS, limitBy: 'system', limitReason };
  }
  return { limitMs: patienceMs, limitBy: 'callee' };
}

/** An outcome with its dyvms status code, leaving out the fields that are undefined. */
function outcome(result: CallResult, base: OutcomeBase): CallOutcome {
  const defined = Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)) as OutcomeBase;
  return { result, statusCode: DYVMS_STATUS_CODE[result], ...defined };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
