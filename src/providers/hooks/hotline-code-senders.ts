/**
 * The two ways a 400-registration verification code leaves waihu. With `verificationWebhookUrl` set, each code is
 * POSTed as JSON to that URL (an SMS gateway the operator runs or rents): a 2xx answer means handed over, anything
 * else (refused connection, timeout, non-2xx) is a failure the caller hears about. Without it, development mode:
 * the code is written to the log, where the logger masks the number's middle digits (139****1234) but leaves the
 * code, so a developer can read which number it is for and type it in (docs/hotline.md).
 */
import type { Logger } from 'pino';
import { VerificationDeliveryError, type VerificationCodeSender, type VerificationMessage } from '../../ports/hotline-code-sender.js';

/** How long the webhook may take to answer; SendVerification's caller is waiting. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 5000;

/** The JSON body the webhook receives. */
export interface VerificationWebhookBody {
  event: 'hotline.verification';
  accountId: string;
  target: string;
  verifyType: string;
  bizType: string;
  code: string;
  /** ISO 8601 (UTC) and epoch ms: when the code stops working. */
  expiresAt: string;
  expiresAtMs: number;
}

/** POSTs each code to the configured URL. */
export class WebhookVerificationSender implements VerificationCodeSender {
  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly timeoutMs: number = DEFAULT_WEBHOOK_TIMEOUT_MS,
  ) {
    const protocol = new URL(url).protocol;
    if (protocol !== 'http:' && protocol !== 'https:') throw new RangeError(`verification webhook must be http or https, got ${protocol}`);
  }

  /** Resolves on a 2xx answer; VerificationDeliveryError otherwise (the details go to the log, not to the caller). */
  async send(message: VerificationMessage): Promise<void> {
    const body: VerificationWebhookBody = {
      event: 'hotline.verification', accountId: message.accountId, target: message.target, verifyType: message.verifyType,
      bizType: message.bizType, code: message.code, expiresAt: new Date(message.expiresAt).toISOString(), expiresAtMs: message.expiresAt,
    };
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        // A redirect would turn the POST into a GET on most servers; the configured URL must be the final one.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      this.logger.warn({ err: error, target: message.target }, 'verification webhook unreachable');
      throw new VerificationDeliveryError(timedOut ? `the delivery webhook did not answer within ${this.timeoutMs} ms` : 'the delivery webhook is unreachable');
    }
    // Drain the body so the connection can be reused; its content does not matter.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status > 299) {
      this.logger.warn({ status: response.status, target: message.target }, 'verification webhook refused the code');
      throw new VerificationDeliveryError(`the delivery webhook answered HTTP ${response.status}`);
    }
  }
}

/** Development delivery: the code goes to the log at warn level, so it shows at the default log level. */
export class LogVerificationSender implements VerificationCodeSender {
  constructor(private readonly logger: Logger) {}

  /** Never fails: the log is always there. */
  async send(message: VerificationMessage): Promise<void> {
    this.logger.warn(
      { accountId: message.accountId, target: message.target, code: message.code, expiresAt: new Date(message.expiresAt).toISOString() },
      'verification code (no verificationWebhookUrl configured: development delivery to the log)',
    );
  }
}
