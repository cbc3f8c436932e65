/**
 * The receiving half of one call's RTP: takes in the datagrams that reach the call's port and, once per media clock
 * tick, gives out the next 20 ms of the far end's audio as 16-bit PCM.
 *
 * What is accepted: well-formed RTP from the far end's source (the first SSRC seen, until it has been quiet for half a
 * second, which is how a gateway that restarts its stream is followed) in the negotiated G.711 payload type or the
 * negotiated telephone-event type. Everything else is counted as ignored: a stray or forged datagram must neither
 * play nor end the call.
 *
 * Key presses are reported as soon as the first packet of each arrives, not when it comes out of the jitter buffer,
 * so a menu reacts without the buffer's delay. Their packets still go through the buffer, because they hold sequence
 * numbers between the audio packets: there they play as silence instead of counting as lost.
 */
import type { G711Codec } from '../media/g711.js';
import { JitterBuffer, type JitterBufferOptions, type JitterBufferStats } from '../media/jitter-buffer.js';
import { parseRtp, type RtpPacket } from '../media/rtp-packet.js';
import { DtmfReceiver, type DtmfDigit } from '../media/telephone-event.js';
import { SAMPLES_PER_PACKET } from './rtp-sender.js';

/** What one tick's received frame is. */
export type ReceivedFrameKind =
  /** Audio of the far end. */
  | 'audio'
  /** Silence standing in for a telephone-event packet. */
  | 'dtmf'
  /** Silence standing in for a packet that never came. */
  | 'lost'
  /** Silence: nothing received yet, or the buffer is refilling after the far end paused. */
  | 'empty';

/** How the receiver starts. */
export interface RtpReceiverOptions {
  codec: G711Codec;
  telephoneEventPayloadType?: number;
  jitter?: JitterBufferOptions;
  onDtmf?: (digit: DtmfDigit) => void;
}

/** Counters of the received stream. */
export interface RtpReceiverStats extends JitterBufferStats {
  /** Datagrams dropped: not RTP, another source, or a payload type not negotiated. */
  ignored: number;
  /** Key presses reported. */
  dtmf: number;
}

/** One accepted packet waiting in the jitter buffer; the payload is a copy, so the datagram can be freed. */
interface BufferedPacket {
  readonly sequence: number;
  readonly dtmf: boolean;
  readonly payload: Uint8Array;
}

/** Ticks without a packet from the current source after which another SSRC may take over: 500 ms. */
const SOURCE_TIMEOUT_TICKS = 25;

const NO_STATS: JitterBufferStats = { received: 0, played: 0, lost: 0, late: 0, duplicate: 0, overflow: 0, resyncs: 0 };

/** Receives one call's RTP. */
export class RtpReceiver {
  private codec: G711Codec;
  private telephoneEventPayloadType: number | undefined;
  private readonly jitterOptions: JitterBufferOptions | undefined;
  private readonly onDtmf: ((digit: DtmfDigit) => void) | undefined;
  private buffer: JitterBuffer<BufferedPacket>;
  /** Counts of the buffers of earlier sources, so the totals survive a change of source. */
  private earlier: JitterBufferStats = { ...NO_STATS };
  private readonly dtmfReceiver = new DtmfReceiver();
  private readonly parsed = {} as RtpPacket;
  private readonly frame = new Int16Array(SAMPLES_PER_PACKET);
  private source: number | undefined;
  private quietTicks = 0;
  private ignored = 0;
  private digits = 0;

  constructor(options: RtpReceiverOptions) {
    this.codec = options.codec;
    this.telephoneEventPayloadType = options.telephoneEventPayloadType;
    this.jitterOptions = options.jitter;
    this.onDtmf = options.onDtmf;
    this.buffer = new JitterBuffer(this.jitterOptions);
  }

  /** The SSRC being received, once the first packet came. */
  get ssrc(): number | undefined {
    return this.source;
  }

  /** Switches to the law and DTMF payload type of a renegotiation (re-INVITE). */
  setCodec(codec: G711Codec, telephoneEventPayloadType = this.telephoneEventPayloadType): void {
    this.codec = codec;
    this.telephoneEventPayloadType = telephoneEventPayloadType;
  }

  /** Takes in one datagram; returns whether it was accepted as the far end's RTP. */
  receive(datagram: Uint8Array): boolean {
    const packet = parseRtp(datagram, this.parsed);
    const dtmf = packet !== undefined && this.telephoneEventPayloadType !== undefined && packet.payloadType === this.telephoneEventPayloadType;
    if (!packet || (!dtmf && packet.payloadType !== this.codec.payloadType) || !this.fromSource(packet.ssrc)) {
      this.ignored++;
      return false;
    }
    this.quietTicks = 0;
    if (dtmf) {
      const digit = this.dtmfReceiver.receive(packet);
      if (digit) {
        this.digits++;
        this.onDtmf?.(digit);
      }
    }
    this.buffer.push({ sequence: packet.sequence, dtmf, payload: packet.payload.slice() });
    return true;
  }

  /**
   * The far end's audio for this tick: decoded PCM, or silence when there is none (see the kind). The frame is
   * reused on the next call: copy it to keep it.
   */
  next(): { pcm: Int16Array; kind: ReceivedFrameKind } {
    this.quietTicks++;
    const lostBefore = this.buffer.stats().lost;
    const packet = this.buffer.pop();
    const frame = this.frame;
    if (!packet || packet.dtmf) {
      frame.fill(0);
      const kind = packet ? 'dtmf' : this.buffer.stats().lost > lostBefore ? 'lost' : 'empty';
      return { pcm: frame, kind };
    }
    // 20 ms packets are what the SDP offers; a longer one is cut to the tick, a shorter one padded.
    const codes = packet.payload.length > SAMPLES_PER_PACKET ? packet.payload.subarray(0, SAMPLES_PER_PACKET) : packet.payload;
    this.codec.decode(codes, frame);
    frame.fill(0, codes.length);
    return { pcm: frame, kind: 'audio' };
  }

  /** Counters so far, over every source the call had. */
  stats(): RtpReceiverStats {
    const current = this.buffer.stats();
    const total = { ...current };
    for (const key of Object.keys(total) as (keyof JitterBufferStats)[]) total[key] += this.earlier[key];
    return { ...total, ignored: this.ignored, dtmf: this.digits };
  }

  /** Whether `ssrc` is the source being received, taking it on if it is the first or the current one went quiet. */
  private fromSource(ssrc: number): boolean {
    if (ssrc === this.source) return true;
    if (this.source !== undefined && this.quietTicks < SOURCE_TIMEOUT_TICKS) return false;
    if (this.source !== undefined) {
      // A new source starts its own sequence numbers: a fresh buffer, so they do not read as a huge loss.
      const old = this.buffer.stats();
      for (const key of Object.keys(old) as (keyof JitterBufferStats)[]) this.earlier[key] += old[key];
      this.buffer = new JitterBuffer(this.jitterOptions);
    }
    this.source = ssrc;
    return true;
  }
}
