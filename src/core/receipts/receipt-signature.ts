/**
 * The signature on every push (a waihu extension; Alibaba's pushes carry none): HMAC-SHA256 under the account's
 * receipt secret over `<timestamp>.<body>`, sent as `X-Waihu-Signature: t=<epoch ms>,v1=<hex>`. A receiver
 * recomputes it over the raw body it received and compares in constant time; the timestamp lets it refuse replays.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature. */
export const SIGNATURE_HEADER = 'x-waihu-signature';

/** The header value for this body, signed at `at`. */
export function signReceiptBody(secret: string, body: string, at: number): string {
  return `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;
}

/** True when the header signs exactly this body with this secret (what a receiver runs; also the tests). */
export function verifyReceiptSignature(secret: string, body: string, header: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const at = Number(parts.t);
  if (!Number.isSafeInteger(at) || typeof parts.v1 !== 'string') return false;
  const expected = Buffer.from(signReceiptBody(secret, body, at).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
