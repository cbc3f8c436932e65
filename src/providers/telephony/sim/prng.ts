/**
 * A small seeded random generator, so that every simulated call is a pure function of its inputs: the
 * inputs are hashed (cyrb128) into the 128-bit state of an sfc32 generator. Math.random is never used.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** cyrb128: mixes a string into four 32-bit words, every input bit reaching every output word. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's small fast counting generator): passes PractRand, one add chain per draw. */
function sfc32(a: number, b: number, c: number, d: number): Random {
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A generator whose whole stream is determined by `parts` (joined with a separator no part can contain). */
export function seededRandom(...parts: Array<string | number>): Random {
  const [a, b, c, d] = hash128(parts.map(String).join('\u0000'));
  const random = sfc32(a, b, c, d);
  // The first outputs of a freshly seeded sfc32 still correlate with the seed words; skip them.
  for (let i = 0; i < 12; i++) random();
  return random;
}
