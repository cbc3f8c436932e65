import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { isHashType, parseEncryptionType } from './encryption-type.js';
import { calleeKey, hashNumber, numberHashes } from './number-hash.js';
import { normalizeRecipientNumber } from './phone-number.js';

test('the three digests of a number are lowercase hex of its text', () => {
  const hashes = numberHashes('13800138000');
  assert.deepEqual(hashes, {
    md5: '7945bd83237335e5376ff44d62e4f0ae',
    sha256: hashNumber('13800138000', 2),
    sm3: hashNumber('13800138000', 3),
  });
  assert.equal(hashNumber('abc', 2), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(hashNumber('abc', 3), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  assert.match(hashes.sm3, /^[0-9a-f]{64}$/);
  assert.equal(calleeKey('13800138000'), hashes.sha256);
});

test('EncryptionType is 0-3, absent meaning plain', () => {
  assert.equal(parseEncryptionType(undefined), 0);
  assert.equal(parseEncryptionType('2'), 2);
  assert.equal(parseEncryptionType(3), 3);
  for (const bad of [4, -1, '1.5', 'MD5']) {
    assert.throws(() => parseEncryptionType(bad), (e: unknown) => e instanceof DomainError && e.code === 'InvalidArgument' && e.param === 'EncryptionType');
  }
  assert.equal(isHashType(0), false);
  assert.equal(isHashType(1), true);
});

test('a recipient number is checked against its encryption type', () => {
  assert.equal(normalizeRecipientNumber(' 13800138000 ', 0, 'p'), '13800138000');
  assert.equal(normalizeRecipientNumber('+8613800138000', 0, 'p'), '+8613800138000');
  assert.equal(normalizeRecipientNumber(13800138000, 0, 'p'), '13800138000');
  assert.equal(normalizeRecipientNumber('7945BD83237335E5376FF44D62E4F0AE', 1, 'p'), '7945bd83237335e5376ff44d62e4f0ae');
  const rejects = (raw: unknown, type: 0 | 1 | 2 | 3, message: RegExp) =>
    assert.throws(() => normalizeRecipientNumber(raw, type, 'PhoneNumber'), (e: unknown) => e instanceof DomainError && e.param === 'PhoneNumber' && message.test(e.message));
  rejects('138-0013', 0, /not a phone number/);
  rejects('12', 0, /not a phone number/);
  rejects(undefined, 0, /required/);
  rejects('7945bd83237335e5376ff44d62e4f0ae', 2, /SHA256 digest \(64 hex characters\)/);
  rejects('z'.repeat(64), 3, /SM3 digest/);
  rejects('13800138000', 1, /MD5 digest \(32 hex/);
});
