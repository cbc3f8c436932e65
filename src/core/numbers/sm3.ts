/**
 * SM3 (GB/T 32905-2016) in plain TypeScript. Node's OpenSSL usually provides 'sm3', but builds against a system
 * OpenSSL without it exist (FIPS, trimmed distributions); encrypted recipients must hash the same everywhere.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

function rotl(x: number, n: number): number {
  const s = n % 32;
  return s === 0 ? x >>> 0 : ((x << s) | (x >>> (32 - s))) >>> 0;
}

function p0(x: number): number {
  return (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
}

function p1(x: number): number {
  return (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;
}

/** Message words W0..W67 and W'0..W'63 of one 64-byte block. */
function expand(block: Buffer, offset: number): { w: Uint32Array; w1: Uint32Array } {
  const w = new Uint32Array(68);
  const w1 = new Uint32Array(64);
  for (let j = 0; j < 16; j++) w[j] = block.readUInt32BE(offset + j * 4);
  for (let j = 16; j < 68; j++) {
    w[j] = p1(w[j - 16]! ^ w[j - 9]! ^ rotl(w[j - 3]!, 15)) ^ rotl(w[j - 13]!, 7) ^ w[j - 6]!;
  }
  for (let j = 0; j < 64; j++) w1[j] = w[j]! ^ w[j + 4]!;
  return { w, w1 };
}

/** The compression function CF: folds one block into the state `v` in place. */
function compress(v: number[], block: Buffer, offset: number): void {
  const { w, w1 } = expand(block, offset);
  let [a, b, c, d, e, f, g, h] = v as [number, number, number, number, number, number, number, number];
  for (let j = 0; j < 64; j++) {
    const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
    const ss1 = rotl((rotl(a, 12) + e + rotl(t, j)) >>> 0, 7);
    const ss2 = ss1 ^ rotl(a, 12);
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + w1[j]!) >>> 0;
    const tt2 = (gg + h + ss1 + w[j]!) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  const next = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) v[i] = (v[i]! ^ next[i]!) >>> 0;
}

/** Pads the message to a multiple of 64 bytes: 0x80, zeros, then the bit length as a 64-bit big-endian integer. */
function pad(message: Buffer): Buffer {
  const total = Math.ceil((message.length + 9) / 64) * 64;
  const padded = Buffer.alloc(total);
  message.copy(padded);
  padded[message.length] = 0x80;
  padded.writeBigUInt64BE(BigInt(message.length) * 8n, total - 8);
  return padded;
}

/** The SM3 digest of `data` (a string is hashed as UTF-8), as lowercase hex. */
export function sm3Hex(data: string | Buffer): string {
  const padded = pad(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  const v = [...IV];
  for (let offset = 0; offset < padded.length; offset += 64) compress(v, padded, offset);
  return v.map((x) => x.toString(16).padStart(8, '0')).join('');
}
