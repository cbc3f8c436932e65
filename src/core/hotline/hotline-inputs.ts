/**
 * The shapes of what the 400-number registry accepts: 400 numbers, mainland mobiles, transfer numbers, resident
 * ID card numbers, e-mail addresses and names. Each check returns the normalized value or throws InvalidArgument
 * naming the wire parameter, so the gateway's message tells the caller exactly what to fix.
 */
import { DomainError } from '../errors.js';

/** A 400 number: 400 plus 7 digits; dashes and spaces as people write it (400-123-4567) are dropped. */
const HOTLINE = /^400\d{7}$/;
/** A mainland mobile: 11 digits from 13x to 19x. */
const MOBILE = /^1[3-9]\d{9}$/;
/** A transfer target: a mobile, or a landline with its area code (0 + 9-11 digits). */
const TRANSFER_TARGET = /^(1[3-9]\d{9}|0\d{9,11})$/;
/** Deliberately loose: one @, no spaces, a dot in the domain. Whether it is deliverable only a mail can tell. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Longest name (a person or a company) kept. */
export const MAX_NAME_LENGTH = 64;
/** Longest e-mail address kept (RFC 5321 allows 254; no operator has one that long). */
export const MAX_EMAIL_LENGTH = 128;
/** Most transfer numbers one registration may carry. */
export const MAX_TRANSFER_NUMBERS = 20;

// GB 11643: weights of the 17 digits and the check character each remainder gives.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Drops the separators people type into phone numbers. */
function compact(raw: unknown): string {
  return String(raw ?? '').replace(/[\s-]/g, '');
}

/** The 400 number, compacted; InvalidArgument naming `param` when it is not 400 + 7 digits. */
export function hotlineNumber(raw: unknown, param: string): string {
  const text = compact(raw);
  if (!HOTLINE.test(text)) throw new DomainError('InvalidArgument', `"${String(raw)}" is not a 400 number (400 followed by 7 digits)`, param);
  return text;
}

/** True when `text` is a mainland mobile number. */
export function isMobile(text: string): boolean {
  return MOBILE.test(text);
}

/** A number calls may be forwarded to: a mobile or a landline with area code. */
export function transferTarget(raw: unknown, param: string): string {
  const text = compact(raw);
  if (!TRANSFER_TARGET.test(text)) {
    throw new DomainError('InvalidArgument', `"${String(raw)}" is not a mobile (11 digits) or a landline with area code (0 + 9-11 digits)`, param);
  }
  return text;
}

/** True for an 18-character resident ID number whose check character is right. */
function validIdNumber(text: string): boolean {
  if (!/^\d{17}[\dX]$/.test(text)) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(text[i]), 0);
  return ID_CHECK[sum % 11] === text[17];
}

/** A resident ID card number (18 characters, check character verified; x upper-cased). */
export function identityCard(raw: unknown, param: string): string {
  const text = String(raw ?? '').trim().toUpperCase();
  if (!validIdNumber(text)) {
    throw new DomainError('InvalidArgument', 'is not a resident ID card number (17 digits and a check digit or X, per GB 11643)', param);
  }
  return text;
}

/** A person's or company's name: trimmed, 1-64 characters. */
export function personName(raw: unknown, param: string): string {
  const text = String(raw ?? '').trim();
  if (text === '' || text.length > MAX_NAME_LENGTH) throw new DomainError('InvalidArgument', `must be 1-${MAX_NAME_LENGTH} characters`, param);
  return text;
}

/** An e-mail address: trimmed, at most 128 characters, shaped like local@domain.tld. */
export function emailAddress(raw: unknown, param: string): string {
  const text = String(raw ?? '').trim();
  if (text.length > MAX_EMAIL_LENGTH || !EMAIL.test(text)) throw new DomainError('InvalidArgument', `"${maskEmail(text)}" is not an e-mail address`, param);
  return text;
}

/**
 * An e-mail address as messages show it: the first character and the domain (a***@example.cn). Error messages
 * may end up in logs, and the rule is that personal data reaches no log line in clear.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
