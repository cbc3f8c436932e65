/**
 * Caps on how many calls may run and how often one callee may be called.
 *
 * Concurrency: a task, its account and each caller line have their own cap; an undefined cap is
 * unlimited. Line loads count every call on the line, whichever task placed it (a trunk does not care).
 * Frequency: rules like "1 per minute, 5 per hour, 20 per day" over the times earlier calls to the same
 * callee were originated (in progress ones included), across all tasks and single calls of the account.
 * A rule's window is half-open: a call made at p stops counting at exactly p + windowMs.
 */
import { DomainError } from '../../core/errors.js';

/** Calls running on one caller line, and that line's own cap if it differs from the shared one. */
export interface LineLoad {
  readonly line: string;
  readonly running: number;
  readonly limit?: number;
}

/** Calls running now at each level a cap applies to. */
export interface RunningCalls {
  readonly task: number;
  readonly account: number;
  /** The task's caller lines; omitted or empty means the line cap does not apply. */
  readonly lines?: readonly LineLoad[];
}

/** Concurrency caps; undefined means unlimited. */
export interface ConcurrencyLimits {
  readonly task?: number;
  readonly account?: number;
  /** Cap for every line without its own. */
  readonly line?: number;
}

/** One per-callee frequency rule: at most `max` calls in any `windowMs`. */
export interface FrequencyRule {
  readonly windowMs: number;
  readonly max: number;
}

/** Whether a callee may be called now, and if not, the earliest moment every rule allows it. */
export type FrequencyVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAt: number };

/** dyvms's documented default for one callee: 1 a minute, 5 an hour, 20 a day. */
export const DEFAULT_CALLEE_FREQUENCY_RULES: readonly FrequencyRule[] = Object.freeze([
  Object.freeze({ windowMs: 60_000, max: 1 }),
  Object.freeze({ windowMs: 3_600_000, max: 5 }),
  Object.freeze({ windowMs: 86_400_000, max: 20 }),
]);

function freeSlots(limit: number | undefined, running: number): number {
  return limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, limit - running);
}

/** How many new calls may start now under all three caps; Infinity when none applies. */
export function availableSlots(running: RunningCalls, limits: ConcurrencyLimits): number {
  let lineFree = Number.POSITIVE_INFINITY;
  if (running.lines && running.lines.length > 0) {
    lineFree = running.lines.reduce((sum, load) => sum + freeSlots(load.limit ?? limits.line, load.running), 0);
  }
  return Math.min(freeSlots(limits.task, running.task), freeSlots(limits.account, running.account), lineFree);
}

/** Index of the least-loaded line with a free slot (ties: smallest line string), or -1. */
function leastLoaded(lines: readonly LineLoad[], sharedLimit: number | undefined): number {
  let best = -1;
  lines.forEach((load, index) => {
    if (freeSlots(load.limit ?? sharedLimit, load.running) <= 0) return;
    const current = lines[best];
    if (!current || load.running < current.running || (load.running === current.running && load.line < current.line)) {
      best = index;
    }
  });
  return best;
}

/**
 * The line for the next call: the one with the fewest running calls among those with a free slot; ties go to
 * the smallest line string, so the choice does not depend on the order rows came back from the store.
 */
export function chooseLine(lines: readonly LineLoad[], sharedLimit?: number): string | undefined {
  return lines[leastLoaded(lines, sharedLimit)]?.line;
}

/** Lines for a batch of `count` calls, chosen one by one as chooseLine would; shorter when lines run out. */
export function assignLines(lines: readonly LineLoad[], count: number, sharedLimit?: number): string[] {
  const loads = [...lines];
  const chosen: string[] = [];
  while (chosen.length < count) {
    const index = leastLoaded(loads, sharedLimit);
    const load = loads[index];
    if (!load) break;
    chosen.push(load.line);
    loads[index] = { ...load, running: load.running + 1 };
  }
  return chosen;
}

/** Checks frequency rules: each needs a positive window and a positive whole max; throws InvalidArgument. */
export function validateFrequencyRules(rules: readonly FrequencyRule[]): readonly FrequencyRule[] {
  rules.forEach((rule, index) => {
    if (!Number.isFinite(rule.windowMs) || rule.windowMs <= 0 || !Number.isInteger(rule.max) || rule.max < 1) {
      const message = `frequency rule ${index} needs windowMs > 0 and a whole max >= 1, got ${JSON.stringify(rule)}`;
      throw new DomainError('InvalidArgument', message, 'FrequencyRules');
    }
  });
  return rules;
}

/**
 * Whether one more call to a callee is allowed at `now`, given when earlier calls to it started. A rule
 * blocks while its max-th most recent call is still inside its window, so it allows from that call's time
 * plus the window; every rule allows from the latest of those moments (more time never adds calls).
 */
export function frequencyVerdict(
  previousCallTimes: readonly number[],
  now: number,
  rules: readonly FrequencyRule[] = DEFAULT_CALLEE_FREQUENCY_RULES,
): FrequencyVerdict {
  validateFrequencyRules(rules);
  const newestFirst = [...previousCallTimes].sort((a, b) => b - a);
  let allowedFrom = Number.NEGATIVE_INFINITY;
  for (const rule of rules) {
    const blocking = newestFirst[rule.max - 1];
    if (blocking !== undefined) allowedFrom = Math.max(allowedFrom, blocking + rule.windowMs);
  }
  return allowedFrom <= now ? { allowed: true } : { allowed: false, retryAt: allowedFrom };
}
