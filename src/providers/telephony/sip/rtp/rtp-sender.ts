/**
 * The sending half of one call's RTP: on each media clock tick, the bytes of the one packet to send. That is the next
 * 20 ms of the playing prompt encoded with the negotiated G.711 law, the law's silence when nothing plays (a silent
 * line still gets packets, so NATs stay open and the far end's jitter buffer keeps its pace), or a packet of a DTMF
 * key press (RFC 4733) in place of audio while digits are being sent.
 *
 * The RTP timestamp follows the clock, not the packet count: it moves 160 per tick and 160 x n when the clock skipped
 * ticks, so the far end sees the real gap. The sequence number moves 1 per packet. SSRC, first sequence number and
 * first timestamp are random (RFC 3550 5.1). The marker bit starts each talk spurt: the first audio packet after
 * silence or a key press.
 */
import { randomInt } from 'node:crypto';
import type { G711Codec } from '../media/g711.js';
import { RTP_FIXED_HEADER_BYTES, sequenceAdd, timestampAdd, writeRtpHeader, type RtpHeader } from '../media/rtp-packet.js';
import { DtmfSender, TELEPHONE_EVENT_BYTES, dtmfEventCode, writeTelephoneEvent } from '../media/telephone-event.js';
import { PromptQueue, type PlayResult } from './prompt-queue.js';
import { FRAME_SAMPLES } from '../media/frame.js';

/** Samples in one 20 ms packet at 8 kHz. */
export const SAMPLES_PER_PACKET = FRAME_SAMPLES;
/** Ticks of plain audio between two key presses, so the far end hears two presses and not one long one. */
const DTMF_GAP_TICKS = 3;

/** How the sender starts. */
export interface RtpSenderOptions {
  codec: G711Codec;
  /** The negotiated telephone-event payload type (often 101); without it DTMF cannot be sent. */
  telephoneEventPayloadType?: number;
  /** How long each sent key is held; 100 ms by default. */
  dtmfDurationMs?: number;
  /** Fixed values for tests; random by default. */
  ssrc?: number;
  initialSequence?: number;
  initialTimestamp?: number;
}

/** One tick's packet and the audio it stands for (silence for a silent or DTMF packet). */
export interface OutgoingPacket {
  /** A fresh buffer: the socket may still hold it after the next tick. */
  readonly bytes: Buffer;
  /** The PCM sent, reused on the next tick: copy it to keep it. */
  readonly pcm: Int16Array;
  readonly kind: 'audio' | 'silence' | 'dtmf';
}

interface QueuedDigits {
  readonly digits: string[];
  readonly settle: (result: PlayResult) => void;
}

/** Builds the packets of one outgoing RTP stream. */
export class RtpSender {
  readonly ssrc: number;
  private codec: G711Codec;
  private telephoneEventPayloadType: number | undefined;
  private readonly dtmfDurationMs: number;
  private readonly prompts = new PromptQueue();
  private readonly frame = new Int16Array(SAMPLES_PER_PACKET);
  private readonly silentFrame = new Int16Array(SAMPLES_PER_PACKET);
  private readonly header: RtpHeader;
  private lastTick: number | undefined;
  /** Whether the last packet carried prompt audio: the next one after a pause gets the marker. */
  private talking = false;
  private readonly dtmfQueue: QueuedDigits[] = [];
  private dtmf: DtmfSender | undefined;
  private dtmfGap = 0;
  private packetsSent = 0;

  constructor(options: RtpSenderOptions) {
    this.codec = options.codec;
    this.telephoneEventPayloadType = options.telephoneEventPayloadType;
    this.dtmfDurationMs = options.dtmfDurationMs ?? 100;
    this.ssrc = options.ssrc ?? randomInt(2 ** 32 - 1);
    this.header = {
      marker: false,
      payloadType: this.codec.payloadType,
      sequence: options.initialSequence ?? randomInt(0x10000),
      timestamp: options.initialTimestamp ?? randomInt(2 ** 32 - 1),
      ssrc: this.ssrc,
      csrcs: [],
      extension: undefined,
      paddingLength: 0,
    };
  }

  /** Packets built so far. */
  get sent(): number {
    return this.packetsSent;
  }

  /** Whether a prompt is being sent or waits to be. */
  get playing(): boolean {
    return this.prompts.playing;
  }

  /** Switches to the law and DTMF payload type of a renegotiation (re-INVITE); the timeline goes on. */
  setCodec(codec: G711Codec, telephoneEventPayloadType = this.telephoneEventPayloadType): void {
    this.codec = codec;
    this.telephoneEventPayloadType = telephoneEventPayloadType;
  }

