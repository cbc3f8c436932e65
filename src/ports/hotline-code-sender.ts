/** How a verification code reaches the mobile it is for: an SMS gateway behind a webhook, or the log in development. */

/** One code to deliver. */
export interface VerificationMessage {
  accountId: string;
  /** The mobile number the code is for. */
  target: string;
  /** The delivery type and business type as SendVerification received them (SMS, CONTACT). */
  verifyType: string;
  bizType: string;
  code: string;
  /** Epoch ms after which the code no longer works. */
  expiresAt: number;
}

/** Delivers codes. */
export interface VerificationCodeSender {
  /** Resolves once the code was handed over; rejects with a VerificationDeliveryError otherwise. */
  send(message: VerificationMessage): Promise<void>;
}

/** The code could not be handed over; `reason` is safe to show the API caller (no URL, no code). */
export class VerificationDeliveryError extends Error {
  constructor(readonly reason: string) {
    super(`verification code not delivered: ${reason}`);
    this.name = 'VerificationDeliveryError';
  }
}
