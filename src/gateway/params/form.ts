/** Decoding of application/x-www-form-urlencoded text (query strings and form bodies). */
import type { Pair } from '../request.js';

/**
 * Splits `a=1&b=2` into decoded pairs. '+' means space, as in HTML forms and Alibaba's Java
 * gateway; the SDKs always send a literal plus as %2B. A malformed escape is kept literally
 * rather than failing, so a signature check (not a decoder crash) decides such a request.
 */
export function decodeForm(text: string): Pair[] {
  const pairs: Pair[] = [];
  if (text === '') return pairs;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([decodeComponent(rawName), decodeComponent(rawValue)]);
  }
  return pairs;
}

function decodeComponent(s: string): string {
  const spaced = s.includes('+') ? s.replace(/\+/g, ' ') : s;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