  /** Queues 8 kHz 16-bit PCM; settles when all of it has been sent, or stop() cut it. */
  play(pcm: Int16Array): Promise<PlayResult> {
    return this.prompts.enqueue(pcm);
  }

  /** Cuts the playing prompt and drops the queued ones (barge-in); the line turns silent on the next tick. */
  stop(): void {
    this.prompts.stop();
  }

  /**
   * Queues key presses (0-9, *, #, A-D) to send as telephone events, pausing any prompt meanwhile; settles when the
   * last one has been sent, or as not completed if the stream closes first.
   */
  sendDtmf(digits: string): Promise<PlayResult> {
    if (this.telephoneEventPayloadType === undefined) return Promise.reject(new Error('the far end did not accept telephone-event: DTMF cannot be sent'));
    const keys = [...digits];
    const bad = keys.find((key) => dtmfEventCode(key) === undefined);
    if (bad !== undefined) return Promise.reject(new RangeError(`not a DTMF key: ${JSON.stringify(bad)}`));
    if (keys.length === 0) return Promise.resolve({ completed: true });
    return new Promise((settle) => this.dtmfQueue.push({ digits: keys, settle }));
  }

  /** Settles everything pending as not completed: the stream is closing. */
  abandon(): void {
    this.prompts.stop();
    this.abandonDtmf();
  }

  private abandonDtmf(): void {
    this.dtmf = undefined;
    for (const queued of this.dtmfQueue.splice(0)) queued.settle({ completed: false });
  }

  /** The packet for clock tick `tick`. */
  next(tick: number): OutgoingPacket {
    const header = this.header;
    if (this.lastTick !== undefined) {
      header.sequence = sequenceAdd(header.sequence, 1);
      header.timestamp = timestampAdd(header.timestamp, SAMPLES_PER_PACKET * Math.max(1, tick - this.lastTick));
    }
    this.lastTick = tick;
    this.packetsSent++;
    const dtmf = this.nextDtmf(header.timestamp);
    if (dtmf) return dtmf;
    const bytes = Buffer.allocUnsafe(RTP_FIXED_HEADER_BYTES + SAMPLES_PER_PACKET);
    const payload = bytes.subarray(RTP_FIXED_HEADER_BYTES);
    const audible = this.prompts.take(this.frame);
    header.marker = audible && !this.talking;
    header.payloadType = this.codec.payloadType;
    this.talking = audible;
    writeRtpHeader(header, bytes);
    if (audible) this.codec.encode(this.frame, payload);
    else payload.fill(this.codec.silence);
    return { bytes, pcm: audible ? this.frame : this.silentFrame, kind: audible ? 'audio' : 'silence' };
  }

  /** A telephone-event packet for this tick if a key press is under way or due; undefined for an audio tick. */
  private nextDtmf(timestamp: number): OutgoingPacket | undefined {
    const payloadType = this.telephoneEventPayloadType;
    if (payloadType === undefined) {
      // A renegotiation dropped telephone-event: the queued keys can no longer be sent.
      if (this.dtmf || this.dtmfQueue.length > 0) this.abandonDtmf();
      return undefined;
    }
    if (!this.dtmf) {
      if (this.dtmfGap > 0) {
        this.dtmfGap--;
        return undefined;
      }
      const queued = this.dtmfQueue[0];
      const digit = queued?.digits.shift();
      if (digit === undefined) return undefined;
      this.dtmf = new DtmfSender(digit, { timestamp, durationMs: this.dtmfDurationMs });
    }
    const frame = this.dtmf.next()!;
    if (this.dtmf.done) {
      this.dtmf = undefined;
      this.dtmfGap = DTMF_GAP_TICKS;
      const queued = this.dtmfQueue[0];
      if (queued && queued.digits.length === 0) {
        this.dtmfQueue.shift();
        queued.settle({ completed: true });
      }
    }
    this.talking = false;
    const header = this.header;
    const bytes = Buffer.allocUnsafe(RTP_FIXED_HEADER_BYTES + TELEPHONE_EVENT_BYTES);
    // The event keeps the timestamp of its start in every packet; the stream's own timeline goes on underneath.
    const streamTimestamp = header.timestamp;
    header.marker = frame.marker;
    header.payloadType = payloadType;
    header.timestamp = frame.timestamp;
    writeRtpHeader(header, bytes);
    header.timestamp = streamTimestamp;
    writeTelephoneEvent(frame.event, bytes, RTP_FIXED_HEADER_BYTES);
    return { bytes, pcm: this.silentFrame, kind: 'dtmf' };
  }
}
