import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW, acsTime, fakeAuth, rejectsWith } from '../../../test/fixtures/vectors/fake-auth-deps.js';
import { makeV3, type V3Spec } from '../../../test/fixtures/vectors/make-request.js';
import { authenticate } from './authenticate.js';
import { canonicalHeadersV3, canonicalQueryV3, canonicalRequestV3, hashPayloadV3, parseAuthorizationV3, stringToSignV3 } from './v3-signature.js';

const MINUTE = 60_000;
const FORM = 'application/x-www-form-urlencoded';
const v3 = (spec: Partial<V3Spec> = {}) => makeV3({ date: acsTime(NOW), nonce: 'f'.repeat(64), query: { CalledNumber: '13900001234' }, ...spec });

test('V3 with query parameters only is accepted and names the key, account, version and nonce', async () => {
  const { options } = fakeAuth();
  const result = await authenticate(options, v3());
  assert.deepEqual(result, { accessKeyId: 'testAccessKeyId', accountId: 'acc-1', signatureVersion: 'v3', nonce: 'f'.repeat(64) });
});

test('V3 with a form body (thirdswaicall style) is accepted; the body is signed through its hash', async () => {
  const { options } = fakeAuth();
  const input = v3({ query: {}, body: 'TaskId=t-1&CustomerName=%E5%BC%A0%E4%B8%89', contentType: FORM });
  assert.equal(input.formPairs.length, 2);
  assert.equal((await authenticate(options, input)).signatureVersion, 'v3');
});

test('V3 with a JSON body is accepted', async () => {
  const { options } = fakeAuth();
  await authenticate(options, v3({ body: '{"a":1}', contentType: 'application/json; charset=utf-8' }));
});

test('V3 GET and DELETE (aiccs) are accepted', async () => {
  const { options } = fakeAuth();
  await authenticate(options, v3({ method: 'GET', nonce: 'n-get', query: { PhoneNum: '13900001234' } }));
  await authenticate(options, v3({ method: 'DELETE', nonce: 'n-delete', query: { AccountName: 'agent@x', InstanceId: 'ccc-1' } }));
});

test('a Python-core request (every header signed, empty query value written as `k`) is accepted', async () => {
  const { options } = fakeAuth();
  const input = v3({ python: true, query: { Empty: '', CalledNumber: '1' } });
  assert.ok(parseAuthorizationV3(input.req.headers['authorization'] ?? '').signedHeaders.includes('user-agent'));
  await authenticate(options, input);
  await authenticate(options, v3({ nonce: 'n-js', query: { Empty: '', CalledNumber: '1' } }));
});

test('an algorithm other than ACS3-HMAC-SHA256 is InvalidSignatureMethod', async () => {
  const { options } = fakeAuth();
  await rejectsWith(authenticate(options, v3({ algorithm: 'ACS3-HMAC-SM3' })), 'InvalidSignatureMethod', 400);
});

test('a malformed Authorization header is IncompleteSignature', async () => {
  const { options } = fakeAuth();
  const input = v3();
  const broken = { ...input.req.headers, authorization: 'ACS3-HMAC-SHA256 Credential=testAccessKeyId,SignedHeaders=host' };
  await rejectsWith(authenticate(options, { ...input, req: { ...input.req, headers: broken } }), 'IncompleteSignature', 400);
});

