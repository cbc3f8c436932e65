/**
 * The account's number directory: plain numbers the customer uploads so that recipients imported as MD5, SHA256 or
 * SM3 digests can be dialed. Plain numbers are sealed with the SecretBox at rest; the store sees only digests.
 */
import type { SecretBox } from '../accounts/secret-box.js';
import { DomainError } from '../errors.js';
import type { NumberDirectoryStore } from '../../ports/campaign-store.js';
import { ENCRYPTION_NAMES, isHashType, type EncryptionType } from './encryption-type.js';
import { numberHashes } from './number-hash.js';
import { isPlainNumber } from './phone-number.js';

/** Where a recipient's dialable number came from, or why there is none. */
export type ResolvedNumber = { ok: true; plain: string } | { ok: false; reason: string };

/** Uploads to and lookups in one store's number directories. */
export class NumberDirectory {
  constructor(
    private readonly store: NumberDirectoryStore,
    private readonly box: SecretBox,
  ) {}

  /** Adds plain numbers to the account's directory (re-adding one is harmless); returns how many were new. */
  async add(accountId: string, plainNumbers: readonly string[], at: number): Promise<number> {
    const entries = [...new Set(plainNumbers.map((n) => n.trim()))].map((plain) => {
      if (!isPlainNumber(plain)) throw new DomainError('InvalidArgument', `"${plain}" is not a phone number`, 'PhoneNumbers');
      return { ...numberHashes(plain), numberCiphertext: this.box.seal(plain) };
    });
    return this.store.upsertDirectoryEntries(accountId, entries, at);
  }

  /** Removes plain numbers from the account's directory; returns how many were there. */
  remove(accountId: string, plainNumbers: readonly string[]): Promise<number> {
    return this.store.deleteDirectoryEntries(accountId, plainNumbers.map((n) => numberHashes(n.trim()).sha256));
  }

  /** The number to dial for a recipient: plain ones as they are, digests through the directory. */
  async resolve(accountId: string, number: string, encryptionType: EncryptionType): Promise<ResolvedNumber> {
    if (!isHashType(encryptionType)) return { ok: true, plain: number };
    const sealed = await this.store.findDirectoryEntry(accountId, encryptionType, number.toLowerCase());
    if (sealed === undefined) {
      return { ok: false, reason: `no number in the directory matches this ${ENCRYPTION_NAMES[encryptionType]} hash` };
    }
    return { ok: true, plain: this.box.open(sealed) };
  }
}
