/**
 * Watches one HTTP attempt: an idle timer (the wait for headers, then each gap between chunks) and the caller's
 * barge-in signal both abort it, and afterwards it tells which of them did, so the failure gets the right name.
 */
import { LlmError } from '../../ports/llm.js';

/** The error a cancelled model call rejects with: the caller's own AbortError when it gave one, else a fresh one. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('the model request was aborted', 'AbortError');
}

function causeText(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return (cause as { code?: string }).code ?? cause.message;
  return error.message;
}

/** One attempt's abort controller, idle timer and verdict on why it ended. */
export class AttemptWatch {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private timedOut = false;
  private headersSeen = false;
  private readonly onCallerAbort = () => this.controller.abort(this.caller?.reason);

  constructor(
    private readonly idleMs: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    caller?.addEventListener('abort', this.onCallerAbort, { once: true });
    this.arm();
  }

  /** Aborts the HTTP request; passed to fetch. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Restarts the idle timer: call before each wait on the server. */
  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.idleMs);
  }

  /** Notes that the response headers came, so a later timeout is reported as a stalled answer. */
  gotHeaders(): void {
    this.headersSeen = true;
  }

  /** Stops the timer and lets go of the caller's signal. */
  dispose(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }

  /** Names a failure of the attempt: AbortError when the caller cancelled, LlmError for timeouts and network faults. */
  explain(error: unknown, endpoint: string): unknown {
    if (this.caller?.aborted) return abortError(this.caller);
    if (this.timedOut) {
      const what = this.headersSeen ? 'the answer stalled for more than' : 'no answer within';
      return new LlmError(`${endpoint}: ${what} ${this.idleMs} ms`, 'timeout');
    }
    if (error instanceof LlmError) return error;
    // fetch reports refused connections, resets and cut bodies as TypeError; anything else is not ours to rename.
    if (error instanceof TypeError) return new LlmError(`${endpoint}: ${causeText(error)}`, 'network');
    return error;
  }
}
