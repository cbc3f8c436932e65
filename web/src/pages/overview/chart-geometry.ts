/** Shared layout of the Overview's two SVG charts: one plot area, one slot per time bucket, a few grid lines. */

export const CHART = { width: 720, height: 200, left: 44, right: 8, top: 10, bottom: 26 } as const;
export const PLOT_WIDTH = CHART.width - CHART.left - CHART.right;
export const PLOT_HEIGHT = CHART.height - CHART.top - CHART.bottom;

/** Outcome colours, in stacking order (CallResult values; ones not listed stack last in grey). */
export const OUTCOME_COLOURS: readonly [string, string][] = [
  ['ANSWERED', '#1a7f37'],
  ['NO_ANSWER', '#bf8700'],
  ['USER_BUSY', '#bc4c00'],
  ['CALL_REJECTED', '#cf222e'],
  ['POWERED_OFF', '#8250df'],
  ['INVALID_NUMBER', '#6e7781'],
  ['SUSPEND', '#953800'],
  ['NO_USER_RESPONSE', '#0969da'],
  ['UNAVAILABLE', '#1b7c83'],
  ['CALL_FORWARDING', '#4d2d00'],
  ['INCOMING_CALL_BARRED', '#a475f9'],
  ['OPERATOR_BLOCK', '#82071e'],
  ['NETWORK_BUSY', '#57606a'],
  ['CANCEL', '#d4a72c'],
  ['OTHERS', '#8c959f'],
];
const COLOUR = new Map(OUTCOME_COLOURS);

export function outcomeColour(outcome: string): string {
  return COLOUR.get(outcome) ?? '#afb8c1';
}

/** The outcomes present, in stacking order. */
export function outcomeOrder(present: Iterable<string>): string[] {
  const set = new Set(present);
  const known = OUTCOME_COLOURS.map(([o]) => o).filter((o) => set.has(o));
  return [...known, ...[...set].filter((o) => !COLOUR.has(o)).sort()];
}

/** x of the slot of bucket `i` of `n`, and its width. */
export function slot(i: number, n: number): { x: number; width: number } {
  const width = PLOT_WIDTH / Math.max(1, n);
  return { x: CHART.left + i * width, width };
}

/** A round top for the y axis at or above `max` (1, 2, 5 x 10^k), never below 1. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** y of `value` on a 0..top scale. */
export function yOf(value: number, top: number): number {
  return CHART.top + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
}

/** Indexes of the buckets that get a time label under the x axis: first, quarters, last. */
export function labelledBuckets(n: number): number[] {
  if (n <= 1) return [0];
  return [...new Set([0, Math.round((n - 1) / 4), Math.round((n - 1) / 2), Math.round((3 * (n - 1)) / 4), n - 1])];
}
