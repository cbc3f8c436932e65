/**
 * The carrier: places one outbound call and reports it the way a carrier does (ringing, answer, release with
 * a cause). Implemented by SimTelephony (the built-in simulated carrier) and, later, SipTelephony.
 */
import type { CallResult } from '../core/calls/call-result.js';
import type { CallRecordingRef } from '../core/recordings/call-recording.js';
import type { CallSession, HangupBy } from './call-session.js';

/** One dial, as the dialer hands it to the carrier. */
export interface DialRequest {
  /** The attempt row this dial belongs to; unique per dial, so a retry carries a new one. */
  attemptId: string;
  /** The call id (`n^n` form) reported back to customers. */
  callId: string;
  accountId: string;
  /** The caller id / line the call goes out on. */
  caller: string;
  /** The plain number dialed (encrypted numbers are resolved before this point). */
  callee: string;
  /** 1 for the first attempt at this recipient, 2 for the first retry, ...; default 1. */
  attempt?: number;
  /** Longest talk time after answer; the call is then cut by the platform (hung up by 'system'). */
  sessionTimeoutMs?: number;
  /** The recipient's variables, given to the flow through `CallSession.variables`. */
  variables?: Readonly<Record<string, string>>;
  /** false: do not record this call (dyvms RecordFlag=false); carriers that record do so by default. */
  record?: boolean;
  /** Aborting cancels the call: before answer it ends as CANCEL, after answer it is hung up by 'system'. */
  signal?: AbortSignal;
}

/** The final report of a call, like a carrier's CDR. */
export interface CallOutcome {
  result: CallResult;
  /** dyvms status code of `result` (DYVMS_STATUS_CODE in core/calls/call-result.ts). */
  statusCode: string;
  /** Clock times, epoch ms: when it started ringing (absent when it never rang), was answered, ended. */
  ringAt?: number;
  answerAt?: number;
  endAt: number;
  /** Talk time (answer to end); 0 for unanswered calls. */
  durationMs: number;
  /** Why the call failed or was cut, in words; absent for a call that simply ended after talking. */
  failureReason?: string;
  hangupBy: HangupBy;
  /** The number the call was handed to, when the flow transferred it. */
  transferredTo?: string;
  /**
   * Both legs of the answered call, when the carrier records: the SIP carrier's file, or the simulator's reference to a
   * file rendered from the transcript when first downloaded (`simulated`).
   */
  recording?: CallRecordingRef;
}

/**
 * What a carrier reports about one call, in this order: `ringing` at most once, `answered` at most once,
 * then `ended` exactly once. Listener methods should not throw.
 */
export interface CallListener {
  /** The callee's phone is ringing. */
  ringing(at: number): void;
  /**
   * The callee answered; the call's flow runs inside the returned promise. The call ends when the promise
   * settles (a rejection with CallHungUpError is a normal end, any other is a flow failure) or when the
   * session hangs up first, whichever comes first.
   */
  answered(session: CallSession, at: number): Promise<void>;
  /** The call is over; sent once, after which the carrier forgets it. */
  ended(outcome: CallOutcome): void;
}

/** Places outbound calls. */
export interface Telephony {
  /**
   * Dials `request.callee` and reports the call to `listener`. Resolves once the dial has left (the call then
   * runs on its own); rejects only when it could not be placed at all, in which case no listener method is
   * called. The engine marks the attempt originated *before* calling this, so that after a crash a dial that
   * may have left is never placed again (at most once per attempt).
   */
  originate(request: DialRequest, listener: CallListener): Promise<void>;
}
