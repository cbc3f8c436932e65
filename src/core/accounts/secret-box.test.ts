import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SecretBox, parseMasterKey } from './secret-box.js';

test('a sealed secret opens to the original and never shows it in the ciphertext', () => {
  const box = new SecretBox(randomBytes(32));
  const sealed = box.seal('s3cr3t-value');
  assert.ok(!sealed.includes('s3cr3t'));
  assert.notEqual(box.seal('s3cr3t-value'), sealed, 'fresh IV each time');
  assert.equal(box.open(sealed), 's3cr3t-value');
});

test('tampering or the wrong key is detected', () => {
  const box = new SecretBox(randomBytes(32));
  const sealed = box.seal('value');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  raw[raw.length - 1]! ^= 1;
  assert.throws(() => box.open('v1:' + raw.toString('base64')));
  assert.throws(() => new SecretBox(randomBytes(32)).open(sealed));
});

test('master keys are accepted as hex or base64 and must be 32 bytes', () => {
  const key = randomBytes(32);
  assert.deepEqual(parseMasterKey(key.toString('hex')), key);
  assert.deepEqual(parseMasterKey(key.toString('base64')), key);
  assert.throws(() => parseMasterKey('abcd'), /32 bytes/);
});
