/**
 * One call's media: an RtpSender and an RtpReceiver on the call's UDP socket, paced by the process's shared
 * MediaClock. On every tick the stream pops the received audio (delivered to onAudio, for the VAD and the recorder)
 * and, once the far end's address is known, sends one packet (its PCM delivered to onSent, the recorder's other leg).
 *
 * The far end's address comes from the SDP and can change during the call (early media in a 183, the answer in the
 * 200, a re-INVITE), so it is set with setRemote() whenever signalling learns it; until then nothing is sent and
 * prompts wait. With `symmetric` set, the address is instead taken from the first accepted packet after each
 * setRemote(), which is how a far end behind NAT is reached (RFC 4961): it sends from where it wants to receive.
 *
 * Both legs are numbered by slot: 20 ms ticks since the stream's first tick, the same numbers for what was received
 * and what was sent in one tick. When the clock skipped ticks (a stalled process), the received side catches up with
 * one frame per missed slot, while the sent side sends one packet whose timestamp tells the far end how long the gap
 * was. The send-interval jitter of all calls is measured once, by the MediaClock (its stats()).
 *
 * The socket belongs to whoever bound it (an RtpPortPool lease): close() detaches the stream, the lease closes it.
 */
import type dgram from 'node:dgram';
import type { G711Codec } from '../media/g711.js';
import type { JitterBufferOptions } from '../media/jitter-buffer.js';
import type { MediaClock } from '../media/media-clock.js';
import type { DtmfDigit } from '../media/telephone-event.js';
import type { PlayResult } from './prompt-queue.js';
import { RtpReceiver, type ReceivedFrameKind, type RtpReceiverStats } from './rtp-receiver.js';
import { RtpSender } from './rtp-sender.js';

/** Where the far end receives RTP. */
export interface RtpRemote {
  address: string;
  port: number;
}

/** How a stream runs. */
export interface RtpStreamOptions {
  /** The call's bound UDP socket. */
  socket: dgram.Socket;
  clock: MediaClock;
  codec: G711Codec;
  /** The negotiated telephone-event payload type; without it DTMF is neither sent nor recognized. */
  telephoneEventPayloadType?: number;
  /** The far end's address when already known. */
  remote?: RtpRemote;
  /** Send to wherever the far end's packets come from (learned anew after each setRemote). */
  symmetric?: boolean;
  jitter?: JitterBufferOptions;
  dtmfDurationMs?: number;
  /** Fixed SSRC for tests; random by default. */
  ssrc?: number;
  /** A key press of the far end, once per press. */
  onDtmf?: (digit: DtmfDigit) => void;
  /** The far end's audio of one slot (160 samples, reused after the call: copy to keep). */
  onAudio?: (pcm: Int16Array, slot: number, kind: ReceivedFrameKind) => void;
  /** What was sent in one slot (160 samples, reused after the call: copy to keep). */
  onSent?: (pcm: Int16Array, slot: number) => void;
  /** Socket errors: the stream goes on, the call decides whether they matter. */
  onError?: (error: Error) => void;
}

/** Counters of one stream. */
export interface RtpStreamStats extends RtpReceiverStats {
  /** Packets sent. */
  sent: number;
  /** Packets the socket failed to send. */
  sendErrors: number;
}

/** Most slots the received side catches up in one tick after a stall; beyond that the jitter buffer has overflowed anyway. */
const MAX_CATCH_UP_SLOTS = 50;

/** The RTP of one call. */
export class RtpStream {
  private readonly socket: dgram.Socket;
  private readonly sender: RtpSender;
  private readonly receiver: RtpReceiver;
  private readonly symmetric: boolean;
  private readonly onAudio: RtpStreamOptions['onAudio'];
  private readonly onSent: RtpStreamOptions['onSent'];
  private readonly onError: RtpStreamOptions['onError'];
  private remote: RtpRemote | undefined;
  private latched = false;
  private firstTick: number | undefined;
  private lastTick = 0;
  private sendErrors = 0;
  private unregister: (() => void) | undefined;
  private readonly onMessage = (message: Buffer, from: dgram.RemoteInfo): void => this.receive(message, from);
  private readonly onSocketError = (error: Error): void => this.onError?.(error);
  /** One completion callback for every packet of the stream, rather than a new closure 50 times a second. */
  private readonly afterSend = (error: Error | null): void => {
    if (error) this.failedSend(error);
  };

