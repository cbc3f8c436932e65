/**
 * One outbound call through the SIP trunk, from INVITE to the end of the dialog: provisional responses (180
 * ringing, 183 early media), the answer and its ACK, digest authentication (one retry per call), CANCEL on ring
 * timeout or abort, BYE in both directions, re-INVITE (hold) from the far end, blind transfer by REFER
 * (refer-transfer.ts), and the longest call time. Every
 * way a call can end becomes ONE `ended` event carrying the CallResult of final-responses.ts, so the telephony
 * adapter only translates events. RTP itself is not handled here: the call is given the local RTP address to
 * offer and reports the far end's media address as negotiated.
 */
import { EventEmitter } from 'node:events';
import { randomInt } from 'node:crypto';
import type { HangupBy } from '../../../../ports/call-session.js';
import type { CallResult } from '../../../../core/calls/call-result.js';
import { challengeOf, answerDigestChallenge } from '../signalling/digest-auth.js';
import { mapFinalResponse, mapLocalEnding, type FinalMapping } from '../signalling/final-responses.js';
import { CSeqCounter, newBranch, newCallId, newTag } from '../signalling/identifiers.js';
import { buildAudioSdp, type AudioCodecName } from '../signalling/sdp.js';
import { negotiateAudio, type NegotiatedAudio } from '../signalling/sdp-negotiation.js';
import type { SipRequest, SipResponse } from '../signalling/sip-message.js';
import { InviteClientTransaction, NonInviteClientTransaction, timersFor, type TransactionTimers } from './client-transaction.js';
import { DialogServer } from './dialog-server.js';
import { ReferTransfer, type ReferOutcome } from './refer-transfer.js';
import { buildCancel, buildInDialog, buildInvite, learnRemote, viaFor, type UacDialog } from './uac-messages.js';
import type { SipPeer, SipUdpTransport } from './udp-transport.js';

/** The trunk the call goes through. */
export interface TrunkSettings {
  /** Every request goes to this proxy (the carrier, SBC or gateway). */
  proxy: SipPeer;
  /** The domain of From and To URIs (the trunk's realm, often the proxy's host). */
  domain: string;
  /** The user of From and Contact when the call gives no caller id. */
  fromUser: string;
  /** Digest credentials, answered once per call to a 401/407. */
  username?: string;
  password?: string;
}

/** One call's settings. */
export interface UacCallOptions {
  transport: SipUdpTransport;
  trunk: TrunkSettings;
  /** The number dialled (user part of the Request-URI and To). */
  callee: string;
  /** Caller id shown to the callee; the trunk's fromUser by default. */
  callerId?: string;
  /** Where waihu receives this call's RTP (offered in the SDP). */
  rtp: { address: string; port: number };
  codecs?: readonly AudioCodecName[];
  /** CANCEL after this long without an answer; 60 s by default. */
  ringTimeoutMs?: number;
  /** BYE after this long of talk time; unlimited by default. */
  maxDurationMs?: number;
  /** RFC 3261 T1; smaller in tests. */
  t1Ms?: number;
  now?: () => number;
}

/** How the call ended. */
export interface UacCallEnding {
  result: CallResult;
  /** dyvms status code of `result`. */
  statusCode: string;
  /** The final SIP status of the INVITE when one decided the outcome (absent for local endings and after answer). */
  sipStatus?: number;
  /** The final-responses.ts table row used. */
  key: string;
  hangupBy: HangupBy;
  at: number;
  /** Why, in words, for failures and platform cuts. */
  reason?: string;
}

/** Events, in order: ringing and earlyMedia (optional), answered (optional), mediaChanged (any), ended (once). */
export interface UacCallEvents {
  ringing: [at: number];
  earlyMedia: [remote: NegotiatedAudio, at: number];
  answered: [remote: NegotiatedAudio, at: number];
  /** A re-INVITE changed the far end's media (hold or resume); `remote.onHold` tells which. */
  mediaChanged: [remote: NegotiatedAudio];
  ended: [ending: UacCallEnding];
}

type Phase = 'idle' | 'inviting' | 'answered' | 'ending' | 'ended';

