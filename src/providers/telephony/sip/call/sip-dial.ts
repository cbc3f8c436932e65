/**
 * One outbound call of SipTelephony from INVITE to CDR: the UacCall's events are translated into the CallListener's
 * (ringing, answered with a SipCallSession, ended with a CallOutcome), the RTP stream follows what signalling learns
 * of the far end's media (183 early media, the 200, re-INVITEs), and every resource the call holds (RTP port, stream,
 * session) is let go exactly once, when the call ends.
 *
 * Recording: from the answer on, both legs go into a StereoRecorder by media slot (the first slot after the answer is
 * the file's first), which streams the WAV into a draft of the recording archive second by second; when the call is
 * over the draft is kept and the CDR (`ended`) reports it. A recording that cannot be stored does not lose the call:
 * the CDR goes out without one and the failure is reported through onRecordingError.
 */
import type { RecordingArchive, RecordingDraft } from '../../../../core/recordings/call-recording.js';
import { CallHungUpError } from '../../../../ports/call-session.js';
import type { CallListener, CallOutcome, DialRequest } from '../../../../ports/telephony.js';
import type { NegotiatedAudio } from '../signalling/sdp-negotiation.js';
import { PCMA, PCMU } from '../media/g711.js';
import type { MediaClock } from '../media/media-clock.js';
import { StereoRecorder } from '../audio/stereo-recorder.js';
import { RtpStream } from '../rtp/rtp-stream.js';
import type { RtpPortLease } from '../rtp/rtp-port-pool.js';
import { TELEPHONE_EVENT_PAYLOAD_TYPE } from '../signalling/sdp.js';
import { UacCall, type TrunkSettings, type UacCallEnding } from '../ua/uac-call.js';
import type { SipUdpTransport } from '../ua/udp-transport.js';
import { SipCallSession, type SipCallSessionOptions } from './sip-call-session.js';

/** What a dial is made of; the adapter builds it. */
export interface SipDialContext {
  request: DialRequest;
  listener: CallListener;
  transport: SipUdpTransport;
  trunk: TrunkSettings;
  lease: RtpPortLease;
  /** The address offered in the SDP for RTP (the lease's, or the advertised one behind NAT). */
  rtpAddress: string;
  clock: MediaClock;
  ringTimeoutMs?: number;
  maxDurationMs?: number;
  t1Ms?: number;
  /** Where answered calls' recordings go; without it nothing is recorded. */
  recordings?: RecordingArchive;
  /** A recording could not be stored (the call is reported without it). */
  onRecordingError?: (error: unknown, callId: string) => void;
  /** What the session is built with besides the call's own parts. */
  session: Omit<SipCallSessionOptions, 'callId' | 'variables' | 'media' | 'hangupCall'>;
}

/** One call; start() places it, `done` settles after `ended` was reported. */
export class SipDial {
  readonly done: Promise<void>;
  private readonly call: UacCall;
  private readonly stream: RtpStream;
  private session: SipCallSession | undefined;
  private ringAt: number | undefined;
  private answerAt: number | undefined;
  private flowFailure: string | undefined;
  private transferredTo: string | undefined;
  private over = false;
  private recorder: StereoRecorder | undefined;
  private draft: RecordingDraft | undefined;
  /** The media slot the recording starts at (the first one after the answer). */
  private firstRecordedSlot: number | undefined;
  private finished!: () => void;
  private readonly onAbort = (): void => this.call.abort();
  private readonly maxTalkMs: number | undefined;

  constructor(private readonly context: SipDialContext) {
    this.done = new Promise((resolve) => (this.finished = resolve));
    const { request } = context;
    this.stream = new RtpStream({
      socket: context.lease.socket, clock: context.clock, codec: PCMU, telephoneEventPayloadType: TELEPHONE_EVENT_PAYLOAD_TYPE,
      onAudio: (pcm, slot) => {
        this.record('received', slot, pcm);
        this.session?.hearAudio(pcm);
      },
      onSent: (pcm, slot) => this.record('sent', slot, pcm),
      onDtmf: (digit) => this.session?.hearDtmf(digit),
    });
    const limits = [context.maxDurationMs, request.sessionTimeoutMs].filter((ms): ms is number => ms !== undefined);
    this.maxTalkMs = limits.length > 0 ? Math.min(...limits) : undefined;
    this.call = new UacCall({
      transport: context.transport, trunk: context.trunk, callee: request.callee, callerId: request.caller,
      rtp: { address: context.rtpAddress, port: context.lease.port },
      ...(context.ringTimeoutMs !== undefined ? { ringTimeoutMs: context.ringTimeoutMs } : {}),
      ...(this.maxTalkMs !== undefined ? { maxDurationMs: this.maxTalkMs } : {}),
      ...(context.t1Ms !== undefined ? { t1Ms: context.t1Ms } : {}),
    });
    this.call.on('ringing', (at) => {
      this.ringAt = at;
      this.context.listener.ringing(at);
    });
    this.call.on('earlyMedia', (remote) => this.followMedia(remote));
    this.call.on('mediaChanged', (remote) => this.followMedia(remote));
    this.call.on('answered', (remote, at) => this.onAnswered(remote, at));
    this.call.on('ended', (ending) => this.onEnded(ending));
  }

