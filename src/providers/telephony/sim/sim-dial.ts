/**
 * One simulated call played out on the clock: setup, ringing, then the answered conversation or the network's
 * failure, reported to the engine's listener as a real carrier would. Its phases are `Clock.after` timers on one
 * object, not a chain of promises, so a call in flight costs little (thousands are in flight at 500 calls a second).
 */
import { DYVMS_STATUS_CODE, STATUS_MESSAGE, type CallResult } from '../../../core/calls/call-result.js';
import { CallHungUpError } from '../../../ports/call-session.js';
import type { CancelTimer, Clock } from '../../../ports/clock.js';
import { recordingKey, type CallRecordingRef } from '../../../core/recordings/call-recording.js';
import type { CallListener, CallOutcome, DialRequest } from '../../../ports/telephony.js';
import type { CallPlan } from './call-plan.js';
import type { CalleeChooser } from './sim-callee.js';
import { SimCallSession, type SimSessionOptions } from './sim-call-session.js';

/** Simulated calls without a SessionTimeout are cut here (the longest SessionTimeout aiccs accepts). */
export const SIM_MAX_TALK_MS = 3600_000;

const CANCELLED = 'cancelled by the platform';

type TalkLimit = Pick<SimSessionOptions, 'limitMs' | 'limitBy' | 'limitReason'>;

/** Fields every outcome of one call shares. */
type OutcomeBase = Omit<CallOutcome, 'result' | 'statusCode'>;

/** A call from dial to release; see the module comment. */
export class SimDial {
  private pending: CancelTimer | undefined;
  private ringAt: number | undefined;
  private session: SimCallSession | undefined;
  private over = false;
  private readonly onAbort: (() => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly timeScale: number,
    private readonly request: DialRequest,
    private readonly plan: CallPlan,
    private readonly listener: CallListener,
    private readonly carrier: { callOver(): void },
    /** Picks who answers; a silent callee when absent. */
    private readonly callees?: CalleeChooser,
    /** Whether an answered call reports a (simulated, rendered on demand) recording. */
    private readonly records = false,
  ) {
    // Only a dial that can be cancelled pays for a listener.
    this.onAbort = request.signal ? () => this.cancel() : undefined;
  }

  /** Starts the setup phase (a dial already cancelled ends at once, after the current microtasks). */
  start(): void {
    const { signal } = this.request;
    if (signal && this.onAbort) {
      if (signal.aborted) {
        queueMicrotask(this.onAbort);
        return;
      }
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
    this.after(this.plan.setupMs, () => this.setupDone());
  }

  private after(simulatedMs: number, next: () => void): void {
    this.pending = this.clock.after(Math.round(simulatedMs * this.timeScale), () => {
      this.pending = undefined;
      next();
    });
  }

  private setupDone(): void {
    if (!this.plan.rings) return this.end(this.unanswered());
    this.ringAt = this.clock.now();
    this.listener.ringing(this.ringAt);
    this.after(this.plan.ringMs, () => this.ringDone());
  }

  private ringDone(): void {
    if (this.plan.result !== 'ANSWERED') return this.end(this.unanswered());
    this.talk();
  }

  /** Cancelled by the platform: before the answer the dial is dropped (CANCEL); after it the session is hung up. */
  private cancel(): void {
    if (this.over) return;
    if (this.session) return this.session.end('system', CANCELLED);
    this.pending?.();
    this.end(outcome('CANCEL', { ringAt: this.ringAt, endAt: this.clock.now(), durationMs: 0, hangupBy: 'system', failureReason: CANCELLED }));
  }

  private unanswered(): CallOutcome {
    return outcome(this.plan.result, {
      ringAt: this.ringAt,
      endAt: this.clock.now(),
      durationMs: 0,
      hangupBy: this.plan.unansweredHangupBy,
      failureReason: STATUS_MESSAGE[this.plan.result],
    });
  }

  /** The answered part: the flow runs inside `listener.answered` until it ends or the call is cut. */
  private talk(): void {
    const { clock, timeScale, request, plan, listener } = this;
    const answerAt = clock.now();
    const session = new SimCallSession({
      clock,
      timeScale,
      callId: request.callId,
      variables: request.variables ?? {},
      answerAt,
      ...(this.callees ? { callee: this.callees({ accountId: request.accountId, callee: request.callee, callId: request.callId, variables: request.variables ?? {} }) } : {}),
      ...talkLimit(plan.patienceMs, request.sessionTimeoutMs),
    });
    this.session = session;
    Promise.resolve()
      .then(() => listener.answered(session, answerAt))
      .then(
        () => session.end('robot'),
        (error: unknown) => {
          if (error instanceof CallHungUpError) session.end('robot');
          else session.end('system', `flow failed: ${describe(error)}`);
        },
      );
    void session.hungUp.then((hangup) =>
      this.end(
        outcome('ANSWERED', {
          ringAt: this.ringAt,
          answerAt,
          endAt: hangup.at,
          durationMs: session.talkTimeMs,
          hangupBy: hangup.by,
          failureReason: hangup.reason,
          transferredTo: session.transferredTo,
          recording: this.recordingOf(answerAt, session.talkTimeMs),
        }),
      ),
    );
  }

  /**
   * Only a reference: the key the file will have and the talk time it will last. Nothing is synthesized here, so a
   * large simulated campaign costs no audio work unless someone downloads a recording.
   */
  private recordingOf(answerAt: number, talkTimeMs: number): CallRecordingRef | undefined {
    if (!this.records || this.request.record === false || talkTimeMs <= 0) return undefined;
    return { key: recordingKey(this.request.accountId, this.request.callId, answerAt), durationMs: talkTimeMs, bytes: 0, simulated: true };
  }

  private end(result: CallOutcome): void {
    if (this.over) return;
    this.over = true;
    if (this.onAbort) this.request.signal?.removeEventListener('abort', this.onAbort);
    try {
      this.listener.ended(result);
    } finally {
      this.carrier.callOver();
    }
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
