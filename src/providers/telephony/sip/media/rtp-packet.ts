/**
 * RTP fixed header (RFC 3550 section 5.1) read from and written to bytes, and the modular arithmetic of its 16-bit
 * sequence numbers and 32-bit timestamps. Parsing is tolerant: whatever arrives on a media port that is not a
 * well-formed version-2 packet gives undefined, never an exception, since a stray datagram must not end a call.
 * Writing goes into a caller-given buffer so a stream can send every packet from the same bytes.
 */

/** The only RTP version in use (RFC 3550). */
export const RTP_VERSION = 2;
/** Bytes of the fixed header, without CSRCs or extension. */
export const RTP_FIXED_HEADER_BYTES = 12;

/** A header extension (RFC 3550 5.3.1): a profile-defined 16-bit id and data of whole 32-bit words. */
export interface RtpExtension {
  readonly profile: number;
  /** The extension body; its length is a multiple of 4. */
  readonly data: Uint8Array;
}

/** The fields of an RTP header, as carried on the wire. */
export interface RtpHeader {
  marker: boolean;
  /** 7 bits: 0 PCMU, 8 PCMA, a dynamic number (96-127) for telephone-event. */
  payloadType: number;
  /** 16 bits, +1 per packet, wrapping. */
  sequence: number;
  /** 32 bits in the payload's clock (8000 Hz for G.711), wrapping. */
  timestamp: number;
  ssrc: number;
  /** Contributing sources, at most 15; empty for a plain two-party call. */
  csrcs: readonly number[];
  extension: RtpExtension | undefined;
  /** Padding bytes after the payload, counting the final count byte; 0 when the P bit is clear. */
  paddingLength: number;
}

/** A whole RTP packet. */
export interface RtpPacket extends RtpHeader {
  /** The payload without padding: a view of the parsed bytes, not a copy. */
  payload: Uint8Array;
}

/** Shared by every packet without contributing sources, so parsing one allocates no array. */
const NO_CSRCS: readonly number[] = Object.freeze([]);

/**
 * The packet in `bytes`, or undefined when it is too short, not version 2, or its CSRC list, extension or padding
 * overrun it. The payload and extension are views of `bytes`. Pass `into` to fill an existing object instead of
 * allocating one, when the packet is consumed before the next parse.
 */
export function parseRtp(bytes: Uint8Array, into?: RtpPacket): RtpPacket | undefined {
  if (bytes.length < RTP_FIXED_HEADER_BYTES) return undefined;
  const first = bytes[0]!;
  if (first >> 6 !== RTP_VERSION) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const csrcCount = first & 0x0f;
  let offset = RTP_FIXED_HEADER_BYTES + 4 * csrcCount;
  if (offset > bytes.length) return undefined;
  let extension: RtpExtension | undefined;
  if (first & 0x10) {
    if (offset + 4 > bytes.length) return undefined;
    const end = offset + 4 + 4 * view.getUint16(offset + 2);
    if (end > bytes.length) return undefined;
    extension = { profile: view.getUint16(offset), data: bytes.subarray(offset + 4, end) };
    offset = end;
  }
  let paddingLength = 0;
  if (first & 0x20) {
    // The last byte counts the padding including itself; zero or more than the room left is malformed.
    paddingLength = bytes[bytes.length - 1]!;
    if (paddingLength === 0 || offset + paddingLength > bytes.length) return undefined;
  }
  let csrcs = NO_CSRCS;
  if (csrcCount > 0) {
    const list: number[] = [];
    for (let i = 0; i < csrcCount; i++) list.push(view.getUint32(RTP_FIXED_HEADER_BYTES + 4 * i));
    csrcs = list;
  }
  const packet = into ?? ({} as RtpPacket);
  packet.marker = (bytes[1]! & 0x80) !== 0;
  packet.payloadType = bytes[1]! & 0x7f;
  packet.sequence = view.getUint16(2);
  packet.timestamp = view.getUint32(4);
  packet.ssrc = view.getUint32(8);
  packet.csrcs = csrcs;
  packet.extension = extension;
  packet.paddingLength = paddingLength;
  packet.payload = bytes.subarray(offset, bytes.length - paddingLength);
  return packet;
}

/** Bytes the header of `header` takes: fixed part, CSRCs and extension. */
export function rtpHeaderLength(header: RtpHeader): number {
  return RTP_FIXED_HEADER_BYTES + 4 * header.csrcs.length + (header.extension ? 4 + header.extension.data.length : 0);
}

