/** The three digests customers may send instead of a plain number; all lowercase hex of the UTF-8 plain number. */
import { createHash, getHashes } from 'node:crypto';
import type { HashType } from './encryption-type.js';
import { sm3Hex } from './sm3.js';

/** The MD5, SHA256 and SM3 digests of one plain number. */
export interface NumberHashes {
  md5: string;
  sha256: string;
  sm3: string;
}

const nativeSm3 = getHashes().includes('sm3');

function digest(algorithm: string, text: string): string {
  return createHash(algorithm).update(text, 'utf8').digest('hex');
}

/** SM3 through OpenSSL when this Node has it, otherwise through the TypeScript implementation. */
export function sm3(text: string): string {
  return nativeSm3 ? digest('sm3', text) : sm3Hex(text);
}

/** The digest of `plain` for one hash type. */
export function hashNumber(plain: string, type: HashType): string {
  if (type === 1) return digest('md5', plain);
  if (type === 2) return digest('sha256', plain);
  return sm3(plain);
}

/** All three digests of `plain`, for the number directory. */
export function numberHashes(plain: string): NumberHashes {
  return { md5: hashNumber(plain, 1), sha256: hashNumber(plain, 2), sm3: hashNumber(plain, 3) };
}

/**
 * The key under which a callee's calls are counted for frequency caps: SHA256 of the plain number, so the log holds
 * no plain numbers and a campaign call and a single call to the same person share one key.
 */
export function calleeKey(plain: string): string {
  return hashNumber(plain, 2);
}
