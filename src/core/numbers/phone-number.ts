/**
 * What a recipient number may look like. Plain numbers are kept as the customer wrote them (trimmed), because a
 * hashed recipient must match the digest the customer computed from exactly that text.
 */
import { DomainError } from '../errors.js';
import { ENCRYPTION_NAMES, HASH_HEX_LENGTH, isHashType, type EncryptionType } from './encryption-type.js';

/** Digits with an optional leading '+': mobile (11), landline with area code, or E.164 (up to 15 + margin). */
const PLAIN_NUMBER = /^\+?\d{3,20}$/;

/** True when `text` is a dialable plain number. */
export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text);
}

/**
 * Checks a recipient number written with `encryptionType`; returns the stored form (trimmed; digests lowercased).
 * Throws InvalidArgument naming `param`.
 */
export function normalizeRecipientNumber(raw: unknown, encryptionType: EncryptionType, param: string): string {
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw new DomainError('InvalidArgument', `${param} is required`, param);
  }
  const text = String(raw).trim();
  if (!isHashType(encryptionType)) {
    if (!isPlainNumber(text)) {
      throw new DomainError('InvalidArgument', `${param} "${text}" is not a phone number (3-20 digits, optional leading +)`, param);
    }
    return text;
  }
  const length = HASH_HEX_LENGTH[encryptionType];
  const hex = text.toLowerCase();
  if (hex.length !== length || !/^[0-9a-f]+$/.test(hex)) {
    const name = ENCRYPTION_NAMES[encryptionType];
    throw new DomainError('InvalidArgument', `${param} must be a ${name} digest (${length} hex characters) when EncryptionType is ${encryptionType}`, param);
  }
  return hex;
}
