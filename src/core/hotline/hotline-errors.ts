/**
 * The registry's refusals that the dyvms doc names with codes of their own (Mobile.Invalid,
 * MobileVerifyCode.Invalid) or that are not about one parameter's shape (the resend limit, a failed delivery).
 * Everything else is a DomainError; the gateway's hotline handlers map these to the wire codes.
 */

/** Which refusal. */
export type HotlineErrorCode = 'MobileInvalid' | 'VerifyCodeInvalid' | 'ResendTooSoon' | 'DeliveryFailed';

/** A refusal of the 400-number registry; `param` names the request parameter it is about, when there is one. */
export class HotlineError extends Error {
  constructor(
    readonly code: HotlineErrorCode,
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'HotlineError';
  }
}
