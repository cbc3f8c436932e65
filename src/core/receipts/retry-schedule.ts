/** The push retry schedule (WAIHU_RECEIPT_RETRY_SCHEDULE): delays before each re-push, e.g. `1m,5m,10m`. */

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const STEP = /^(\d+)(ms|s|m|h)$/;

/** Alibaba's schedule: re-push after 1, 5 and 10 minutes, then give up. */
export const DEFAULT_RECEIPT_RETRY_SCHEDULE = '1m,5m,10m';

/** The delays in ms; throws naming the bad step. An empty text means no re-push at all. */
export function parseRetrySchedule(text: string): number[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return trimmed.split(',').map((raw) => {
    const step = raw.trim();
    const match = STEP.exec(step);
    if (!match) throw new Error(`receipt retry step "${step}" must be a whole number with ms, s, m or h (e.g. 1m,5m,10m)`);
    return Number(match[1]) * UNIT_MS[match[2]!]!;
  });
}

/** True for a schedule parseRetrySchedule accepts (the config's check). */
export function isRetrySchedule(text: string): boolean {
  try {
    parseRetrySchedule(text);
    return true;
  } catch {
    return false;
  }
}

/** After the n-th failed push of a round (1-based): when to try again, or null when the schedule is exhausted. */
export function nextPushAt(failedAttempts: number, at: number, schedule: readonly number[]): number | null {
  const delay = schedule[failedAttempts - 1];
  return delay === undefined ? null : at + delay;
}
