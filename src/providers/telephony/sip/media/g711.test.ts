import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALAW_SILENCE, MULAW_SILENCE, PCMA, PCMU, decodeAlaw, decodeAlawSample, decodeMulaw, decodeMulawSample, encodeAlaw,
  encodeAlawSample, encodeMulaw, encodeMulawSample, g711ForPayloadType,
} from './g711.js';

/** Half the width of the quantization interval of a mu-law code: 4, 8, ... 512 from segment 0 to 7. */
function mulawHalfStep(code: number): number {
  return 4 << ((~code >> 4) & 0x07);
}

/** Half the width of the quantization interval of an A-law code: 8 in segments 0 and 1, then doubling. */
function alawHalfStep(code: number): number {
  const segment = ((code ^ 0x55) >> 4) & 0x07;
  return 8 << Math.max(0, segment - 1);
}

/** Signal-to-noise ratio in dB of `decoded` against `original`. */
function snrDb(original: Int16Array, decoded: Int16Array): number {
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < original.length; i++) {
    signal += original[i]! ** 2;
    noise += (original[i]! - decoded[i]!) ** 2;
  }
  return 10 * Math.log10(signal / noise);
}

test('mu-law reference codes decode to the values of the G.711 table', () => {
  const reference: [number, number][] = [[0xff, 0], [0x7f, 0], [0x00, -32124], [0x80, 32124], [0xfe, 8], [0x7e, -8], [0xf0, 120], [0xef, 132], [0xe0, 372], [0x8f, 16764]];
  for (const [code, sample] of reference) assert.equal(decodeMulawSample(code), sample, `code 0x${code.toString(16)}`);
  assert.equal(encodeMulawSample(0), MULAW_SILENCE);
  assert.equal(encodeMulawSample(32124), 0x80);
  assert.equal(encodeMulawSample(-32124), 0x00);
});

test('A-law reference codes decode to the values of the G.711 table', () => {
  const reference: [number, number][] = [[0xd5, 8], [0x55, -8], [0xaa, 32256], [0x2a, -32256], [0xd4, 24], [0xc5, 264], [0xf5, 528], [0x80, 5504]];
  for (const [code, sample] of reference) assert.equal(decodeAlawSample(code), sample, `code 0x${code.toString(16)}`);
  assert.equal(encodeAlawSample(0), ALAW_SILENCE);
  assert.equal(encodeAlawSample(-1), 0x55, 'the smallest negative sample has its own code');
  assert.equal(encodeAlawSample(32767), 0xaa);
  assert.equal(encodeAlawSample(-32768), 0x2a);
});

test('every mu-law code survives decode then encode, except negative zero which becomes the silence code', () => {
  for (let code = 0; code < 256; code++) {
    const expected = code === 0x7f ? MULAW_SILENCE : code;
    assert.equal(encodeMulawSample(decodeMulawSample(code)), expected, `code 0x${code.toString(16)}`);
  }
});

test('every A-law code survives decode then encode', () => {
  for (let code = 0; code < 256; code++) assert.equal(encodeAlawSample(decodeAlawSample(code)), code, `code 0x${code.toString(16)}`);
});

test('mu-law quantizes every 16-bit sample to within half a step, clipping only beyond ±32635', () => {
  let worst = 0;
  for (let s = -32635; s <= 32635; s++) {
    const code = encodeMulawSample(s);
    const error = Math.abs(decodeMulawSample(code) - s);
    if (error > mulawHalfStep(code)) assert.fail(`sample ${s}: error ${error} beyond half step ${mulawHalfStep(code)}`);
    if (Math.abs(s) >= 124) worst = Math.max(worst, error / Math.abs(s));
  }
  assert.ok(worst < 0.07, `above the linear first segment the relative error stays under 7%, got ${worst}`);
  assert.equal(decodeMulawSample(encodeMulawSample(32767)), 32124, 'full scale clips to the top code');
  assert.equal(decodeMulawSample(encodeMulawSample(-32768)), -32124);
});

test('A-law quantizes every 16-bit sample, full range, to within half a step', () => {
  for (let s = -32768; s <= 32767; s++) {
    const code = encodeAlawSample(s);
    const error = Math.abs(decodeAlawSample(code) - s);
    if (error > alawHalfStep(code)) assert.fail(`sample ${s}: error ${error} beyond half step ${alawHalfStep(code)}`);
  }
});

test('the codes are monotonic: a louder sample never gets a quieter reconstruction', () => {
  let previousMu = -Infinity;
  let previousA = -Infinity;
  for (let s = -32768; s <= 32767; s++) {
    const mu = decodeMulawSample(encodeMulawSample(s));
    const a = decodeAlawSample(encodeAlawSample(s));
    assert.ok(mu >= previousMu && a >= previousA, `at sample ${s}`);
    previousMu = mu;
    previousA = a;
  }
});

test('a speech-level 1 kHz tone keeps the ~38 dB signal-to-noise ratio G.711 is known for', () => {
  const pcm = new Int16Array(8000).map((_, n) => Math.round(10000 * Math.sin((2 * Math.PI * 1000 * n) / 8000 + 0.3)));
  for (const codec of [PCMU, PCMA]) {
    const snr = snrDb(pcm, codec.decode(codec.encode(pcm)));
    assert.ok(snr > 35 && snr < 42, `${codec.name}: ${snr.toFixed(1)} dB`);
  }
});

test('buffer functions write into the caller buffer, leave its tail alone and refuse one too short', () => {
  const pcm = Int16Array.from([0, 8, -8, 1000, -1000, 32767]);
  const out = new Uint8Array(8).fill(0x42);
  assert.equal(encodeAlaw(pcm, out), out);
  assert.deepEqual([...out], [0xd5, 0xd5, 0x55, 0xfa, 0x7a, 0xaa, 0x42, 0x42]);
  const samples = new Int16Array(8).fill(7);
  assert.equal(decodeAlaw(out.subarray(0, 6), samples), samples);
  assert.deepEqual([...samples], [8, 8, -8, 1008, -1008, 32256, 7, 7]);
  const mu = encodeMulaw(pcm);
  assert.deepEqual([...decodeMulaw(mu)], [0, 8, -8, 988, -988, 32124]);
  assert.throws(() => encodeMulaw(pcm, new Uint8Array(5)), RangeError);
  assert.throws(() => decodeMulaw(mu, new Int16Array(2)), RangeError);
});

test('silence encodes to one repeated code that decodes to (near) zero', () => {
  const silence = new Int16Array(160);
  assert.ok(encodeMulaw(silence).every((c) => c === PCMU.silence));
  assert.ok(encodeAlaw(silence).every((c) => c === PCMA.silence));
  assert.equal(decodeMulawSample(PCMU.silence), 0);
  assert.equal(decodeAlawSample(PCMA.silence), 8, 'A-law has no zero: its quietest code is ±8');
  assert.equal(g711ForPayloadType(0), PCMU);
  assert.equal(g711ForPayloadType(8), PCMA);
  assert.equal(g711ForPayloadType(18), undefined);
});
