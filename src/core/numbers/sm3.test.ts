import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, getHashes, randomBytes } from 'node:crypto';
import { sm3 } from './number-hash.js';
import { sm3Hex } from './sm3.js';

// GB/T 32905-2016 appendix A: example 1 ("abc") and example 2 ("abcd" x 16, 64 bytes: two blocks after padding).
const VECTORS: ReadonlyArray<readonly [string, string]> = [
  ['abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
  ['abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
];

test('the TypeScript SM3 matches the standard vectors', () => {
  for (const [input, digest] of VECTORS) assert.equal(sm3Hex(input), digest);
});

test('sm3() (OpenSSL when present) matches the standard vectors', () => {
  for (const [input, digest] of VECTORS) assert.equal(sm3(input), digest);
});

test('the TypeScript SM3 agrees with OpenSSL at every padding boundary', { skip: !getHashes().includes('sm3') && 'no sm3 in this OpenSSL' }, () => {
  for (const length of [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000]) {
    const data = randomBytes(length);
    assert.equal(sm3Hex(data), createHash('sm3').update(data).digest('hex'), `length ${length}`);
  }
});

test('strings are hashed as UTF-8', () => {
  assert.equal(sm3Hex('号码'), sm3Hex(Buffer.from('号码', 'utf8')));
  assert.notEqual(sm3Hex('号码'), sm3Hex(Buffer.from('号码', 'latin1')));
});
