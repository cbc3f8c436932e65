/**
 * Decides, before the call starts, everything the simulated carrier will do with one dial: a pure function
 * of (model, seed, callee, attempt id, attempt number), so reruns and forecasts reproduce exactly.
 */
import type { CallResult } from '../../../core/calls/call-result.js';
import type { HangupBy } from '../../../ports/call-session.js';
import { magicBehaviour, magicResult } from './magic-numbers.js';
import { seededRandom } from './prng.js';
import { pickOutcome, sampleMs, type SimModel } from './sim-model.js';

/** The script of one simulated call, in simulated (unscaled) milliseconds. */
export interface CallPlan {
  result: CallResult;
  /** Whether the callee's phone rings before the result (ANSWERED, NO_ANSWER, CALL_REJECTED, CANCEL). */
  rings: boolean;
  /** Dial to ringing, or to the failure for calls that never ring. */
  setupMs: number;
  /** Ringing to answer or to the end of an unanswered ringing call; 0 when it never rings. */
  ringMs: number;
  /** Talk time after which the callee hangs up; Infinity when they never do. */
  patienceMs: number;
  /** Who ends a call that is not answered. */
  unansweredHangupBy: HangupBy;
  /** True when a magic number forced the result. */
  forced: boolean;
}

/** What of a dial the plan depends on. */
export interface PlanInput {
  callee: string;
  attemptId: string;
  /** 1-based; default 1. */
  attempt?: number;
}

const RINGING: ReadonlySet<CallResult> = new Set(['ANSWERED', 'NO_ANSWER', 'CALL_REJECTED', 'CANCEL']);

/** A number a carrier could route: optional +, 3 to 20 digits (spaces and dashes allowed). */
const DIALABLE = /^\+?\d{3,20}$/;

/**
 * Plans one call. The random stream is drawn in a fixed order (outcome, setup, ring, no-answer, talk), whatever
 * the outcome, so a magic number or another outcome never shifts the durations drawn for the others.
 */
export function planCall(model: SimModel, seed: number, input: PlanInput, magicNumbers = true): CallPlan {
  const random = seededRandom(seed, input.callee, input.attemptId);
  const drawn = pickOutcome(model, random());
  const setupMs = sampleMs(model.setupSeconds, random);
  const ringMs = sampleMs(model.ringSeconds, random);
  const noAnswerMs = sampleMs(model.noAnswerSeconds, random);
  const talkMs = sampleMs(model.talkSeconds, random);
  const magic = magicNumbers ? magicBehaviour(input.callee) : undefined;
  let result = magic ? magicResult(magic, input.attempt ?? 1) : drawn;
  if (!DIALABLE.test(input.callee.replace(/[\s-]/g, ''))) result = 'INVALID_NUMBER';
  const rings = RINGING.has(result);
  return {
    result,
    rings,
    setupMs,
    ringMs: !rings ? 0 : result === 'NO_ANSWER' ? noAnswerMs : ringMs,
    patienceMs: magic?.neverHangsUp && result === 'ANSWERED' ? Infinity : talkMs,
    unansweredHangupBy: result === 'USER_BUSY' || result === 'CALL_REJECTED' ? 'callee' : 'system',
    forced: magic !== undefined,
  };
}