const DEFAULT_RING_TIMEOUT_MS = 60_000;
/** How long a transfer may take to report the target's answer (its ringing included). */
const DEFAULT_TRANSFER_TIMEOUT_MS = 60_000;

/** An outbound call. Create, subscribe, then `start()`. */
export class UacCall extends EventEmitter<UacCallEvents> {
  readonly dialog: UacDialog;
  private phase: Phase = 'idle';
  private readonly timers: TransactionTimers;
  private readonly cseq = new CSeqCounter();
  private readonly sessionId = String(randomInt(1, 2 ** 31));
  private readonly now: () => number;
  private invite: InviteClientTransaction | undefined;
  private authAnswered = false;
  private provisionalSeen = false;
  private rang = false;
  private ringingReported = false;
  private cancelledFor: 'ring-timeout' | 'platform-cancel' | undefined;
  private cancelSent = false;
  private ack: SipRequest | undefined;
  private ringTimer: NodeJS.Timeout | undefined;
  private durationTimer: NodeJS.Timeout | undefined;
  private cancelGuard: NodeJS.Timeout | undefined;
  private readonly server: DialogServer;
  private unregister: (() => void) | undefined;
  /** The transfer in progress, if any: NOTIFYs go to it. */
  private referring: ReferTransfer | undefined;

  constructor(private readonly options: UacCallOptions) {
    super();
    this.timers = timersFor(options.t1Ms);
    this.now = options.now ?? Date.now;
    const local = options.transport.local;
    const { trunk } = options;
    const caller = options.callerId ?? trunk.fromUser;
    const requestUri = `sip:${options.callee}@${trunk.domain}`;
    this.dialog = {
      callId: newCallId(local.host), localUri: `sip:${caller}@${trunk.domain}`, localTag: newTag(), remoteUri: requestUri,
      remoteTarget: requestUri, routeSet: [], contact: `sip:${caller}@${local.host}:${local.port}`,
    };
    this.server = new DialogServer({
      transport: options.transport, dialog: this.dialog, timers: this.timers,
      answerSdp: (direction, version) => buildAudioSdp({ ...this.sdpInput(), direction, version }),
      isAnswered: () => this.phase === 'answered',
      onRemoteBye: () => this.finish(mapFinalResponse(200, { rang: this.rang }), 'callee'),
      onMediaChanged: (audio) => this.emit('mediaChanged', audio),
      onReferNotify: (request) => {
        this.referring?.onNotify(request);
        return this.referring !== undefined;
      },
      onAckRetransmitNeeded: (response) => this.reAck(response),
    });
  }

  /** Sends the INVITE; the outcome arrives as events. */
  start(): void {
    if (this.phase !== 'idle') throw new Error('call already started');
    this.phase = 'inviting';
    this.unregister = this.options.transport.addDialog(this.dialog.callId, this.server);
    this.ringTimer = setTimeout(() => this.cancel('ring-timeout'), this.options.ringTimeoutMs ?? DEFAULT_RING_TIMEOUT_MS);
    this.sendInvite(this.cseq.current);
  }

  /** Hangs up: BYE after answer (hung up by `by`), CANCEL before it (a platform cancel). */
  hangup(by: HangupBy = 'robot'): void {
    if (this.phase === 'answered') this.sendBye(by, mapFinalResponse(200, { rang: this.rang }));
    else if (this.phase === 'inviting') this.cancel('platform-cancel');
  }

  /**
   * Asks the far end to call `target` (a SIP URI) in our place. On success the call is left to the caller to end
   * (hangup); on failure it goes on. One transfer at a time.
   */
  transfer(target: string, timeoutMs = DEFAULT_TRANSFER_TIMEOUT_MS): Promise<ReferOutcome> {
    if (this.phase !== 'answered') return Promise.resolve({ ok: false, reason: 'the call is not answered' });
    if (this.referring) return Promise.resolve({ ok: false, reason: 'a transfer is already in progress' });
    const { transport, trunk } = this.options;
    const transfer = new ReferTransfer({ transport, dialog: this.dialog, proxy: trunk.proxy, timers: this.timers, seq: this.cseq.next(), timeoutMs }, target);
    this.referring = transfer;
    return transfer.done.finally(() => {
      if (this.referring === transfer) this.referring = undefined;
    });
  }

