/**
 * SendVerification and the check SubmitHotlineTransferRegister makes with its result. A code is claimed in the
 * store (which enforces the resend limit atomically), handed to the sender, and only then marked usable; when the
 * sender fails the code is removed, so a code the customer never received can never be accepted.
 */
import type { Clock } from '../../ports/clock.js';
import { VerificationDeliveryError, type VerificationCodeSender } from '../../ports/hotline-code-sender.js';
import type { HotlineStore } from '../../ports/hotline-store.js';
import { HotlineError } from './hotline-errors.js';
import { isMobile } from './hotline-inputs.js';
import type { HotlineSealing } from './hotline-sealing.js';
import {
  checkCode, CODE_TTL_MS, cryptoRandomness, describeRefusal, hashCode, newCode, newSalt, RESEND_INTERVAL_MS, type CodeRandomness,
} from './verification-code.js';

/** The only business type the doc defines: verifying the registration's contact (operator) mobile. */
export const CONTACT_BIZ_TYPE = 'CONTACT';

/** What the verifier needs. */
export interface HotlineVerificationDeps {
  store: HotlineStore;
  clock: Clock;
  sender: VerificationCodeSender;
  /** Codes are kept by a digest of the mobile, not the number. */
  sealing: HotlineSealing;
  random?: CodeRandomness;
}

/** What SendVerification asks for. */
export interface VerificationRequest {
  target: string;
  verifyType: string;
  bizType: string;
}

/** Issues and checks verification codes. */
export class HotlineVerification {
  private readonly random: CodeRandomness;

  constructor(private readonly deps: HotlineVerificationDeps) {
    this.random = deps.random ?? cryptoRandomness;
  }

  /**
   * Sends a fresh code to `request.target`, replacing any earlier one. HotlineError MobileInvalid for a number that
   * is not a mainland mobile, ResendTooSoon within a minute of the last code, DeliveryFailed when the sender fails.
   */
  async send(accountId: string, request: VerificationRequest): Promise<void> {
    const target = request.target.trim();
    if (!isMobile(target)) throw new HotlineError('MobileInvalid', `"${target}" is not a mainland mobile number (11 digits, 13x-19x)`, 'Target');
    const { store, clock } = this.deps;
    const sentAt = clock.now();
    const code = newCode(this.random);
    const salt = newSalt(this.random);
    const targetDigest = await this.deps.sealing.digest(target);
    const record = {
      accountId, targetDigest, bizType: request.bizType, salt, codeHash: hashCode(code, salt), sentAt, expiresAt: sentAt + CODE_TTL_MS, failedAttempts: 0, delivered: false,
    };
    if (!(await store.claimVerificationCode(record, RESEND_INTERVAL_MS))) {
      throw new HotlineError('ResendTooSoon', `a code was sent to this number less than ${RESEND_INTERVAL_MS / 1000} seconds ago; wait before requesting another`, 'Target');
    }
    try {
      await this.deps.sender.send({ accountId, target, verifyType: request.verifyType, bizType: request.bizType, code, expiresAt: record.expiresAt });
    } catch (error) {
      // Withdraw the code: it must not work, and the customer may retry at once once delivery is fixed.
      await store.deleteVerificationCode(accountId, targetDigest, request.bizType, sentAt);
      const reason = error instanceof VerificationDeliveryError ? error.reason : 'the delivery channel failed';
      throw new HotlineError('DeliveryFailed', `the verification code could not be delivered (${reason}); no code was issued, try again later`);
    }
    await store.markVerificationCodeDelivered(accountId, targetDigest, request.bizType, sentAt);
  }

  /**
   * Accepts `given` as the code sent to `target` and uses it up; HotlineError VerifyCodeInvalid naming `param`
   * otherwise. A wrong guess counts against the code's attempt budget.
   */
  async verify(accountId: string, target: string, given: string, param: string): Promise<void> {
    const { store, clock } = this.deps;
    const targetDigest = await this.deps.sealing.digest(target);
    const record = await store.getVerificationCode(accountId, targetDigest, CONTACT_BIZ_TYPE);
    const check = checkCode(record, given, clock.now());
    if (check === 'mismatch') await store.countVerificationFailure(accountId, targetDigest, CONTACT_BIZ_TYPE, record!.sentAt);
    if (check !== 'ok') throw new HotlineError('VerifyCodeInvalid', describeRefusal(check), param);
    // Whoever deletes the row used the code; a concurrent submit with the same code finds it gone.
    if (!(await store.deleteVerificationCode(accountId, targetDigest, CONTACT_BIZ_TYPE, record!.sentAt))) {
      throw new HotlineError('VerifyCodeInvalid', describeRefusal('missing'), param);
    }
  }
}
