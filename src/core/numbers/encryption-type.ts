/**
 * How a recipient's number is written in an import: aiccs `EncryptionType` (ImportTaskNumberDatas,
 * QueryAiCallDetailPage: "0-不加密;1-MD5;2-SHA256;3-SM3"). A hashed number is the lowercase hex digest of the
 * plain number and can only be dialed through the account's number directory.
 */
import { DomainError } from '../errors.js';

/** 0 plain, 1 MD5, 2 SHA256, 3 SM3. */
export type EncryptionType = 0 | 1 | 2 | 3;

/** The hashed forms only. */
export type HashType = 1 | 2 | 3;

/** Name of each encryption type, as the doc spells it. */
export const ENCRYPTION_NAMES: Readonly<Record<EncryptionType, string>> = Object.freeze({
  0: 'plain',
  1: 'MD5',
  2: 'SHA256',
  3: 'SM3',
});

/** Length in hex characters of each digest. */
export const HASH_HEX_LENGTH: Readonly<Record<HashType, number>> = Object.freeze({ 1: 32, 2: 64, 3: 64 });

/** True for 0..3. */
export function isEncryptionType(value: unknown): value is EncryptionType {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

/** True for the hashed types 1..3. */
export function isHashType(value: EncryptionType): value is HashType {
  return value !== 0;
}

/** Reads an optional EncryptionType parameter; absent means plain numbers. */
export function parseEncryptionType(value: unknown, param = 'EncryptionType'): EncryptionType {
  if (value === undefined || value === null || value === '') return 0;
  const n = typeof value === 'string' ? Number(value) : value;
  if (isEncryptionType(n)) return n;
  throw new DomainError('InvalidArgument', `${param} must be 0 (plain), 1 (MD5), 2 (SHA256) or 3 (SM3)`, param);
}
