/**
 * How far V8 lets its heap grow past the live data before it collects the old generation. On a machine with memory
 * to spare V8 lets it grow up to four times; waihu's load is thousands of calls in flight, each living seconds:
 * long enough to be promoted, short enough to die soon after, so the heap fills with garbage between collections.
 * With 100 % growth a 100 000-call campaign peaks at about 230 MB instead of 320 MB for the same CPU (docs/adr/0005).
 * It is set by the process entry (bin/waihu.js) before anything is allocated, and is read again at every
 * collection, so setting it at start-up takes effect.
 */
import v8 from 'node:v8';

/** The growth waihu runs with unless WAIHU_HEAP_GROWING_PERCENT says otherwise. */
export const DEFAULT_HEAP_GROWING_PERCENT = 100;

/** The percent from the environment: the default when unset, 0 for V8's own heuristics; throws on anything else. */
export function heapGrowingPercent(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WAIHU_HEAP_GROWING_PERCENT;
  if (raw === undefined || raw === '') return DEFAULT_HEAP_GROWING_PERCENT;
  const percent = Number(raw);
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000) {
    throw new Error(`WAIHU_HEAP_GROWING_PERCENT must be a whole number from 0 (V8's own choice) to 1000, got "${raw}"`);
  }
  return percent;
}

/** Applies the configured growth to this process's V8; returns it (0: left to V8). */
export function applyHeapTuning(env: NodeJS.ProcessEnv = process.env, setFlags: (flags: string) => void = v8.setFlagsFromString): number {
  const percent = heapGrowingPercent(env);
  if (percent > 0) setFlags(`--heap-growing-percent=${percent}`);
  return percent;
}
