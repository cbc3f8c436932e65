import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW, acsTime, fakeAuth, rejectsWith } from '../../../test/fixtures/vectors/fake-auth-deps.js';
import { makeV1, makeV3 } from '../../../test/fixtures/vectors/make-request.js';
import type { GatewayRequest } from '../request.js';
import { DEFAULT_MAX_SKEW_MS, NONCE_MARGIN_MS, authenticate } from './authenticate.js';

const MINUTE = 60_000;

function bare(headers: Record<string, string> = {}, rawQuery = ''): GatewayRequest {
  return { method: 'POST', path: '/', rawQuery, headers: { host: 'dyvmsapi.aliyuncs.com', ...headers }, body: Buffer.alloc(0) };
}

test('a request with no signature at all is MissingAccessKeyId; with an AccessKeyId but no Signature, MissingSignature', async () => {
  const { options } = fakeAuth();
  await rejectsWith(authenticate(options, { req: bare(), queryPairs: [], formPairs: [] }), 'MissingAccessKeyId', 400);
  const withKey = { req: bare({}, 'AccessKeyId=testAccessKeyId'), queryPairs: [['AccessKeyId', 'testAccessKeyId'] as const], formPairs: [] };
  await rejectsWith(authenticate(options, withKey), 'MissingSignature', 400);
});

test('an Authorization header of another scheme, without a Signature parameter, is IncompleteSignature', async () => {
  const { options } = fakeAuth();
  const input = { req: bare({ authorization: 'Bearer abc' }), queryPairs: [], formPairs: [] };
  await rejectsWith(authenticate(options, input), 'IncompleteSignature', 400);
});

test('an ACS3- Authorization header makes it a V3 request even if a Signature parameter is present', async () => {
  const { options } = fakeAuth();
  const input = makeV3({ date: acsTime(NOW), nonce: 'n', query: { Signature: 'not-a-v1-one' } });
  assert.equal((await authenticate(options, input)).signatureVersion, 'v3');
});

test('the nonce is claimed for the caller\'s key until its timestamp could no longer be accepted, plus a margin', async () => {
  const { options, claims } = fakeAuth();
  const requestTime = NOW - 5 * MINUTE;
  await authenticate(options, makeV1({ timestamp: acsTime(requestTime), nonce: 'n-1' }));
  assert.deepEqual(claims, [{ accessKeyId: 'testAccessKeyId', nonce: 'n-1', now: NOW, expiresAt: requestTime + DEFAULT_MAX_SKEW_MS + NONCE_MARGIN_MS }]);
});

test('once a nonce could be forgotten, the same request is already refused for its timestamp', async () => {
  const { options, clock, claims } = fakeAuth();
  const input = makeV3({ date: acsTime(NOW - 15 * MINUTE), nonce: 'n-old' });
  await authenticate(options, input);
  clock.set((claims[0]?.expiresAt ?? 0) + 1);
  await rejectsWith(authenticate(options, input), 'InvalidTimeStamp.Expired');
});

test('maxSkewMs narrows the accepted window', async () => {
  const { options } = fakeAuth();
  const narrow = { ...options, maxSkewMs: MINUTE };
  await rejectsWith(authenticate(narrow, makeV1({ timestamp: acsTime(NOW - 2 * MINUTE), nonce: 'a' })), 'InvalidTimeStamp.Expired');
  await authenticate(narrow, makeV1({ timestamp: acsTime(NOW - 30_000), nonce: 'b' }));
});

test('checks run in order: the timestamp before STS, STS before the key, the key before the signature', async () => {
  const { options, lookups } = fakeAuth();
  const sts = { SecurityToken: 'sts' };
  await rejectsWith(authenticate(options, makeV1({ timestamp: 'soon', nonce: 'a', params: sts })), 'InvalidTimeStamp.Format');
  await rejectsWith(authenticate(options, makeV1({ timestamp: acsTime(NOW - 20 * MINUTE), nonce: 'a', params: sts })), 'InvalidTimeStamp.Expired');
  await rejectsWith(authenticate(options, makeV1({ timestamp: acsTime(NOW), nonce: 'a', accessKeyId: 'noSuchKey', params: sts })), 'InvalidSecurityToken.NotSupported');
  assert.deepEqual(lookups, []);
  await rejectsWith(authenticate(options, makeV1({ timestamp: acsTime(NOW), nonce: 'a', accessKeyId: 'noSuchKey', secret: 'x' })), 'InvalidAccessKeyId.NotFound');
});

test('a refused request does not use up its nonce', async () => {
  const { options, claims } = fakeAuth();
  await rejectsWith(authenticate(options, makeV1({ timestamp: acsTime(NOW), nonce: 'n', secret: 'wrong' })), 'SignatureDoesNotMatch');
  assert.equal(claims.length, 0);
  await authenticate(options, makeV1({ timestamp: acsTime(NOW), nonce: 'n' }));
});

test('an overlong nonce is refused before any key lookup or nonce write', async () => {
  const { options } = fakeAuth();
  await rejectsWith(authenticate(options, makeV1({ timestamp: acsTime(NOW), nonce: 'x'.repeat(129) })), 'InvalidParameter', 400);
  assert.equal((await authenticate(options, makeV1({ timestamp: acsTime(NOW), nonce: 'x'.repeat(128) }))).nonce.length, 128);
});
