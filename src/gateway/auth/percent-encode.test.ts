import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentEncode } from './percent-encode.js';

test('unreserved characters are left as they are', () => {
  assert.equal(percentEncode('AZaz09-_.~'), 'AZaz09-_.~');
  assert.equal(percentEncode(''), '');
});

test("the characters encodeURIComponent leaves raw (!'()*) are escaped, with upper-case hex", () => {
  assert.equal(percentEncode("!'()*"), '%21%27%28%29%2A');
  assert.equal(percentEncode('05711234****'), '05711234%2A%2A%2A%2A');
});

test('space is %20, plus is %2B, and the separators of the string to sign are escaped', () => {
  assert.equal(percentEncode('out 1+2'), 'out%201%2B2');
  assert.equal(percentEncode('/=&%:'), '%2F%3D%26%25%3A');
});

test('non-ASCII text is encoded as UTF-8 bytes', () => {
  assert.equal(percentEncode('中文'), '%E4%B8%AD%E6%96%87');
  assert.equal(percentEncode('😀'), '%F0%9F%98%80');
});

test('a lone surrogate does not throw; it is encoded as the U+FFFD that UTF-8 would carry', () => {
  assert.equal(percentEncode('a\uD800b'), 'a%EF%BF%BDb');
});