/** Bytes the whole of `packet` takes on the wire. */
export function rtpPacketLength(packet: RtpPacket): number {
  return rtpHeaderLength(packet) + packet.payload.length + packet.paddingLength;
}

function checkHeader(header: RtpHeader): void {
  if (header.csrcs.length > 15) throw new RangeError(`an RTP header holds at most 15 CSRCs, not ${header.csrcs.length}`);
  if (header.extension && header.extension.data.length % 4 !== 0) throw new RangeError('RTP extension data must be whole 32-bit words');
  if (header.paddingLength < 0 || header.paddingLength > 255) throw new RangeError(`RTP padding must be 0-255 bytes, not ${header.paddingLength}`);
}

/**
 * Writes the header of `header` at the start of `out` and returns its length; the payload goes right after it.
 * A stream that sends 160-byte frames can keep one buffer and one view of its payload part, and per packet only
 * write the header and encode audio into that view. The P bit follows `paddingLength`; the padding itself is
 * written by {@link writeRtp}.
 */
export function writeRtpHeader(header: RtpHeader, out: Uint8Array): number {
  checkHeader(header);
  const length = rtpHeaderLength(header);
  if (out.length < length) throw new RangeError(`RTP header needs ${length} bytes, the buffer holds ${out.length}`);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  out[0] = (RTP_VERSION << 6) | (header.paddingLength > 0 ? 0x20 : 0) | (header.extension ? 0x10 : 0) | header.csrcs.length;
  out[1] = (header.marker ? 0x80 : 0) | (header.payloadType & 0x7f);
  view.setUint16(2, header.sequence & 0xffff);
  view.setUint32(4, header.timestamp >>> 0);
  view.setUint32(8, header.ssrc >>> 0);
  let offset = RTP_FIXED_HEADER_BYTES;
  for (const csrc of header.csrcs) {
    view.setUint32(offset, csrc >>> 0);
    offset += 4;
  }
  if (header.extension) {
    view.setUint16(offset, header.extension.profile);
    view.setUint16(offset + 2, header.extension.data.length / 4);
    out.set(header.extension.data, offset + 4);
  }
  return length;
}

/** Writes all of `packet` (header, payload, padding) at the start of `out`; returns the bytes written. */
export function writeRtp(packet: RtpPacket, out: Uint8Array): number {
  const total = rtpPacketLength(packet);
  if (out.length < total) throw new RangeError(`RTP packet needs ${total} bytes, the buffer holds ${out.length}`);
  const headerLength = writeRtpHeader(packet, out);
  out.set(packet.payload, headerLength);
  if (packet.paddingLength > 0) {
    out.fill(0, headerLength + packet.payload.length, total - 1);
    out[total - 1] = packet.paddingLength;
  }
  return total;
}

/** `sequence` moved on by `count` packets (negative goes back), wrapping at 65536. */
export function sequenceAdd(sequence: number, count: number): number {
  return (sequence + count) & 0xffff;
}

/**
 * How many packets `a` is after `b`, in [-32768, 32767]: positive when `a` is newer. Correct across the wrap from
 * 65535 to 0, as long as the two are less than half the sequence space apart.
 */
export function sequenceDiff(a: number, b: number): number {
  const d = (a - b) & 0xffff;
  return d >= 0x8000 ? d - 0x10000 : d;
}

/** `timestamp` moved on by `ticks` of the media clock, wrapping at 2^32. */
export function timestampAdd(timestamp: number, ticks: number): number {
  return (timestamp + ticks) >>> 0;
}

/** How many media clock ticks `a` is after `b`, as a signed 32-bit number: correct across the wrap. */
export function timestampDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/**
 * Turns wrapping 16-bit sequence numbers into an ever-growing count (RFC 3550 A.1 calls it the extended sequence
 * number), so that packets can be ordered and gaps counted with plain arithmetic.
 */
export class SequenceUnwrapper {
  private highest: number | undefined;

  /** The extended number of `sequence`: the one nearest the highest seen so far (below the first when older). */
  unwrap(sequence: number): number {
    if (this.highest === undefined) {
      this.highest = sequence & 0xffff;
      return this.highest;
    }
    const extended = this.highest + sequenceDiff(sequence, this.highest);
    if (extended > this.highest) this.highest = extended;
    return extended;
  }
}
