/**
 * A blind transfer of an answered call (RFC 3515 REFER, RFC 5589 §6): we ask the far end (the trunk, acting for the
 * callee) to call `target`, and it reports how that call goes in NOTIFYs whose body is a SIP status line
 * (message/sipfrag). A 2xx there means the callee is now talking to the target: the transfer succeeded and we leave
 * the call (the caller sends BYE). A refused REFER, a failed status, or no final status in time means it failed, and
 * the call with us goes on.
 */
import type { SipRequest } from '../signalling/sip-message.js';
import { NonInviteClientTransaction, type TransactionTimers } from './client-transaction.js';
import { buildRefer, type UacDialog } from './uac-messages.js';
import type { SipPeer, SipUdpTransport } from './udp-transport.js';

/** How a transfer ended. */
export type ReferOutcome = { ok: true } | { ok: false; reason: string };

/** What a transfer is sent with. */
export interface ReferContext {
  transport: SipUdpTransport;
  dialog: UacDialog;
  proxy: SipPeer;
  timers: TransactionTimers;
  /** The CSeq of the REFER (the dialog's next). */
  seq: number;
  /** Longest wait for the target's final status after the REFER was accepted. */
  timeoutMs: number;
}

/** The status code of a message/sipfrag body (`SIP/2.0 200 OK`), or undefined when it holds none. */
export function sipfragStatus(body: string): number | undefined {
  const match = /^SIP\/2\.0\s+(\d{3})\b/.exec(body.trimStart());
  return match ? Number(match[1]) : undefined;
}

/** One REFER and the NOTIFYs that report on it. */
export class ReferTransfer {
  readonly done: Promise<ReferOutcome>;
  private settle!: (outcome: ReferOutcome) => void;
  private settled = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly context: ReferContext, target: string) {
    this.done = new Promise((resolve) => (this.settle = resolve));
    const { transport, dialog, proxy, timers, seq } = context;
    const refer = buildRefer(dialog, transport.local, seq, target);
    new NonInviteClientTransaction(transport, refer, proxy, timers, {
      onResponse: (response) => {
        if (response.status >= 300) this.finish({ ok: false, reason: `the far end refused the transfer (${response.status} ${response.reason})` });
        else this.timer = setTimeout(() => this.finish({ ok: false, reason: 'no final status of the transfer in time' }), context.timeoutMs);
      },
      onFailure: () => this.finish({ ok: false, reason: 'the REFER got no answer' }),
    }).start();
  }

  /** A NOTIFY of the `refer` event arrived in the dialog (already answered 200). */
  onNotify(request: SipRequest): void {
    const status = sipfragStatus(request.body);
    const terminated = /^\s*terminated/i.test(request.headers.get('Subscription-State') ?? '');
    if (status !== undefined && status >= 200 && status < 300) this.finish({ ok: true });
    else if (status !== undefined && status >= 300) this.finish({ ok: false, reason: `the transfer target answered ${status}` });
    else if (terminated) this.finish({ ok: false, reason: 'the transfer ended without a final status' });
  }

  /** The call ended first. */
  cancel(reason: string): void {
    this.finish({ ok: false, reason });
  }

  private finish(outcome: ReferOutcome): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.settle(outcome);
  }
}
