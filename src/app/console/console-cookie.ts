/** The console's session cookie and CSRF check (docs/console.md#signing-in). */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';

/** Name of the cookie that carries the session token. */
export const SESSION_COOKIE = 'waihu_console';
/** Header the web app sends the session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** True when the browser reached us over https, directly or through a proxy that says so. */
function overHttps(c: Context): boolean {
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket as { encrypted?: boolean } | undefined;
  // Only ever adds Secure, so trusting the header cannot weaken anything.
  return proto === 'https' || socket?.encrypted === true || new URL(c.req.url).protocol === 'https:';
}

/**
 * The Set-Cookie value. HttpOnly keeps the token away from scripts; SameSite=Strict keeps other sites' pages from
 * sending it; Path=/console keeps it off the RPC endpoint; Secure whenever the page itself is https.
 */
export function sessionCookie(c: Context, token: string, maxAgeSeconds: number): string {
  const flags = [`${SESSION_COOKIE}=${token}`, 'HttpOnly', 'SameSite=Strict', 'Path=/console', `Max-Age=${maxAgeSeconds}`];
  if (overHttps(c)) flags.push('Secure');
  return flags.join('; ');
}

/** The session token the browser sent, or '' when there is none. */
export function sessionToken(c: Context): string {
  for (const part of (c.req.header('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return '';
}

/**
 * True when the request's X-CSRF-Token is the session's. Both are hashed first, so the comparison takes the same
 * time whatever the sent value's length and however much of it is right.
 */
export function csrfMatches(c: Context, expected: string): boolean {
  const sent = c.req.header(CSRF_HEADER);
  if (sent === undefined || sent === '') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

/**
 * The client's address for the sign-in throttle: the TCP peer. X-Forwarded-For is ignored on purpose, since any
 * client could send a fresh one per guess; behind a proxy every browser shares the proxy's count.
 */
export function clientAddress(c: Context): string {
  return (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress ?? 'unknown';
}
