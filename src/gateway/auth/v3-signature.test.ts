import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayError } from '../errors.js';
import {
  EMPTY_PAYLOAD_SHA256,
  canonicalHeadersV3,
  canonicalQueryV3,
  canonicalRequestV3,
  hashPayloadV3,
  parseAuthorizationV3,
  signV3,
  stringToSignV3,
} from './v3-signature.js';

const SIG = 'ade8a0d98d49239351ec9719b49941492f317f4fae6636888be404c59065697e';

function incomplete(fn: () => unknown): void {
  assert.throws(fn, (e: unknown) => e instanceof GatewayError && e.code === 'IncompleteSignature' && e.status === 400);
}

test('the Authorization header splits into algorithm, credential, signed headers and signature', () => {
  const auth = parseAuthorizationV3(`ACS3-HMAC-SHA256 Credential=testAccessKeyId,SignedHeaders=host;x-acs-date,Signature=${SIG}`);
  assert.deepEqual(auth, {
    algorithm: 'ACS3-HMAC-SHA256', accessKeyId: 'testAccessKeyId', signedHeaders: ['host', 'x-acs-date'],
    signedHeadersText: 'host;x-acs-date', signature: SIG,
  });
});

test('spaces after the commas are tolerated', () => {
  const auth = parseAuthorizationV3(`ACS3-HMAC-SHA256 Credential=AK, SignedHeaders=host,  Signature=${SIG}`);
  assert.equal(auth.accessKeyId, 'AK');
  assert.deepEqual(auth.signedHeaders, ['host']);
  assert.equal(auth.signature, SIG);
});

test('malformed Authorization headers are IncompleteSignature', () => {
  incomplete(() => parseAuthorizationV3('ACS3-HMAC-SHA256'));
  incomplete(() => parseAuthorizationV3('ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host'));
  incomplete(() => parseAuthorizationV3(`ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=${SIG}`));
  incomplete(() => parseAuthorizationV3(`ACS3-HMAC-SHA256 Credential=AK,Credential=AK,SignedHeaders=host,Signature=${SIG}`));
  incomplete(() => parseAuthorizationV3(`ACS3-HMAC-SHA256 Credential=AK,Scope=x,SignedHeaders=host,Signature=${SIG}`));
  incomplete(() => parseAuthorizationV3(`ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;;x-acs-date,Signature=${SIG}`));
  incomplete(() => parseAuthorizationV3(`ACS3-HMAC-SHA256 Credential=AK;SignedHeaders=host;Signature=${SIG}`));
});

test('the canonical query re-encodes decoded pairs, sorted by name', () => {
  assert.equal(
    canonicalQueryV3([['TtsParam', 'a b'], ['CalledShowNumber', '05711234****'], ['CallId', '1^2']]),
    'CallId=1%5E2&CalledShowNumber=05711234%2A%2A%2A%2A&TtsParam=a%20b',
  );
  assert.equal(canonicalQueryV3([]), '');
});

test('empty values are `k=` as the JS cores write them, or bare `k` in the Python core form', () => {
  assert.equal(canonicalQueryV3([['B', '1'], ['A', '']]), 'A=&B=1');
  assert.equal(canonicalQueryV3([['B', '1'], ['A', '']], true), 'A&B=1');
});

test('canonical headers follow the SignedHeaders order and trim values; absent headers sign as empty', () => {
  const headers = { host: 'h.example', 'x-acs-date': '  2026-11-22T09:57:52Z ', accept: 'application/json' };
  assert.equal(canonicalHeadersV3(headers, ['host', 'x-acs-date']), 'host:h.example\nx-acs-date:2026-11-22T09:57:52Z\n');
  assert.equal(canonicalHeadersV3(headers, ['x-acs-date', 'host']), 'x-acs-date:2026-11-22T09:57:52Z\nhost:h.example\n');
  assert.equal(canonicalHeadersV3(headers, ['constructor', 'x-missing']), 'constructor:\nx-missing:\n');
});

test('the canonical request has a blank line between the headers and the SignedHeaders line', () => {
  const request = canonicalRequestV3({
    method: 'GET', path: '', canonicalQuery: 'A=1', canonicalHeaders: 'host:h\n', signedHeadersText: 'host', payloadHash: EMPTY_PAYLOAD_SHA256,
  });
  assert.equal(request, `GET\n/\nA=1\nhost:h\n\nhost\n${EMPTY_PAYLOAD_SHA256}`);
});

test('payload hash is the hex sha256 of the raw bytes; the signature is hex HMAC-SHA256 keyed with the bare secret', () => {
  assert.equal(hashPayloadV3(Buffer.alloc(0)), EMPTY_PAYLOAD_SHA256);
  assert.equal(hashPayloadV3(Buffer.from('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  // Computed independently with openssl dgst -sha256 -hmac secret.
  assert.equal(signV3('ACS3-HMAC-SHA256\nabc', 'secret'), '583b7363a028d59716b60e0de9322a5ba04b6a25b8148cb6d80f729d982a281f');
});

function docExample(date: string, nonce: string): { stringToSign: string; signature: string } {
  const headers = {
    host: 'ecs.cn-shanghai.aliyuncs.com', 'x-acs-action': 'RunInstances', 'x-acs-version': '2014-05-26', 'x-acs-date': date,
    'x-acs-signature-nonce': nonce, 'x-acs-content-sha256': EMPTY_PAYLOAD_SHA256,
  };
  const signed = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
  const stringToSign = stringToSignV3(canonicalRequestV3({
    method: 'POST', path: '/',
    canonicalQuery: canonicalQueryV3([['ImageId', 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd'], ['RegionId', 'cn-shanghai']]),
    canonicalHeaders: canonicalHeadersV3(headers, signed), signedHeadersText: signed.join(';'), payloadHash: EMPTY_PAYLOAD_SHA256,
  }));
  return { stringToSign, signature: signV3(stringToSign, 'YourAccessKeySecret') };
}

test('V3 doc "fixed parameter values" example reproduces its string-to-sign hash and signature', () => {
  const { stringToSign, signature } = docExample('2023-10-26T10:22:32Z', '3156853299f313e23d1673dc12e1703d');
  assert.equal(stringToSign, 'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
  assert.equal(signature, '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
});

test('V3 header-table values (x-acs-date 09:01:01, nonce d410…) reproduce e521358f…', () => {
  const { signature } = docExample('2023-10-26T09:01:01Z', 'd410180a5abf7fe235dd9b74aca91fc0');
  assert.equal(signature, 'e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804');
});
