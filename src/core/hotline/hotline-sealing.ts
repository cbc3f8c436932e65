/**
 * Personal data of the 400-number registry at rest (docs/hotline.md "Personal data at rest"). Names, e-mail
 * addresses, mobiles, ID card numbers and transfer numbers are sealed with the SecretBox (AES-256-GCM under the
 * master key) before they reach the store, and opened only when an action must return them. Where a query has to
 * match on a value (is this transfer number registered? which code was sent to this mobile?) the store also gets an
 * HMAC-SHA256 of it: equal values give equal digests, so the match works, but a digest cannot be reversed without
 * the key, which the store keeps only sealed.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { SecretBox } from '../accounts/secret-box.js';
import type { HotlineStore } from '../../ports/hotline-store.js';
import type {
  RegisteredNumber, RegistrationRecord, StoredRegisteredNumber, StoredRegistration, StoredTransferConfig, StoredTransferNumber,
  TransferConfigRecord, TransferNumber, TransferTarget,
} from './hotline-records.js';

/** Bytes of the digest key. */
const DIGEST_KEY_BYTES = 32;

/** Seals, opens and digests the registry's personal data. */
export class HotlineSealing {
  private digestKey: Promise<Buffer> | undefined;

  constructor(
    private readonly box: SecretBox,
    private readonly store: Pick<HotlineStore, 'ensureHotlineDigestKey'>,
  ) {}

  /** The keyed digest a query matches `value` by. */
  async digest(value: string): Promise<string> {
    return createHmac('sha256', await this.key()).update(value, 'utf8').digest('base64url');
  }

  /** Keyed digests of several values, in order. */
  async digests(values: readonly string[]): Promise<string[]> {
    const key = await this.key();
    return values.map((v) => createHmac('sha256', key).update(v, 'utf8').digest('base64url'));
  }

  /** The registration as the store keeps it. */
  async sealRegistration(r: RegistrationRecord): Promise<StoredRegistration> {
    const { operatorName, operatorMail, operatorMobile, operatorIdentityCard, numbers, ...plain } = r;
    const box = this.box;
    return {
      ...plain,
      operatorNameSealed: box.seal(operatorName), operatorMailSealed: box.seal(operatorMail),
      operatorMobileSealed: box.seal(operatorMobile), operatorIdentityCardSealed: box.seal(operatorIdentityCard),
      numbers: await Promise.all(numbers.map((n) => this.sealNumber(n))),
    };
  }

  /** The registration the store kept, opened. */
  openRegistration(s: StoredRegistration): RegistrationRecord {
    const { operatorNameSealed, operatorMailSealed, operatorMobileSealed, operatorIdentityCardSealed, numbers, ...plain } = s;
    const box = this.box;
    return {
      ...plain,
      operatorName: box.open(operatorNameSealed), operatorMail: box.open(operatorMailSealed),
      operatorMobile: box.open(operatorMobileSealed), operatorIdentityCard: box.open(operatorIdentityCardSealed),
      numbers: numbers.map((n) => this.openNumber(n)),
    };
  }

  /** A registered number the store kept, opened. */
  openRegisteredNumber(s: StoredRegisteredNumber): RegisteredNumber {
    return { registrationId: s.registrationId, qualificationId: s.qualificationId, hotlineNumber: s.hotlineNumber, ...this.openNumber(s) };
  }

  /** The pool as the store keeps it: the targets (numbers people answer) sealed as one JSON text. */
  sealTransferConfig(c: TransferConfigRecord): StoredTransferConfig {
    const { targets, ...plain } = c;
    return { ...plain, targetsSealed: this.box.seal(JSON.stringify(targets)) };
  }

  /** The pool the store kept, opened. */
  openTransferConfig(s: StoredTransferConfig): TransferConfigRecord {
    const { targetsSealed, ...plain } = s;
    return { ...plain, targets: JSON.parse(this.box.open(targetsSealed)) as TransferTarget[] };
  }

  private async sealNumber(n: TransferNumber): Promise<StoredTransferNumber> {
    return {
      phoneNumberDigest: await this.digest(n.phoneNumber), phoneNumberSealed: this.box.seal(n.phoneNumber),
      ownerNameSealed: this.box.seal(n.ownerName), identityCardSealed: this.box.seal(n.identityCard),
    };
  }

  private openNumber(n: StoredTransferNumber): TransferNumber {
    return { phoneNumber: this.box.open(n.phoneNumberSealed), ownerName: this.box.open(n.ownerNameSealed), identityCard: this.box.open(n.identityCardSealed) };
  }

  /**
   * The digest key: made once per database, kept sealed in the store, opened on first use. Every node offers a
   * fresh key and the store keeps whichever came first, so all nodes digest alike.
   */
  private key(): Promise<Buffer> {
    if (this.digestKey) return this.digestKey;
    const loading = (async () => {
      const offered = this.box.seal(randomBytes(DIGEST_KEY_BYTES).toString('base64'));
      const kept = await this.store.ensureHotlineDigestKey(offered);
      return Buffer.from(this.box.open(kept), 'base64');
    })();
    // A failed read (database down) must not stick: the next call tries again.
    loading.catch(() => {
      if (this.digestKey === loading) this.digestKey = undefined;
    });
    this.digestKey = loading;
    return loading;
  }
}
