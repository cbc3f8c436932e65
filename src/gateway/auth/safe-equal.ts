/** Comparison of secrets-derived strings that does not leak, through timing, how much of a guess was right. */
import { timingSafeEqual } from 'node:crypto';

/** True when both strings have the same UTF-8 bytes; compared in constant time for a given length. */
export function safeEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  // Signatures have a fixed, public length, so returning early on a length difference reveals nothing secret.
  return a.length === b.length && timingSafeEqual(a, b);
}