  constructor(options: RtpStreamOptions) {
    this.socket = options.socket;
    this.symmetric = options.symmetric ?? false;
    this.remote = options.remote;
    this.onAudio = options.onAudio;
    this.onSent = options.onSent;
    this.onError = options.onError;
    this.sender = new RtpSender({
      codec: options.codec,
      telephoneEventPayloadType: options.telephoneEventPayloadType,
      dtmfDurationMs: options.dtmfDurationMs,
      ssrc: options.ssrc,
    });
    this.receiver = new RtpReceiver({
      codec: options.codec,
      telephoneEventPayloadType: options.telephoneEventPayloadType,
      jitter: options.jitter,
      onDtmf: options.onDtmf,
    });
    this.socket.on('message', this.onMessage);
    this.socket.on('error', this.onSocketError);
    this.unregister = options.clock.register((tick) => this.tick(tick));
  }

  /** Our SSRC. */
  get ssrc(): number {
    return this.sender.ssrc;
  }

  /** Where packets go now, if known. */
  get remoteAddress(): RtpRemote | undefined {
    return this.remote && { ...this.remote };
  }

  /** Whether a prompt is playing or queued: the VAD's barge-in needs it. */
  get playing(): boolean {
    return this.sender.playing;
  }

  /** Whether close() was called. */
  get closed(): boolean {
    return this.unregister === undefined;
  }

  /** Sets where to send, from the SDP of a 183, 200 or re-INVITE; with `symmetric`, learns it again from the next packet. */
  setRemote(remote: RtpRemote): void {
    this.remote = { ...remote };
    this.latched = false;
  }

  /** Switches codec and DTMF payload type after a renegotiation, both ways. */
  setCodec(codec: G711Codec, telephoneEventPayloadType?: number): void {
    this.sender.setCodec(codec, telephoneEventPayloadType);
    this.receiver.setCodec(codec, telephoneEventPayloadType);
  }

  /** Queues 8 kHz 16-bit PCM to send; settles when all of it was sent, or stop() (barge-in) or close() cut it. */
  play(pcm: Int16Array): Promise<PlayResult> {
    if (this.closed) return Promise.resolve({ completed: false });
    return this.sender.play(pcm);
  }

  /** Cuts the playing prompt and every queued one. */
  stop(): void {
    this.sender.stop();
  }

  /** Sends key presses as RFC 4733 events; settles when the last was sent (not completed if closed first). */
  sendDtmf(digits: string): Promise<PlayResult> {
    if (this.closed) return Promise.resolve({ completed: false });
    return this.sender.sendDtmf(digits);
  }

  /** Counters so far. */
  stats(): RtpStreamStats {
    return { ...this.receiver.stats(), sent: this.sender.sent, sendErrors: this.sendErrors };
  }

  /** Leaves the clock, stops listening and settles pending prompts and digits as not completed. Idempotent. */
  close(): void {
    if (!this.unregister) return;
    this.unregister();
    this.unregister = undefined;
    this.socket.off('message', this.onMessage);
    this.socket.off('error', this.onSocketError);
    this.sender.abandon();
  }

  private receive(message: Buffer, from: dgram.RemoteInfo): void {
    if (!this.receiver.receive(message)) return;
    if (this.symmetric && !this.latched) {
      this.remote = { address: from.address, port: from.port };
      this.latched = true;
    }
  }

  private tick(tick: number): void {
    if (this.firstTick === undefined) {
      this.firstTick = tick;
      this.lastTick = tick - 1;
    }
    const slots = Math.min(MAX_CATCH_UP_SLOTS, tick - this.lastTick);
    this.lastTick = tick;
    const slot = tick - this.firstTick;
    for (let s = slot - slots + 1; s <= slot; s++) {
      const { pcm, kind } = this.receiver.next();
      this.onAudio?.(pcm, s, kind);
    }
    if (!this.remote) return;
    const packet = this.sender.next(tick);
    try {
      this.socket.send(packet.bytes, this.remote.port, this.remote.address, this.afterSend);
    } catch (error) {
      // A socket closed under the stream throws at once rather than through the callback.
      this.failedSend(error instanceof Error ? error : new Error(String(error)));
    }
    this.onSent?.(packet.pcm, slot);
  }

  private failedSend(error: Error): void {
    this.sendErrors++;
    this.onError?.(error);
  }
}
