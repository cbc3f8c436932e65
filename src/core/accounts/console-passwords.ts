/**
 * Console passwords at rest: scrypt with a random salt per password, stored as `scrypt$N$r$p$salt$hash` (salt and
 * hash base64) so the cost can be raised later without breaking the hashes already stored.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainError } from '../errors.js';

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest accepted: scrypt's cost does not depend on it, but a bound keeps request bodies sane. */
export const MAX_PASSWORD_LENGTH = 1024;

// N=2^15, r=8 takes 32 MiB and some tens of ms per guess, the OWASP-recommended floor for scrypt.
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // 128·N·r bytes is needed; Node's default cap (32 MiB) is exactly that at our cost, so allow twice as much.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    // The async form runs on libuv's thread pool: a sign-in never stalls other requests.
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Rejects a password that is too short or too long, naming the field. */
export function checkPasswordRules(password: string, field = 'Password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('InvalidArgument', `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`, field);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new DomainError('InvalidArgument', `the password must be at most ${MAX_PASSWORD_LENGTH} characters long`, field);
  }
}

/** The stored form of a new password (checked against the rules first). */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordRules(password);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Parses a stored hash; undefined when it is not one this code wrote. */
function parseHash(stored: string): { cost: { N: number; r: number; p: number }; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const valid = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
  // Bounds so a tampered row cannot make a sign-in allocate gigabytes.
  if (!valid(N, 2 ** 20) || (N & (N - 1)) !== 0 || !valid(r, 32) || !valid(p, 16)) return undefined;
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length === 0 || key.length === 0) return undefined;
  return { cost: { N, r, p }, salt, key };
}

/**
 * True when the password matches the stored hash. The derived keys are compared with timingSafeEqual, so the time
 * taken does not tell a guesser how many bytes were right. A malformed stored value never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || password.length > MAX_PASSWORD_LENGTH) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}
