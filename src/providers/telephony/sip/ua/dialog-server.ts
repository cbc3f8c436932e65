/**
 * The server side of an outbound call's dialog: the requests the far end sends into it (RFC 3261 §12.2.2). BYE is
 * answered 200 and ends the call; a re-INVITE (hold with sendonly/inactive, or resume) is answered 200 with an SDP
 * mirroring its direction (RFC 3264 §6.1), retransmitted until the ACK (§13.3.1.4); OPTIONS is answered 200; a
 * NOTIFY of a transfer we asked for (Event: refer) is answered 200 and handed to the call, any other NOTIFY gets 481.
 * Requests whose To tag is not ours get 481, so a stray or forged request cannot touch the call.
 */
import { parseCSeq, parseNameAddr } from '../signalling/sip-header-values.js';
import { responseTo, type SipRequest, type SipResponse } from '../signalling/sip-message.js';
import type { MediaDirection } from '../signalling/sdp.js';
import { answeringDirection, negotiateAudio, type NegotiatedAudio } from '../signalling/sdp-negotiation.js';
import type { TransactionTimers } from './client-transaction.js';
import { ALLOWED_METHODS, USER_AGENT, type UacDialog } from './uac-messages.js';
import type { DialogHandler, SipPeer, SipUdpTransport } from './udp-transport.js';

/** What the dialog server needs from its call. */
export interface DialogServerOptions {
  transport: SipUdpTransport;
  dialog: UacDialog;
  timers: TransactionTimers;
  /** Our SDP answering a re-INVITE with `direction`, as description version `version`. */
  answerSdp(direction: MediaDirection, version: number): string;
  /** True while the call is answered (re-INVITEs are taken only then). */
  isAnswered(): boolean;
  onRemoteBye(): void;
  onMediaChanged(audio: NegotiatedAudio): void;
  /** A NOTIFY of the `refer` event; false when no transfer is waiting for one. */
  onReferNotify(request: SipRequest): boolean;
  /** A response not matched to a transaction (a retransmitted 2xx of our INVITE). */
  onAckRetransmitNeeded(response: SipResponse): void;
}

/** Answers the far end's requests in one dialog. */
export class DialogServer implements DialogHandler {
  /** The last re-INVITE answered, by CSeq number, to answer its retransmissions alike. */
  private lastReinvite: { seq: number; response: SipResponse; to: SipPeer } | undefined;
  private retransmitTimer: NodeJS.Timeout | undefined;
  private sdpVersion = 1;

  constructor(private readonly options: DialogServerOptions) {}

  onRequest(request: SipRequest, from: SipPeer): void {
    const toTag = parseNameAddr(request.headers.get('To') ?? '')?.tag;
    if (request.method === 'ACK') {
      if (toTag === this.options.dialog.localTag) this.stopRetransmitting();
      return;
    }
    if (toTag !== this.options.dialog.localTag) return this.reply(request, from, 481, 'Call/Transaction Does Not Exist');
    if (request.method === 'BYE') {
      this.reply(request, from, 200, 'OK');
      this.options.onRemoteBye();
      return;
    }
    if (request.method === 'INVITE') return this.onReinvite(request, from);
    if (request.method === 'NOTIFY') {
      const isRefer = /^\s*refer\b/i.test(request.headers.get('Event') ?? '');
      if (!isRefer || !this.options.onReferNotify(request)) return this.reply(request, from, 481, 'Subscription Does Not Exist');
      this.reply(request, from, 200, 'OK');
      return;
    }
    if (request.method === 'OPTIONS') {
      const response = responseTo(request, 200, 'OK');
      response.headers.append('Allow', ALLOWED_METHODS);
      void this.options.transport.send(response, from);
      return;
    }
    this.reply(request, from, 501, 'Not Implemented');
  }

  onStrayResponse(response: SipResponse): void {
    if (parseCSeq(response.headers.get('CSeq') ?? '')?.method === 'INVITE') this.options.onAckRetransmitNeeded(response);
  }

  /** Stops the 2xx retransmissions. */
  dispose(): void {
    this.stopRetransmitting();
  }

  private reply(request: SipRequest, to: SipPeer, status: number, reason: string): void {
    void this.options.transport.send(responseTo(request, status, reason), to);
  }

  private onReinvite(request: SipRequest, from: SipPeer): void {
    const seq = parseCSeq(request.headers.get('CSeq') ?? '')?.seq ?? 0;
    if (this.lastReinvite?.seq === seq) {
      void this.options.transport.send(this.lastReinvite.response, this.lastReinvite.to);
      return;
    }
    if (!this.options.isAnswered()) return this.reply(request, from, 491, 'Request Pending');
    // A re-INVITE without SDP asks us to offer (§14.2): offering our current sendrecv description is an answer too.
    const audio = request.body.trim() ? negotiateAudio(request.body) : undefined;
    if (audio && !audio.ok) return this.reply(request, from, 488, 'Not Acceptable Here');
    this.sdpVersion += 1;
    const response = responseTo(request, 200, 'OK');
    response.headers.append('Contact', `<${this.options.dialog.contact}>`);
    response.headers.append('Allow', ALLOWED_METHODS);
    response.headers.append('Server', USER_AGENT);
    response.headers.append('Content-Type', 'application/sdp');
    response.body = this.options.answerSdp(audio ? answeringDirection(audio.audio.direction) : 'sendrecv', this.sdpVersion);
    this.lastReinvite = { seq, response, to: from };
    void this.options.transport.send(response, from);
    this.retransmitUntilAck(response, from);
    if (audio?.ok) this.options.onMediaChanged(audio.audio);
  }

  /** §13.3.1.4: the 2xx is resent at T1 doubling up to T2 until the ACK arrives, for at most 64*T1. */
  private retransmitUntilAck(response: SipResponse, to: SipPeer): void {
    this.stopRetransmitting();
    const deadline = Date.now() + this.options.timers.timeout;
    const resend = (interval: number) => {
      this.retransmitTimer = setTimeout(() => {
        if (Date.now() >= deadline) return;
        void this.options.transport.send(response, to);
        resend(Math.min(interval * 2, this.options.timers.t2));
      }, interval);
      this.retransmitTimer.unref();
    };
    resend(this.options.timers.t1);
  }

  private stopRetransmitting(): void {
    clearTimeout(this.retransmitTimer);
    this.retransmitTimer = undefined;
  }
}
