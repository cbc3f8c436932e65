/**
 * Client transactions over UDP (RFC 3261 §17.1): what makes a request reliable on a lossy transport. The INVITE
 * transaction retransmits on timer A (T1, doubling) until any response, gives up on timer B (64*T1) without one,
 * and acknowledges a non-2xx final itself; a 2xx goes to the call, whose dialog sends the ACK. The non-INVITE
 * transaction (BYE, CANCEL) retransmits on timer E (doubling up to T2) and gives up on timer F (64*T1). After a
 * final response each lingers a while (timers D and K) to absorb retransmissions of it. T1 is a setting so tests
 * can run the same timers scaled down.
 */
import { SipHeaders } from '../signalling/sip-headers.js';
import { parseVia } from '../signalling/sip-header-values.js';
import type { SipRequest, SipResponse } from '../signalling/sip-message.js';
import { transactionKey, type SipPeer, type SipUdpTransport } from './udp-transport.js';

/** The RFC's default round-trip estimate. */
export const DEFAULT_T1_MS = 500;

/** What the transaction user (the call) hears. */
export interface TransactionUser {
  /** A response that is not a retransmission: provisional ones, then the final one. */
  onResponse(response: SipResponse): void;
  /** No final response in time (timer B or F), or the socket refused the request. */
  onFailure(reason: 'timeout' | 'transport'): void;
}

/** Timer durations derived from T1; T2 and T4 keep the RFC's ratios to T1 (4 s and 5 s at the default). */
export interface TransactionTimers {
  t1: number;
  t2: number;
  /** Timer B / F. */
  timeout: number;
  /** Timer D / K: how long a completed transaction absorbs retransmissions. */
  linger: number;
}

/** Timers for a given T1. */
export function timersFor(t1: number = DEFAULT_T1_MS): TransactionTimers {
  return { t1, t2: 8 * t1, timeout: 64 * t1, linger: 10 * t1 };
}

type State = 'calling' | 'proceeding' | 'completed' | 'terminated';

/** Shared machinery: registration, the retransmit timer, the overall timeout, the linger, clean-up. */
abstract class ClientTransaction {
  protected state: State = 'calling';
  private retransmitTimer: NodeJS.Timeout | undefined;
  private timeoutTimer: NodeJS.Timeout | undefined;
  private lingerTimer: NodeJS.Timeout | undefined;
  private unregister: (() => void) | undefined;

  constructor(
    protected readonly transport: SipUdpTransport,
    readonly request: SipRequest,
    protected readonly destination: SipPeer,
    protected readonly timers: TransactionTimers,
    protected readonly user: TransactionUser,
  ) {}

  /** The branch of the request's top Via, which the responses echo. */
  get branch(): string {
    return parseVia(this.request.headers.get('Via') ?? '')?.branch ?? '';
  }

  /** Sends the request and starts the timers. */
  start(): void {
    this.unregister = this.transport.addTransaction(transactionKey(this.branch, this.request.method), (response) => this.receive(response));
    this.sendRequest();
    this.scheduleRetransmit(this.timers.t1);
    this.timeoutTimer = setTimeout(() => this.fail('timeout'), this.timers.timeout);
  }

  /** Stops every timer and stops listening; the call is done with this transaction. */
  terminate(): void {
    this.state = 'terminated';
    this.stopRetransmitting();
    clearTimeout(this.timeoutTimer);
    clearTimeout(this.lingerTimer);
    this.unregister?.();
  }

  protected abstract receive(response: SipResponse): void;

  /** The next retransmit interval after `interval`. */
  protected abstract nextInterval(interval: number): number;

  protected sendRequest(): void {
    void this.transport.send(this.request, this.destination).then((sent) => {
      if (!sent && this.state === 'calling') this.fail('transport');
    });
  }

  protected stopRetransmitting(): void {
    clearTimeout(this.retransmitTimer);
    this.retransmitTimer = undefined;
  }

  protected clearOverallTimeout(): void {
    clearTimeout(this.timeoutTimer);
    this.timeoutTimer = undefined;
  }

  /** Enters Completed: stops the timers and lingers, then terminates. */
  protected complete(): void {
    this.state = 'completed';
    this.stopRetransmitting();
    clearTimeout(this.timeoutTimer);
    // Lingering only absorbs retransmissions; it must not keep the process alive on shutdown.
    this.lingerTimer = setTimeout(() => this.terminate(), this.timers.linger).unref();
  }

  protected scheduleRetransmit(interval: number): void {
    this.retransmitTimer = setTimeout(() => {
      if (this.state === 'completed' || this.state === 'terminated') return;
      this.sendRequest();
      this.scheduleRetransmit(this.nextInterval(interval));
    }, interval);
  }

  private fail(reason: 'timeout' | 'transport'): void {
    if (this.state === 'completed' || this.state === 'terminated') return;
    this.terminate();
    this.user.onFailure(reason);
  }
}

/** The INVITE client transaction (§17.1.1). */
export class InviteClientTransaction extends ClientTransaction {
  private ack: SipRequest | undefined;

  protected nextInterval(interval: number): number {
    return interval * 2;
  }

  protected receive(response: SipResponse): void {
    if (this.state === 'terminated') return;
    if (this.state === 'completed') {
      // Our ACK was lost: the final response is retransmitted, so is the ACK.
      if (response.status >= 300 && this.ack) void this.transport.send(this.ack, this.destination);
      return;
    }
    if (response.status < 200) {
      // Any provisional response proves the INVITE arrived: no more retransmissions, and no timer B either,
      // since ringing may last long; the call's ring timeout bounds it instead.
      this.state = 'proceeding';
      this.stopRetransmitting();
      this.clearOverallTimeout();
      this.user.onResponse(response);
      return;
    }
    if (response.status < 300) {
      // The 2xx ends the transaction; the dialog ACKs it and absorbs its retransmissions (§13.2.2.4).
      this.terminate();
      this.user.onResponse(response);
      return;
    }
    this.ack = ackForFailure(this.request, response);
    void this.transport.send(this.ack, this.destination);
    this.complete();
    this.user.onResponse(response);
  }
}

/** The non-INVITE client transaction (§17.1.2), for BYE and CANCEL. */
export class NonInviteClientTransaction extends ClientTransaction {
  protected nextInterval(interval: number): number {
    return this.state === 'proceeding' ? this.timers.t2 : Math.min(interval * 2, this.timers.t2);
  }

  protected receive(response: SipResponse): void {
    if (this.state === 'completed' || this.state === 'terminated') return;
    if (response.status < 200) {
      this.state = 'proceeding';
      return;
    }
    this.complete();
    this.user.onResponse(response);
  }
}

/**
 * The ACK for a non-2xx final (§17.1.1.3): same Request-URI, branch, Call-ID, From and CSeq number as the INVITE,
 * the To of the response (with its tag), and the INVITE's Route headers.
 */
export function ackForFailure(invite: SipRequest, response: SipResponse): SipRequest {
  const headers = new SipHeaders();
  headers.append('Via', invite.headers.get('Via') ?? '');
  for (const route of invite.headers.getAll('Route')) headers.append('Route', route);
  headers.append('Max-Forwards', 70);
  headers.append('From', invite.headers.get('From') ?? '');
  headers.append('To', response.headers.get('To') ?? '');
  headers.append('Call-ID', invite.headers.get('Call-ID') ?? '');
  const seq = (invite.headers.get('CSeq') ?? '').trim().split(/\s+/)[0];
  headers.append('CSeq', `${seq} ACK`);
  return { kind: 'request', method: 'ACK', uri: invite.uri, headers, body: '' };
}
