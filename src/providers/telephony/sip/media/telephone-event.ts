/**
 * DTMF as RTP telephone events (RFC 4733, which replaced RFC 2833): the 4-byte payload, a sender that turns one key
 * press into its series of packets, and a receiver that turns the packets of the far end back into key presses.
 *
 * An event is named by its RTP timestamp: every packet of one key press carries the timestamp of its start and a
 * growing duration, the first with the marker bit, the last three with the end bit. Packets are resent, lost and
 * reordered on the way, so the receiver reports a digit the first time it sees a new event timestamp, whichever
 * packet of the event that is, and never again for the same one.
 */
import { timestampDiff } from './rtp-packet.js';

/** The sixteen DTMF keys. */
export type DtmfDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#' | 'A' | 'B' | 'C' | 'D';

/** Bytes of one telephone-event payload. */
export const TELEPHONE_EVENT_BYTES = 4;

/** Event codes 0-15 in order (RFC 4733 section 3.2): digits, then * and #, then A-D. */
const DIGITS: readonly DtmfDigit[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#', 'A', 'B', 'C', 'D'];

/** One telephone-event payload. */
export interface TelephoneEvent {
  /** Event code, 0-255; 0-15 are DTMF. */
  event: number;
  /** Set on the last packets of the event. */
  end: boolean;
  /** Power level as -dBm0, 0-63 (larger is quieter). */
  volume: number;
  /** Length of the event so far, in ticks of the RTP clock (8000 a second), 16 bits. */
  duration: number;
}

/** The event code of a DTMF key (lower-case a-d accepted), or undefined for anything else. */
export function dtmfEventCode(digit: string): number | undefined {
  const code = DIGITS.indexOf(digit.toUpperCase() as DtmfDigit);
  return code < 0 ? undefined : code;
}

/** The DTMF key of an event code, or undefined for the non-DTMF events (flash, tones, ...). */
export function dtmfDigitOf(event: number): DtmfDigit | undefined {
  return DIGITS[event];
}

/** The event in `payload`, or undefined when it is shorter than 4 bytes. Extra bytes are ignored. */
export function readTelephoneEvent(payload: Uint8Array): TelephoneEvent | undefined {
  if (payload.length < TELEPHONE_EVENT_BYTES) return undefined;
  const flags = payload[1]!;
  return { event: payload[0]!, end: (flags & 0x80) !== 0, volume: flags & 0x3f, duration: (payload[2]! << 8) | payload[3]! };
}

/** Writes `event` into `out` at `offset`; returns the bytes written (4). */
export function writeTelephoneEvent(event: TelephoneEvent, out: Uint8Array, offset = 0): number {
  if (out.length < offset + TELEPHONE_EVENT_BYTES) throw new RangeError('a telephone event needs 4 bytes');
  out[offset] = event.event & 0xff;
  // The R bit (0x40) is reserved and sent as zero.
  out[offset + 1] = (event.end ? 0x80 : 0) | (event.volume & 0x3f);
  out[offset + 2] = (event.duration >> 8) & 0xff;
  out[offset + 3] = event.duration & 0xff;
  return TELEPHONE_EVENT_BYTES;
}

/** One packet's worth of a key press; the stream adds its sequence number, SSRC and payload type. */
export interface TelephoneEventFrame {
  /** Set on the first packet only, which starts the event. */
  marker: boolean;
  /** The RTP timestamp of the event's start, the same in every packet of it. */
  timestamp: number;
  event: TelephoneEvent;
}

/** How to send one key press. */
export interface DtmfSendOptions {
  /** RTP timestamp at which the key press starts: the stream's timestamp for the current packet. */
  timestamp: number;
  /** How long the key is held; 100 ms by default, the common length for machine-sent digits. */
  durationMs?: number;
  /** Power level as -dBm0; 10 by default. */
  volume?: number;
  /** Interval between packets, the stream's packet time; 20 ms by default. */
  packetMs?: number;
  /** RTP clock rate of the telephone-event payload; 8000 by default. */
  clockRate?: number;
}

/** The final packet is sent this many times, so a lost one does not cut the event short (RFC 4733 2.5.1.4). */
const END_PACKET_COPIES = 3;

/**
 * Produces the packets of one key press, one per call of {@link next}, which the stream makes on each packet tick
 * in place of an audio packet: updates with a growing duration, then the end packet three times.
 */
export class DtmfSender {
  readonly digit: DtmfDigit;
  private readonly code: number;
  private readonly timestamp: number;
  private readonly volume: number;
  private readonly step: number;
  private readonly total: number;
  private sent = 0;
  private endsSent = 0;

  constructor(digit: string, options: DtmfSendOptions) {
    const code = dtmfEventCode(digit);
    if (code === undefined) throw new RangeError(`not a DTMF key: ${JSON.stringify(digit)}`);
    const clockRate = options.clockRate ?? 8000;
    const packetMs = options.packetMs ?? 20;
    this.digit = DIGITS[code]!;
    this.code = code;
    this.timestamp = options.timestamp >>> 0;
    this.volume = options.volume ?? 10;
    this.step = Math.round((packetMs * clockRate) / 1000);
    this.total = Math.round(((options.durationMs ?? 100) * clockRate) / 1000);
    if (!(this.step > 0)) throw new RangeError(`packet time must be positive, not ${packetMs} ms`);
    // Longer events need splitting into segments (RFC 4733 2.5.1.3); no key press lasts 8 seconds.
    if (!(this.total >= this.step && this.total <= 0xffff)) throw new RangeError(`DTMF duration out of range: ${options.durationMs} ms`);
    if (!(this.volume >= 0 && this.volume <= 63)) throw new RangeError(`DTMF volume must be 0-63 (-dBm0), not ${this.volume}`);
  }

  /** True once every packet, end copies included, has been produced. */
  get done(): boolean {
    return this.endsSent >= END_PACKET_COPIES;
  }

  /** The packet for this tick, or undefined once done. */
  next(): TelephoneEventFrame | undefined {
    if (this.done) return undefined;
    const duration = Math.min(this.total, (this.sent + 1) * this.step);
    const end = duration === this.total;
    if (end) this.endsSent++;
    const frame = { marker: this.sent === 0, timestamp: this.timestamp, event: { event: this.code, end, volume: this.volume, duration } };
    this.sent++;
    return frame;
  }
}

/** Every packet of one key press, in sending order, one per packet time. */
export function dtmfPacketSeries(digit: string, options: DtmfSendOptions): TelephoneEventFrame[] {
  const sender = new DtmfSender(digit, options);
  const frames: TelephoneEventFrame[] = [];
  for (let frame = sender.next(); frame; frame = sender.next()) frames.push(frame);
  return frames;
}

/** The fields of a received RTP packet the receiver needs (an RtpPacket has them all). */
export interface TelephoneEventPacket {
  ssrc: number;
  timestamp: number;
  payload: Uint8Array;
}

/**
 * A packet older than the newest event by more than this many RTP ticks (10 s at 8 kHz) is not a straggler but a
 * restarted timeline, so it starts a new event rather than being dropped.
 */
const STALE_WINDOW = 80_000;

/** Turns the telephone-event packets of one stream into key presses, each reported exactly once. */
export class DtmfReceiver {
  private ssrc: number | undefined;
  private lastTimestamp = 0;
  private lastCode = -1;

  /** The key pressed if `packet` is the first one seen of a new DTMF event; otherwise undefined. */
  receive(packet: TelephoneEventPacket): DtmfDigit | undefined {
    const event = readTelephoneEvent(packet.payload);
    const digit = event && dtmfDigitOf(event.event);
    if (!event || !digit) return undefined;
    if (packet.ssrc === this.ssrc) {
      const age = timestampDiff(this.lastTimestamp, packet.timestamp);
      // Same start timestamp: an update, a resend or an end packet of the event already reported.
      if (age === 0 && event.event === this.lastCode) return undefined;
      // An earlier start: a straggler of an event that was reported, or lost behind a newer one.
      if (age > 0 && age <= STALE_WINDOW) return undefined;
    }
    this.ssrc = packet.ssrc;
    this.lastTimestamp = packet.timestamp;
    this.lastCode = event.event;
    return digit;
  }
}
