/** The sorted, percent-encoded `k=v&k=v` form both signature versions build from decoded parameters. */
import type { Pair } from '../request.js';
import { percentEncode } from './percent-encode.js';

/** Code-unit order, like the SDKs' JS default sort and Java's TreeMap; stable, so repeated names keep arrival order. */
function byName(a: Pair, b: Pair): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** A sorted copy of `pairs` without those named `skip`; the caller's array is never reordered. */
export function sortedPairs(pairs: readonly Pair[], skip?: string): Pair[] {
  const kept: Pair[] = [];
  for (const pair of pairs) if (pair[0] !== skip) kept.push(pair);
  return kept.sort(byName);
}

/**
 * Joins already sorted pairs as `percentEncode(k)=percentEncode(v)` with `&`. `bareEmpty` writes an
 * empty-valued pair as just `k`, which is what Alibaba's Python signer produces for V3 (protocol.md §2.2).
 */
export function joinEncodedPairs(sorted: readonly Pair[], bareEmpty = false): string {
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    const [name, value] = sorted[i] as Pair;
    if (i > 0) out += '&';
    out += bareEmpty && value === '' ? percentEncode(name) : percentEncode(name) + '=' + percentEncode(value);
  }
  return out;
}