test('a missing x-acs-date, x-acs-signature-nonce or x-acs-content-sha256 header is IncompleteSignature', async () => {
  const { options } = fakeAuth();
  for (const name of ['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) {
    const err = await rejectsWith(authenticate(options, v3({ headers: { [name]: undefined } })), 'IncompleteSignature', 400);
    assert.match(err.message, new RegExp(name));
  }
});

test('SignedHeaders missing a required header, or an x-acs-* header the request carries, is IncompleteSignature', async () => {
  const { options, lookups } = fakeAuth();
  for (const name of ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256', 'x-acs-credentials-provider']) {
    const err = await rejectsWith(authenticate(options, v3({ unsigned: [name] })), 'IncompleteSignature', 400);
    assert.match(err.message, new RegExp(`SignedHeaders must include ${name}`));
  }
  assert.deepEqual(lookups, []);
  await authenticate(options, v3({ unsigned: ['content-type'], contentType: FORM, body: 'A=1' }));
});

test('an x-acs-date that is not YYYY-MM-DDTHH:mm:ssZ is InvalidTimeStamp.Format', async () => {
  const { options } = fakeAuth();
  const err = await rejectsWith(authenticate(options, v3({ date: '20261122T100000Z' })), 'InvalidTimeStamp.Format', 400);
  assert.match(err.message, /x-acs-date/);
});

test('an x-acs-date 16 minutes in the past or the future is InvalidTimeStamp.Expired', async () => {
  const { options } = fakeAuth();
  for (const offset of [-16 * MINUTE, 16 * MINUTE]) {
    const date = acsTime(NOW + offset);
    const err = await rejectsWith(authenticate(options, v3({ date })), 'InvalidTimeStamp.Expired', 400);
    assert.match(err.message, new RegExp(`x-acs-date=${date}`));
  }
  await authenticate(options, v3({ date: acsTime(NOW - 15 * MINUTE) }));
});

test('an x-acs-security-token header is InvalidSecurityToken.NotSupported, before any key lookup', async () => {
  const { options, lookups } = fakeAuth();
  const sts = { 'x-acs-security-token': 'sts-token', 'x-acs-accesskey-id': 'testAccessKeyId' };
  await rejectsWith(authenticate(options, v3({ headers: sts })), 'InvalidSecurityToken.NotSupported', 400);
  assert.deepEqual(lookups, []);
});

test('an unknown AccessKeyId is InvalidAccessKeyId.NotFound (404)', async () => {
  const { options } = fakeAuth();
  await rejectsWith(authenticate(options, v3({ accessKeyId: 'noSuchKey' })), 'InvalidAccessKeyId.NotFound', 404);
});

test('x-acs-content-sha256 that is not the hash of the body is SignatureDoesNotMatch, even when it was signed', async () => {
  const { options } = fakeAuth();
  const claimsOtherBody = v3({ body: 'A=1', contentType: FORM, headers: { 'x-acs-content-sha256': hashPayloadV3(Buffer.from('A=2')) } });
  await rejectsWith(authenticate(options, claimsOtherBody), 'SignatureDoesNotMatch', 400);
  const signed = v3({ nonce: 'n2', body: 'A=1', contentType: FORM });
  const swapped = { ...signed, req: { ...signed.req, body: Buffer.from('A=2') }, formPairs: [['A', '2'] as const] };
  await rejectsWith(authenticate(options, swapped), 'SignatureDoesNotMatch', 400);
});

test('a wrong signature is SignatureDoesNotMatch and shows the server\'s string to sign', async () => {
  const { options } = fakeAuth();
  const { req, queryPairs } = v3({ secret: 'wrongSecret', query: { Star: 'a*b', Space: 'c d' } });
  const err = await rejectsWith(authenticate(options, { req, queryPairs, formPairs: [] }), 'SignatureDoesNotMatch', 400);
  const auth = parseAuthorizationV3(req.headers['authorization'] ?? '');
  const canonical = canonicalRequestV3({
    method: 'POST', path: '/', canonicalQuery: canonicalQueryV3(queryPairs), canonicalHeaders: canonicalHeadersV3(req.headers, auth.signedHeaders),
    signedHeadersText: auth.signedHeadersText, payloadHash: hashPayloadV3(req.body),
  });
  assert.ok(canonical.includes('\nSpace=c%20d&Star=a%2Ab\n'));
  assert.ok(err.message.endsWith(`server string to sign is:${stringToSignV3(canonical)}`), err.message);
});

test('a disabled key is InvalidAccessKeyId.Inactive only for a correctly signed request', async () => {
  const { options } = fakeAuth();
  await rejectsWith(authenticate(options, v3({ accessKeyId: 'disabledKeyId', secret: 'disabledSecret' })), 'InvalidAccessKeyId.Inactive', 400);
  await rejectsWith(authenticate(options, v3({ accessKeyId: 'disabledKeyId', secret: 'guess' })), 'SignatureDoesNotMatch', 400);
});

test('a replayed V3 request is SignatureNonceUsed', async () => {
  const { options } = fakeAuth();
  const input = v3();
  await authenticate(options, input);
  await rejectsWith(authenticate(options, input), 'SignatureNonceUsed', 400);
});
