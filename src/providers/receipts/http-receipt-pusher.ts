/**
 * Pushes receipt batches over HTTP as Alibaba does: POST of a JSON array; the receiver acknowledges with HTTP 200
 * and a JSON body whose `code` is 0 (`{"code":0,"msg":"接收成功"}`). Anything else, a network error or no answer
 * within the timeout, is a failed push that the dispatcher retries.
 */
import type { PushResult, ReceiptPush, ReceiptPusher } from '../../ports/receipt-store.js';

/** Longest error text kept for the delivery log. */
const MAX_ERROR_LENGTH = 300;

/** The node fetch-based pusher. */
export class HttpReceiptPusher implements ReceiptPusher {
  constructor(private readonly timeoutMs = 10_000) {}

  /** Posts one batch and reads the acknowledgement. */
  async push(request: ReceiptPush): Promise<PushResult> {
    let response: Response;
    try {
      response = await fetch(request.url, { method: 'POST', body: request.body, headers: request.headers, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'manual' });
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      return { ok: false, httpStatus: null, error: timedOut ? `no answer within ${this.timeoutMs} ms` : clip(`request failed: ${causeOf(err)}`) };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      return { ok: false, httpStatus: response.status, error: clip(`reading the answer failed: ${causeOf(err)}`) };
    }
    if (response.status !== 200) return { ok: false, httpStatus: response.status, error: clip(`HTTP ${response.status}: ${text}`) };
    return { ...acknowledgement(text), httpStatus: 200 };
  }
}

/** Whether a 200 body acknowledges the batch. */
function acknowledgement(text: string): { ok: boolean; error: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: clip(`answer is not JSON: ${text}`) };
  }
  const code = typeof parsed === 'object' && parsed !== null ? (parsed as { code?: unknown }).code : undefined;
  if (code === 0) return { ok: true, error: null };
  return { ok: false, error: clip(`answer code is ${JSON.stringify(code)}, not 0: ${text}`) };
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause;
  return String(cause instanceof Error ? cause.message : err instanceof Error ? err.message : err);
}

function clip(text: string): string {
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}