  /** Sends the INVITE; an already aborted signal cancels it at once. */
  start(): void {
    const { signal } = this.context.request;
    this.call.start();
    if (signal?.aborted) this.call.abort();
    else signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  private followMedia(remote: NegotiatedAudio): void {
    this.stream.setCodec(remote.codec.name === 'PCMA' ? PCMA : PCMU, remote.telephoneEventPayloadType);
    this.stream.setRemote({ address: remote.remoteAddress, port: remote.remotePort });
  }

  private onAnswered(remote: NegotiatedAudio, at: number): void {
    this.followMedia(remote);
    this.answerAt = at;
    const { request } = this.context;
    if (this.context.recordings && request.record !== false) {
      this.draft = this.context.recordings.start(request.accountId, request.callId, at);
      // The recording never outlasts the call: the talk-time limit bounds the file.
      this.recorder = new StereoRecorder({ sink: this.draft, ...(this.maxTalkMs !== undefined ? { maxDurationMs: this.maxTalkMs + 1000 } : {}) });
    }
    const session = new SipCallSession({
      ...this.context.session, callId: request.callId, variables: request.variables ?? {}, media: this.stream,
      hangupCall: (by) => this.call.hangup(by),
      transferCall: (number) => this.transfer(number),
    });
    this.session = session;
    // The flow runs until it settles; then a call still up is hung up: by the robot, or by the system when the flow failed.
    Promise.resolve()
      .then(() => this.context.listener.answered(session, at))
      .then(
        () => this.call.hangup('robot'),
        (error: unknown) => {
          if (error instanceof CallHungUpError || this.over) return this.call.hangup('robot');
          this.flowFailure = `flow failed: ${error instanceof Error ? error.message : String(error)}`;
          this.call.hangup('system');
        },
      );
  }

  /** Blind transfer to `number` at the trunk's domain; the call stays up (and nothing is reported) when it fails. */
  private async transfer(number: string): Promise<void> {
    const outcome = await this.call.transfer(`sip:${number}@${this.context.trunk.domain}`);
    if (!outcome.ok) throw new Error(`the transfer to ${number} failed: ${outcome.reason}`);
    this.transferredTo = number;
  }

  private record(leg: 'received' | 'sent', slot: number, pcm: Int16Array): void {
    const recorder = this.recorder;
    if (!recorder) return;
    this.firstRecordedSlot ??= slot;
    // A received frame of a slot from before the answer (held in the jitter buffer) is early media: not recorded.
    if (slot >= this.firstRecordedSlot) recorder.write(leg, slot - this.firstRecordedSlot, pcm);
  }

  private onEnded(ending: UacCallEnding): void {
    this.over = true;
    this.context.request.signal?.removeEventListener('abort', this.onAbort);
    const reason = ending.reason ?? this.flowFailure;
    this.session?.end({ by: ending.hangupBy, at: ending.at, ...(reason !== undefined ? { reason } : {}) });
    this.stream.close();
    this.context.lease.release();
    const outcome: CallOutcome = {
      result: ending.result, statusCode: ending.statusCode, endAt: ending.at,
      durationMs: this.answerAt !== undefined ? Math.max(0, ending.at - this.answerAt) : 0, hangupBy: ending.hangupBy,
      ...(this.ringAt !== undefined ? { ringAt: this.ringAt } : {}),
      ...(this.answerAt !== undefined ? { answerAt: this.answerAt } : {}),
      ...(reason !== undefined ? { failureReason: reason } : {}),
      ...(this.transferredTo !== undefined ? { transferredTo: this.transferredTo } : {}),
    };
    void this.withRecording(outcome).then((reported) => {
      try {
        this.context.listener.ended(reported);
      } finally {
        this.finished();
      }
    });
  }

  /** The outcome with the call's recording stored and referenced, when there is one; never rejects. */
  private async withRecording(outcome: CallOutcome): Promise<CallOutcome> {
    const { recorder, draft } = this;
    this.recorder = undefined;
    this.draft = undefined;
    if (!recorder || !draft) return outcome;
    try {
      const durationMs = recorder.durationMs;
      recorder.finish();
      if (durationMs === 0) {
        await draft.discard();
        return outcome;
      }
      return { ...outcome, recording: await draft.keep(durationMs) };
    } catch (error) {
      this.context.onRecordingError?.(error, this.context.request.callId);
      return outcome;
    }
  }
}
