import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW, acsTime, fakeAuth, rejectsWith } from '../../../test/fixtures/vectors/fake-auth-deps.js';
import { makeV1, type V1Spec } from '../../../test/fixtures/vectors/make-request.js';
import { authenticate } from './authenticate.js';
import { stringToSignV1 } from './v1-signature.js';

const MINUTE = 60_000;
const v1 = (spec: Partial<V1Spec> = {}) => makeV1({ timestamp: acsTime(NOW), nonce: 'nonce-1', ...spec });

test('V1 with everything in the query is accepted and names the key, account, version and nonce', async () => {
  const { options, claims } = fakeAuth();
  const result = await authenticate(options, v1());
  assert.deepEqual(result, { accessKeyId: 'testAccessKeyId', accountId: 'acc-1', signatureVersion: 'v1', nonce: 'nonce-1' });
  assert.equal(claims.length, 1);
});

test('V1 GET is accepted (the signed method is the one used)', async () => {
  const { options } = fakeAuth();
  assert.equal((await authenticate(options, v1({ method: 'GET' }))).signatureVersion, 'v1');
});

test('V1 form body, pop-core style with Signature in the body and nothing in the query, is accepted', async () => {
  const { options } = fakeAuth();
  const input = v1({ inBody: true });
  assert.equal(input.req.rawQuery, '');
  assert.ok(input.formPairs.some(([name]) => name === 'Signature'));
  assert.equal((await authenticate(options, input)).signatureVersion, 'v1');
});

test('SignatureMethod is compared case-insensitively, as Alibaba\'s own examples write Hmac-SHA1', async () => {
  const { options } = fakeAuth();
  await authenticate(options, v1({ params: { SignatureMethod: 'Hmac-SHA1' } }));
  await authenticate(options, v1({ nonce: 'nonce-2', params: { SignatureMethod: 'hmac-sha1' } }));
});

test('another SignatureMethod is InvalidSignatureMethod; a missing one is MissingSignatureMethod', async () => {
  const { options } = fakeAuth();
  await rejectsWith(authenticate(options, v1({ params: { SignatureMethod: 'HMAC-SHA256' } })), 'InvalidSignatureMethod', 400);
  await rejectsWith(authenticate(options, v1({ params: { SignatureMethod: undefined } })), 'MissingSignatureMethod', 400);
});

test('SignatureVersion other than 1.0 is IncompleteSignature; a missing one is MissingSignatureVersion', async () => {
  const { options } = fakeAuth();
  await rejectsWith(authenticate(options, v1({ params: { SignatureVersion: '2.0' } })), 'IncompleteSignature', 400);
  await rejectsWith(authenticate(options, v1({ params: { SignatureVersion: undefined } })), 'MissingSignatureVersion', 400);
});

test('a missing or empty AccessKeyId, Timestamp or SignatureNonce is Missing{Name}', async () => {
  const { options, lookups } = fakeAuth();
  await rejectsWith(authenticate(options, v1({ params: { AccessKeyId: undefined } })), 'MissingAccessKeyId', 400);
  await rejectsWith(authenticate(options, v1({ params: { Timestamp: undefined } })), 'MissingTimestamp', 400);
  await rejectsWith(authenticate(options, v1({ params: { SignatureNonce: undefined } })), 'MissingSignatureNonce', 400);
  await rejectsWith(authenticate(options, v1({ nonce: '' })), 'MissingSignatureNonce', 400);
  assert.deepEqual(lookups, []);
});

test('a Timestamp that is not YYYY-MM-DDTHH:mm:ssZ is InvalidTimeStamp.Format', async () => {
  const { options } = fakeAuth();
  const err = await rejectsWith(authenticate(options, v1({ timestamp: '2026/11/22 10:00:00' })), 'InvalidTimeStamp.Format', 400);
  assert.match(err.message, /Timestamp/);
  await rejectsWith(authenticate(options, v1({ timestamp: String(NOW) })), 'InvalidTimeStamp.Format');
});

test('non-zero-padded and fractional-second Timestamps are accepted', async () => {
  const { options } = fakeAuth();
  await authenticate(options, v1({ timestamp: '2026-11-22T9:59:30Z' }));
  await authenticate(options, v1({ timestamp: '2026-11-22T10:00:00.250Z', nonce: 'nonce-2' }));
});

test('a Timestamp 16 minutes in the past or the future is InvalidTimeStamp.Expired; 15 minutes is still accepted', async () => {
  const { options } = fakeAuth();
  for (const offset of [-16 * MINUTE, 16 * MINUTE, -15 * MINUTE - 1000, 15 * MINUTE + 1000]) {
    const timestamp = acsTime(NOW + offset);
    const err = await rejectsWith(authenticate(options, v1({ timestamp })), 'InvalidTimeStamp.Expired', 400);
    assert.match(err.message, new RegExp(`Timestamp=${timestamp}`));
  }
  for (const [i, offset] of [-15 * MINUTE, 15 * MINUTE, -14 * MINUTE, 14 * MINUTE].entries()) {
    await authenticate(options, v1({ timestamp: acsTime(NOW + offset), nonce: `n${i}` }));
  }
});

test('a SecurityToken parameter is InvalidSecurityToken.NotSupported, before any key lookup', async () => {
  const { options, lookups } = fakeAuth();
  await rejectsWith(authenticate(options, v1({ params: { SecurityToken: 'sts-token' } })), 'InvalidSecurityToken.NotSupported', 400);
  assert.deepEqual(lookups, []);
});

test('an unknown AccessKeyId is InvalidAccessKeyId.NotFound (404)', async () => {
  const { options } = fakeAuth();
  await rejectsWith(authenticate(options, v1({ accessKeyId: 'noSuchKey' })), 'InvalidAccessKeyId.NotFound', 404);
});

test('a wrong signature is SignatureDoesNotMatch and shows the exact string the server signed', async () => {
  const { options, claims } = fakeAuth();
  const input = v1({ secret: 'wrongSecret', params: { TtsParam: '{"code":"1 2*"}' } });
  const err = await rejectsWith(authenticate(options, input), 'SignatureDoesNotMatch', 400);
  const expected = stringToSignV1('POST', input.queryPairs);
  assert.ok(expected.includes('TtsParam%3D%257B%2522code%2522%253A%25221%25202%252A%2522%257D'));
  assert.ok(err.message.endsWith(`server string to sign is:${expected}`), err.message);
  assert.equal(claims.length, 0);
});

test('a disabled key is InvalidAccessKeyId.Inactive only for a correctly signed request', async () => {
  const { options, claims } = fakeAuth();
  await rejectsWith(authenticate(options, v1({ accessKeyId: 'disabledKeyId', secret: 'disabledSecret' })), 'InvalidAccessKeyId.Inactive', 400);
  await rejectsWith(authenticate(options, v1({ accessKeyId: 'disabledKeyId', secret: 'guess' })), 'SignatureDoesNotMatch', 400);
  assert.equal(claims.length, 0);
});

test('a replayed request is SignatureNonceUsed; the same nonce from another key is fine', async () => {
  const { options } = fakeAuth();
  const input = v1();
  await authenticate(options, input);
  await rejectsWith(authenticate(options, input), 'SignatureNonceUsed', 400);
  await authenticate(options, v1({ accessKeyId: 'secondKeyId', secret: 'secondSecret' }));
});