  /** The platform aborts the call: CANCEL before answer, BYE by 'system' after. */
  abort(): void {
    this.hangup('system');
  }

  private sdpInput(): { address: string; port: number; sessionId: string; codecs?: readonly AudioCodecName[] } {
    const input = { address: this.options.rtp.address, port: this.options.rtp.port, sessionId: this.sessionId };
    return this.options.codecs ? { ...input, codecs: this.options.codecs } : input;
  }

  private sendInvite(seq: number, authorization?: { header: string; value: string }): void {
    const sdp = buildAudioSdp({ ...this.sdpInput(), version: 1 });
    const request = buildInvite(this.dialog, viaFor(this.options.transport.local, newBranch()), seq, sdp, authorization);
    this.invite = new InviteClientTransaction(this.options.transport, request, this.options.trunk.proxy, this.timers, {
      onResponse: (response) => this.onInviteResponse(request, response),
      onFailure: (reason) => this.onInviteFailure(reason),
    });
    this.invite.start();
  }

  private onInviteResponse(request: SipRequest, response: SipResponse): void {
    if (this.phase === 'ended') {
      if (response.status < 300 && response.status >= 200) this.ackAndBye(response);
      return;
    }
    if (response.status < 200) return this.onProvisional(response);
    if (response.status < 300) return this.onAnswer(response);
    if ((response.status === 401 || response.status === 407) && this.retryWithCredentials(request, response)) return;
    const mapping = mapFinalResponse(response.status, this.cancelledFor ? { rang: this.rang, cancelledFor: this.cancelledFor } : { rang: this.rang });
    // A refusal is the callee's (or its network's) doing; a 487 after our CANCEL and auth failures are ours.
    const by: HangupBy = this.cancelledFor || response.status === 401 || response.status === 407 ? 'system' : 'callee';
    this.finish(mapping, by, response.status, `${response.status} ${response.reason}`);
  }

  private onProvisional(response: SipResponse): void {
    this.provisionalSeen = true;
    if (this.cancelledFor && !this.cancelSent) this.sendCancel();
    if (response.status === 180) this.rang = true;
    // 183 counts as ringing for the report (ringback often comes as early media) but not for the 480 mapping.
    if ((response.status === 180 || response.status === 183) && !this.ringingReported) {
      this.ringingReported = true;
      this.emit('ringing', this.now());
    }
    if (response.body.trim()) {
      const audio = negotiateAudio(response.body, this.options.codecs);
      if (audio.ok) this.emit('earlyMedia', audio.audio, this.now());
    }
  }

  private onAnswer(response: SipResponse): void {
    learnRemote(this.dialog, response);
    this.ack = buildInDialog('ACK', this.dialog, this.options.transport.local, this.cseq.current);
    void this.options.transport.send(this.ack, this.options.trunk.proxy);
    clearTimeout(this.ringTimer);
    if (this.cancelledFor) {
      // The answer crossed our CANCEL: the call exists, so it is ended with a BYE and reported as cancelled.
      return this.sendBye('system', mapLocalEnding(this.cancelledFor));
    }
    const audio = negotiateAudio(response.body, this.options.codecs);
    if (!audio.ok) return this.sendBye('system', mapFinalResponse(488, { rang: this.rang }), audio.error);
    this.phase = 'answered';
    if (this.options.maxDurationMs !== undefined) {
      this.durationTimer = setTimeout(() => this.sendBye('system', mapLocalEnding('max-duration'), 'longest call time reached'), this.options.maxDurationMs);
    }
    this.emit('answered', audio.audio, this.now());
  }

  /** Answers a challenge once: the same INVITE with the next CSeq and the Authorization header. */
  private retryWithCredentials(request: SipRequest, response: SipResponse): boolean {
    const { username, password } = this.options.trunk;
    if (this.authAnswered || username === undefined || password === undefined) return false;
    const challenge = challengeOf(response);
    if (!challenge.ok) return false;
    this.authAnswered = true;
    const value = answerDigestChallenge(challenge.challenge, { username, password }, { method: 'INVITE', uri: request.uri, body: request.body });
    this.sendInvite(this.cseq.next(), { header: challenge.header, value });
    return true;
  }

