/**
 * Verification codes for 400-number registration (SendVerification, checked by SubmitHotlineTransferRegister): a
 * random 6-digit code from the system CSPRNG, stored only as a salted SHA-256, valid for 5 minutes and 5 guesses,
 * single use. Pure functions; the registry does the storing and delivering.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { VerificationCodeRecord } from './hotline-records.js';

/** Digits of a code: 10^6 possibilities against 5 guesses. */
export const CODE_DIGITS = 6;
/** How long a code stays valid. */
export const CODE_TTL_MS = 5 * 60_000;
/** Wrong guesses after which the code is dead. */
export const MAX_FAILED_ATTEMPTS = 5;
/** Shortest gap between two codes sent to one number (the SMS-style per-minute limit). */
export const RESEND_INTERVAL_MS = 60_000;

/** Sources of randomness, injectable so tests can pin a code. */
export interface CodeRandomness {
  /** A uniform integer in [0, max). */
  int(max: number): number;
  /** Random bytes for the salt. */
  bytes(size: number): Buffer;
}

/** The system CSPRNG. */
export const cryptoRandomness: CodeRandomness = { int: (max) => randomInt(0, max), bytes: (size) => randomBytes(size) };

/** A fresh code, zero-padded to CODE_DIGITS. */
export function newCode(random: CodeRandomness = cryptoRandomness): string {
  return String(random.int(10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** The stored form of `code`: hex SHA-256 over the salt and the code. */
export function hashCode(code: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

/** A new random salt (hex). */
export function newSalt(random: CodeRandomness = cryptoRandomness): string {
  return random.bytes(16).toString('hex');
}

/** Why a code was refused, or that it matched. */
export type CodeCheck = 'ok' | 'missing' | 'expired' | 'exhausted' | 'mismatch';

/**
 * Checks `given` against the stored code at time `now`. A code never delivered counts as missing; expiry and the
 * attempt budget are checked before the hash so a dead code cannot be guessed at all.
 */
export function checkCode(record: VerificationCodeRecord | undefined, given: string, now: number): CodeCheck {
  if (!record || !record.delivered) return 'missing';
  if (now >= record.expiresAt) return 'expired';
  if (record.failedAttempts >= MAX_FAILED_ATTEMPTS) return 'exhausted';
  const expected = Buffer.from(record.codeHash, 'hex');
  const actual = Buffer.from(hashCode(given.trim(), record.salt), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? 'ok' : 'mismatch';
}

/** What the caller is told for each refusal: enough to act on, nothing about the code itself. */
export function describeRefusal(check: Exclude<CodeCheck, 'ok'>): string {
  switch (check) {
    case 'missing':
      return 'no verification code is outstanding for this mobile number; call SendVerification first';
    case 'expired':
      return `the verification code has expired (codes are valid for ${CODE_TTL_MS / 60_000} minutes); request a new one`;
    case 'exhausted':
      return `the verification code was guessed wrong ${MAX_FAILED_ATTEMPTS} times and no longer works; request a new one`;
    case 'mismatch':
      return 'the verification code does not match the one sent to this mobile number';
  }
}
