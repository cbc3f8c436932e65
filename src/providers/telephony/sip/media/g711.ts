/**
 * ITU-T G.711 companding: mu-law (PCMU, RTP payload type 0) and A-law (PCMA, payload type 8) between 16-bit linear
 * PCM and 8-bit codes. Every call sends and receives 50 packets of 160 samples a second, so both directions are
 * table lookups: 256-entry decode tables and 65536-entry encode tables (one byte per 16-bit sample value), built
 * once on first use from the segment algorithm. The buffer functions write into a caller-given output so a stream can
 * reuse one buffer for its whole life.
 */

/** The mu-law code of a zero sample: what PCMU sends when nothing plays. */
export const MULAW_SILENCE = 0xff;
/** The A-law code nearest zero (+8): what PCMA sends when nothing plays. */
export const ALAW_SILENCE = 0xd5;

/** mu-law adds this bias before finding the segment, so that every segment starts on a power of two. */
const MULAW_BIAS = 0x84;
/** Largest magnitude mu-law can represent once biased into 15 bits; louder samples are clipped to it. */
const MULAW_CLIP = 32635;

/** The mu-law code of one 16-bit sample, by the segment algorithm (used to build the table). */
function mulawCode(sample: number): number {
  const sign = sample < 0 ? 0x80 : 0;
  const magnitude = Math.min(sign ? -sample : sample, MULAW_CLIP) + MULAW_BIAS;
  // The biased magnitude is in [132, 32767]: its top bit sits at position 7..14, which is the segment 0..7.
  const exponent = 31 - Math.clz32(magnitude) - 7;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  // Codes are sent inverted so that the idle line (zero) is all ones, which old T1 links needed.
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** The 16-bit sample a mu-law code stands for: the middle of its quantization interval. */
function mulawSample(code: number): number {
  const bits = ~code & 0xff;
  const exponent = (bits >> 4) & 0x07;
  const magnitude = ((((bits & 0x0f) << 3) + MULAW_BIAS) << exponent) - MULAW_BIAS;
  return bits & 0x80 ? -magnitude : magnitude;
}

/** The A-law code of one 16-bit sample, by the segment algorithm on its 13-bit magnitude. */
function alawCode(sample: number): number {
  // Even bits are inverted on the wire (the 0x55 in both masks); the sign bit is set for positive samples.
  const mask = sample >= 0 ? 0xd5 : 0x55;
  // Negative samples use the one's complement, so -1 and 0 share the smallest interval on their own side.
  const magnitude = (sample >= 0 ? sample : -sample - 1) >> 3;
  if (magnitude < 32) return ((magnitude >> 1) & 0x0f) ^ mask;
  // Segments 1..7 start at 32 << (segment - 1); the top bit of the 12-bit magnitude finds it.
  const segment = 31 - Math.clz32(magnitude) - 4;
  return ((segment << 4) | ((magnitude >> segment) & 0x0f)) ^ mask;
}

/** The 16-bit sample an A-law code stands for: the middle of its quantization interval. */
function alawSample(code: number): number {
  const bits = code ^ 0x55;
  const segment = (bits >> 4) & 0x07;
  const step = ((bits & 0x0f) << 4) + 8;
  const magnitude = segment === 0 ? step : (step + 0x100) << (segment - 1);
  return bits & 0x80 ? magnitude : -magnitude;
}

/** Lookup tables of one law: code -> sample, and sample (as its unsigned 16-bit pattern) -> code. */
interface LawTables {
  readonly decode: Int16Array;
  readonly encode: Uint8Array;
}

function buildTables(code: (sample: number) => number, sample: (code: number) => number): LawTables {
  const decode = new Int16Array(256);
  for (let c = 0; c < 256; c++) decode[c] = sample(c);
  const encode = new Uint8Array(65536);
  for (let s = -32768; s < 32768; s++) encode[s & 0xffff] = code(s);
  return { decode, encode };
}

let mulawTables: LawTables | undefined;
let alawTables: LawTables | undefined;

const mulaw = (): LawTables => (mulawTables ??= buildTables(mulawCode, mulawSample));
const alaw = (): LawTables => (alawTables ??= buildTables(alawCode, alawSample));

/** Checks the output can hold `length` values; a short buffer is a programming error, not a media condition. */
function assertRoom(out: ArrayLike<number>, length: number): void {
  if (out.length < length) throw new RangeError(`output holds ${out.length} values, ${length} needed`);
}

function encodeWith(tables: LawTables, pcm: Int16Array, out: Uint8Array): Uint8Array {
  assertRoom(out, pcm.length);
  const table = tables.encode;
  for (let i = 0; i < pcm.length; i++) out[i] = table[pcm[i]! & 0xffff]!;
  return out;
}

function decodeWith(tables: LawTables, codes: Uint8Array, out: Int16Array): Int16Array {
  assertRoom(out, codes.length);
  const table = tables.decode;
  for (let i = 0; i < codes.length; i++) out[i] = table[codes[i]!]!;
  return out;
}

/** The mu-law code of one 16-bit sample. */
export function encodeMulawSample(sample: number): number {
  return mulaw().encode[sample & 0xffff]!;
}

/** The 16-bit sample of one mu-law code. */
export function decodeMulawSample(code: number): number {
  return mulaw().decode[code & 0xff]!;
}

/** The A-law code of one 16-bit sample. */
export function encodeAlawSample(sample: number): number {
  return alaw().encode[sample & 0xffff]!;
}

/** The 16-bit sample of one A-law code. */
export function decodeAlawSample(code: number): number {
  return alaw().decode[code & 0xff]!;
}

/** mu-law codes of `pcm`, written to the start of `out` (a new buffer when omitted); returns `out`. */
export function encodeMulaw(pcm: Int16Array, out: Uint8Array = new Uint8Array(pcm.length)): Uint8Array {
  return encodeWith(mulaw(), pcm, out);
}

/** Samples of mu-law `codes`, written to the start of `out` (a new buffer when omitted); returns `out`. */
export function decodeMulaw(codes: Uint8Array, out: Int16Array = new Int16Array(codes.length)): Int16Array {
  return decodeWith(mulaw(), codes, out);
}

/** A-law codes of `pcm`, written to the start of `out` (a new buffer when omitted); returns `out`. */
export function encodeAlaw(pcm: Int16Array, out: Uint8Array = new Uint8Array(pcm.length)): Uint8Array {
  return encodeWith(alaw(), pcm, out);
}

/** Samples of A-law `codes`, written to the start of `out` (a new buffer when omitted); returns `out`. */
export function decodeAlaw(codes: Uint8Array, out: Int16Array = new Int16Array(codes.length)): Int16Array {
  return decodeWith(alaw(), codes, out);
}

/** One G.711 law as SDP names it, so a negotiated call can hold "its codec" rather than branch on a name. */
export interface G711Codec {
  /** The SDP encoding name (`a=rtpmap:0 PCMU/8000`). */
  readonly name: 'PCMU' | 'PCMA';
  /** The static RTP payload type (RFC 3551). */
  readonly payloadType: 0 | 8;
  /** The code sent for silence. */
  readonly silence: number;
  /** Codes of `pcm` into `out`; returns `out`. */
  encode(pcm: Int16Array, out?: Uint8Array): Uint8Array;
  /** Samples of `codes` into `out`; returns `out`. */
  decode(codes: Uint8Array, out?: Int16Array): Int16Array;
}

/** G.711 mu-law, the North American and Japanese law. */
export const PCMU: G711Codec = Object.freeze({ name: 'PCMU', payloadType: 0, silence: MULAW_SILENCE, encode: encodeMulaw, decode: decodeMulaw });
/** G.711 A-law, the law of Europe, China and most international trunks. */
export const PCMA: G711Codec = Object.freeze({ name: 'PCMA', payloadType: 8, silence: ALAW_SILENCE, encode: encodeAlaw, decode: decodeAlaw });

/** The G.711 codec for a static payload type, or undefined when it is not 0 or 8. */
export function g711ForPayloadType(payloadType: number): G711Codec | undefined {
  return payloadType === 0 ? PCMU : payloadType === 8 ? PCMA : undefined;
}