  private onInviteFailure(reason: 'timeout' | 'transport'): void {
    if (this.phase !== 'inviting') return;
    if (this.cancelledFor) return this.finish(mapLocalEnding(this.cancelledFor), 'system', undefined, 'no response to the INVITE before the CANCEL');
    const mapping = mapLocalEnding(reason === 'timeout' ? 'no-response' : 'transport-failure');
    this.finish(mapping, 'system', undefined, reason === 'timeout' ? 'the trunk did not answer the INVITE' : 'the INVITE could not be sent');
  }

  private cancel(reason: 'ring-timeout' | 'platform-cancel'): void {
    if (this.phase !== 'inviting' || this.cancelledFor) return;
    this.cancelledFor = reason;
    clearTimeout(this.ringTimer);
    // A CANCEL may only follow a provisional response (§9.1); otherwise it goes out when one arrives.
    if (this.provisionalSeen) this.sendCancel();
  }

  private sendCancel(): void {
    const invite = this.invite;
    if (!invite) return;
    this.cancelSent = true;
    const transaction = new NonInviteClientTransaction(this.options.transport, buildCancel(invite.request), this.options.trunk.proxy, this.timers, {
      onResponse: () => undefined,
      onFailure: () => undefined,
    });
    transaction.start();
    // The 487 normally ends the call; if it never comes, the call still ends.
    this.cancelGuard = setTimeout(() => {
      invite.terminate();
      this.finish(mapLocalEnding(this.cancelledFor!), 'system', undefined, 'no 487 after CANCEL');
    }, this.timers.timeout);
  }

  private sendBye(by: HangupBy, mapping: FinalMapping, reason?: string): void {
    if (this.phase === 'ending' || this.phase === 'ended') return;
    this.phase = 'ending';
    clearTimeout(this.durationTimer);
    const bye = buildInDialog('BYE', this.dialog, this.options.transport.local, this.cseq.next());
    const done = () => this.finish(mapping, by, undefined, reason);
    new NonInviteClientTransaction(this.options.transport, bye, this.options.trunk.proxy, this.timers, { onResponse: done, onFailure: done }).start();
  }

  /** A 2xx arriving after the call ended (it crossed a CANCEL late): acknowledge and release it at once. */
  private ackAndBye(response: SipResponse): void {
    const dialog: UacDialog = { ...this.dialog, routeSet: [] };
    learnRemote(dialog, response);
    const local = this.options.transport.local;
    void this.options.transport.send(buildInDialog('ACK', dialog, local, this.cseq.current), this.options.trunk.proxy);
    void this.options.transport.send(buildInDialog('BYE', dialog, local, this.cseq.next()), this.options.trunk.proxy);
  }

  /** The far end retransmits its 2xx: our ACK was lost, send it again (§13.2.2.4). */
  private reAck(response: SipResponse): void {
    if (this.ack && response.status >= 200 && response.status < 300) void this.options.transport.send(this.ack, this.options.trunk.proxy);
  }

  private finish(mapping: FinalMapping, hangupBy: HangupBy, sipStatus?: number, reason?: string): void {
    if (this.phase === 'ended') return;
    this.phase = 'ended';
    this.referring?.cancel('the call ended during the transfer');
    for (const timer of [this.ringTimer, this.durationTimer, this.cancelGuard]) clearTimeout(timer);
    // The dialog stays routed a little longer so a retransmitted BYE is still answered 200, not 481.
    const unregister = this.unregister;
    setTimeout(() => {
      unregister?.();
      this.server.dispose();
    }, this.timers.linger).unref();
    const ending: UacCallEnding = { result: mapping.result, statusCode: mapping.statusCode, key: mapping.key, hangupBy, at: this.now() };
    if (sipStatus !== undefined) ending.sipStatus = sipStatus;
    if (reason !== undefined) ending.reason = reason;
    this.emit('ended', ending);
  }
}
