/**
 * The simulated carrier's outcome model: how likely each CallResult is, and how long the phases of a call
 * take. One model per account (a forecast can model a customer's real list), the default one otherwise.
 */
import { z } from 'zod';
import { CALL_RESULTS, type CallResult } from '../../../core/calls/call-result.js';
import { DomainError } from '../../../core/errors.js';
import type { Random } from './prng.js';

/** A duration distribution, in seconds; samples outside [min, max] are clamped (min defaults to 0). */
export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { kind: 'lognormal'; median: number; sigma: number; min?: number; max?: number };

/** A validated outcome model. */
export interface SimModel {
  /** Probability of each outcome; absent ones are 0; they sum to 1. */
  readonly outcomes: Readonly<Partial<Record<CallResult, number>>>;
  /** Dial to ringing, or to the failure for calls that never ring (busy, powered off, invalid, ...). */
  readonly setupSeconds: Distribution;
  /** Ringing until the callee answers (ANSWERED), rejects (CALL_REJECTED) or we give up (CANCEL). */
  readonly ringSeconds: Distribution;
  /** Ringing until the network gives up (NO_ANSWER). */
  readonly noAnswerSeconds: Distribution;
  /** The callee's patience: talk time after which they hang up, unless the flow or SessionTimeout ends first. */
  readonly talkSeconds: Distribution;
}

/**
 * The default model: a plausible mainland-China outbound notification list (see docs/simulator.md). About
 * 45 % answered, 20 % ring out, the rest spread over busy, rejected and the network's failure announcements.
 */
export const DEFAULT_SIM_MODEL: SimModel = Object.freeze({
  outcomes: Object.freeze({
    ANSWERED: 0.45,
    NO_ANSWER: 0.2,
    CALL_REJECTED: 0.07,
    USER_BUSY: 0.06,
    POWERED_OFF: 0.05,
    INVALID_NUMBER: 0.04,
    SUSPEND: 0.03,
    NO_USER_RESPONSE: 0.02,
    UNAVAILABLE: 0.02,
    OPERATOR_BLOCK: 0.02,
    NETWORK_BUSY: 0.01,
    INCOMING_CALL_BARRED: 0.01,
    OTHERS: 0.01,
    CALL_FORWARDING: 0.005,
    CANCEL: 0.005,
  }),
  setupSeconds: Object.freeze({ kind: 'normal', mean: 2.5, sd: 1, min: 0.5, max: 8 }),
  ringSeconds: Object.freeze({ kind: 'lognormal', median: 8, sigma: 0.5, min: 2, max: 45 }),
  noAnswerSeconds: Object.freeze({ kind: 'uniform', min: 45, max: 60 }),
  talkSeconds: Object.freeze({ kind: 'lognormal', median: 30, sigma: 0.8, min: 3, max: 600 }),
} as const);

const seconds = z.number().finite().min(0);
const bounded = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ ...shape, min: seconds.optional(), max: seconds.optional() });

const distributionSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fixed'), value: seconds }),
    z.strictObject({ kind: z.literal('uniform'), min: seconds, max: seconds }),
    bounded({ kind: z.literal('normal'), mean: seconds, sd: seconds }),
    bounded({ kind: z.literal('lognormal'), median: seconds.positive(), sigma: seconds }),
  ])
  .refine((d) => !('min' in d) || d.min === undefined || d.max === undefined || d.min <= d.max, {
    message: 'min must not exceed max',
  });

/** Probabilities may be written rounded; their sum must still be 1 within this tolerance. */
const SUM_TOLERANCE = 1e-6;

const modelSchema = z.strictObject({
  outcomes: z
    .partialRecord(z.enum(CALL_RESULTS), z.number().finite().min(0).max(1))
    .refine((o) => Math.abs(Object.values(o).reduce((a, b) => a + (b ?? 0), 0) - 1) <= SUM_TOLERANCE, {
      message: 'probabilities must sum to 1',
    })
    .optional(),
  setupSeconds: distributionSchema.optional(),
  ringSeconds: distributionSchema.optional(),
  noAnswerSeconds: distributionSchema.optional(),
  talkSeconds: distributionSchema.optional(),
});

/**
 * Validates a model written by a user (JSON); fields left out are taken from the default model. Throws an
 * InvalidArgument DomainError naming every bad field, e.g. `outcomes: probabilities must sum to 1 (got 0.9)`.
 */
export function parseSimModel(input: unknown): SimModel {
  const parsed = modelSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const where = i.path.length ? i.path.join('.') : 'model';
      const sum = i.message.includes('sum to 1') ? ` (got ${sumOf(input)})` : '';
      return `${where}: ${i.message}${sum}`;
    });
    throw new DomainError('InvalidArgument', `invalid simulator model: ${problems.join('; ')}`);
  }
  return Object.freeze({ ...DEFAULT_SIM_MODEL, ...withoutUndefined(parsed.data) }) as SimModel;
}

/** The sum of the documented outcomes' probabilities in a rejected input, for the error message. */
function sumOf(input: unknown): number {
  const outcomes = (input as { outcomes?: Record<string, unknown> }).outcomes ?? {};
  const sum = CALL_RESULTS.reduce((acc, r) => acc + (typeof outcomes[r] === 'number' ? outcomes[r] : 0), 0);
  return Number(sum.toFixed(9));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The outcome whose cumulative probability band `u` (uniform in [0, 1)) falls into. */
export function pickOutcome(model: SimModel, u: number): CallResult {
  let acc = 0;
  let last: CallResult = 'OTHERS';
  for (const result of CALL_RESULTS) {
    const p = model.outcomes[result] ?? 0;
    if (p <= 0) continue;
    acc += p;
    last = result;
    if (u < acc) return result;
  }
  // Rounding can leave the sum a hair under 1; the top of the range belongs to the last possible outcome.
  return last;
}

/**
 * Draws one duration in milliseconds. Always consumes exactly two draws, whatever the kind, so changing one
 * distribution of a model does not reshuffle the others.
 */
export function sampleMs(dist: Distribution, random: Random): number {
  const u1 = random();
  const u2 = random();
  // Box-Muller; 1 - u1 is in (0, 1], so the logarithm is finite.
  const normal = () => Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  let value: number;
  switch (dist.kind) {
    case 'fixed':
      return Math.round(dist.value * 1000);
    case 'uniform':
      value = dist.min + u1 * (dist.max - dist.min);
      break;
    case 'normal':
      value = dist.mean + dist.sd * normal();
      break;
    case 'lognormal':
      value = dist.median * Math.exp(dist.sigma * normal());
      break;
  }
  const min = 'min' in dist && dist.min !== undefined ? dist.min : 0;
  const max = 'max' in dist && dist.max !== undefined ? dist.max : Infinity;
  return Math.round(Math.min(max, Math.max(min, value)) * 1000);
}

/** Where the simulated carrier gets each account's model; undefined means the default model. */
export interface SimModelSource {
  modelFor(accountId: string): SimModel | undefined | Promise<SimModel | undefined>;
}

/** A fixed set of per-account models, validated at once so a bad one fails at start, not at the first dial. */
export function staticModelSource(byAccount: Readonly<Record<string, unknown>>): SimModelSource {
  const models = new Map<string, SimModel>();
  for (const [account, raw] of Object.entries(byAccount)) {
    try {
      models.set(account, parseSimModel(raw));
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, `account ${account}: ${error.message}`);
      throw error;
    }
  }
  return { modelFor: (accountId) => models.get(accountId) };
}
