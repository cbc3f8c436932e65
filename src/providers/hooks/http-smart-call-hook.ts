/**
 * SmartCall events POSTed to the customer's callback URL (wire: smart-call-wire.ts). The callee is waiting in
 * silence while we wait, so one deadline (default 3 s) covers the whole exchange, retry included. One retry, at
 * once, only when the connection failed before any answer (refused, reset, closed): that is a stale keep-alive
 * socket or a server restarting, and the request most likely never reached the application. A timeout, a non-2xx
 * status or an unreadable body are not retried: the server saw the event and a second try would spend time the
 * callee is listening to silence. Whether a readable body is a usable reply is flows/callback/hook-reply.ts's call.
 */
import type { Clock } from '../../ports/clock.js';
import type { HookReply, SmartCallEvent, SmartCallHook } from '../../ports/smart-call-hook.js';
import { encodeEvent, type SmartCallBodyEncoding } from './smart-call-wire.js';

/** How long the customer's server has to answer, unless configured: about the longest pause a caller tolerates. */
export const DEFAULT_HOOK_TIMEOUT_MS = 3000;

/** Connection failures that mean the request did not reach the server's application. */
const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** Settings of one customer endpoint. */
export interface HttpSmartCallHookOptions {
  /** The customer's callback URL (http or https); its own query parameters are kept. */
  url: string;
  /**
   * The timer source of the deadline: the system clock, also when calls run on a virtual clock, because the
   * customer's server answers in real time (and a virtual clock holds still while an event is on the wire).
   */
  clock: Clock;
  /** Deadline of one event, retry included; default DEFAULT_HOOK_TIMEOUT_MS. */
  timeoutMs?: number;
  /** What the body carries besides the query string; default 'json' (smart-call-wire.ts says why). */
  bodyEncoding?: SmartCallBodyEncoding;
}

/** The HTTP adapter of SmartCallHook; see the module comment. */
export class HttpSmartCallHook implements SmartCallHook {
  private readonly timeoutMs: number;
  private readonly encoding: SmartCallBodyEncoding;

  constructor(private readonly options: HttpSmartCallHookOptions) {
    const protocol = new URL(options.url).protocol;
    if (protocol !== 'http:' && protocol !== 'https:') throw new RangeError(`callback URL must be http or https, got ${protocol}`);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS;
    if (!(this.timeoutMs > 0) || !Number.isFinite(this.timeoutMs)) throw new RangeError(`hook timeout must be > 0 ms, got ${this.timeoutMs}`);
    this.encoding = options.bodyEncoding ?? 'json';
  }

  /** POSTs the event; resolves with the parsed JSON answer or the failure; never rejects. */
  async send(event: SmartCallEvent, signal?: AbortSignal): Promise<HookReply> {
    const deadline = new AbortController();
    const cancel = this.options.clock.after(this.timeoutMs, () => deadline.abort());
    const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    try {
      for (let attempt = 1; ; attempt++) {
        const result = await this.attempt(event, combined);
        if (result.ok || !result.retryable || attempt > 1 || combined.aborted) return this.settle(result, deadline.signal, signal);
      }
    } finally {
      cancel();
    }
  }

  /** Names an abort by who caused it; passes any other outcome through. */
  private settle(result: Attempt, deadline: AbortSignal, caller: AbortSignal | undefined): HookReply {
    if (result.ok) return result;
    if (caller?.aborted) return { ok: false, failure: 'aborted', detail: 'the call ended while waiting for the answer' };
    if (deadline.aborted) return { ok: false, failure: 'timeout', detail: `no answer within ${this.timeoutMs} ms` };
    return { ok: false, failure: result.failure, detail: result.detail };
  }

  /** One POST: the failure says whether it may be retried (no response had begun). */
  private async attempt(event: SmartCallEvent, signal: AbortSignal): Promise<Attempt> {
    const encoded = encodeEvent(this.options.url, event, this.encoding);
    let response: Response;
    try {
      response = await fetch(encoded.url, {
        method: 'POST',
        headers: { accept: 'application/json', ...(encoded.contentType ? { 'content-type': encoded.contentType } : {}) },
        ...(encoded.body !== undefined ? { body: encoded.body } : {}),
        // A redirect would turn the POST into a GET on most servers; the configured URL must be the final one.
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      return { ok: false, failure: 'unreachable', detail: describe(error), retryable: RETRYABLE.has(errorCode(error) ?? '') };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return { ok: false, failure: 'unreachable', detail: `answer cut off: ${describe(error)}`, retryable: false };
    }
    if (response.status < 200 || response.status > 299) {
      return { ok: false, failure: 'http-status', detail: `HTTP ${response.status}${snippet(text)}`, retryable: false };
    }
    return parseBody(text);
  }
}

/** One POST's outcome: an answer, or a failure that may or may not be retried. */
type Attempt = { ok: true; body: unknown } | { ok: false; failure: 'unreachable' | 'http-status' | 'unreadable'; detail: string; retryable: boolean };

/** The body as JSON (a UTF-8 byte order mark tolerated), or why it is unreadable. */
function parseBody(text: string): Attempt {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, failure: 'unreadable', detail: 'empty body', retryable: false };
  try {
    return { ok: true, body: JSON.parse(trimmed) as unknown };
  } catch {
    return { ok: false, failure: 'unreadable', detail: `not JSON${snippet(trimmed)}`, retryable: false };
  }
}

/** The first characters of a body, for logs and tags. */
function snippet(text: string): string {
  const cut = text.trim().slice(0, 80);
  return cut === '' ? '' : `: ${cut}`;
}

/** Node's error code of a failed fetch (undici puts it on `cause`). */
function errorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = cause?.code ?? (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}
