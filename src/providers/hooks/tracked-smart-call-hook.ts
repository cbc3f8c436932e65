/**
 * A SmartCallHook that counts the events waiting for an answer. A virtual clock cannot see a request waiting for
 * its response on a socket, so it would jump ahead (ending calls, firing mute timeouts) while the customer's server
 * thinks; wired as the clock's `isBusy` hook, this count makes virtual time hold still during each exchange.
 */
import type { HookReply, SmartCallEvent, SmartCallHook } from '../../ports/smart-call-hook.js';

/** A count of exchanges in flight, shared by every hook of one clock (one customer URL per account). */
export class InFlightCount {
  value = 0;
}

/** The counting decorator; see the module comment. */
export class TrackedSmartCallHook implements SmartCallHook {
  constructor(
    private readonly inner: SmartCallHook,
    private readonly count: InFlightCount = new InFlightCount(),
  ) {}

  /** Events sent through any hook sharing this count and not yet answered (or failed). */
  get inFlight(): number {
    return this.count.value;
  }

  /** Sends through the wrapped hook, counted while it waits. */
  async send(event: SmartCallEvent, signal?: AbortSignal): Promise<HookReply> {
    this.count.value++;
    try {
      return await this.inner.send(event, signal);
    } finally {
      this.count.value--;
    }
  }
}
