// Every request the real SDK clients signed (test/fixtures/vectors) must verify, and must stop verifying once altered.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { ManualClock } from '../../ports/clock.js';
import {
  VECTOR_ACCESS_KEY_ID, VECTOR_SECRET, formPairsOf, loadVectors, queryPairsOf, type Vector,
} from '../../../test/fixtures/vectors/load-vectors.js';
import { GatewayError } from '../errors.js';
import type { GatewayRequest } from '../request.js';
import { authenticate, readClaims, verifySignature, type AuthInput } from './authenticate.js';
import { stringToSignV1 } from './v1-signature.js';
import { canonicalHeadersV3, canonicalQueryV3, canonicalRequestV3, parseAuthorizationV3 } from './v3-signature.js';

const vectors = loadVectors();
const STS_VECTORS = ['openapi-client-05-v3-rpc-post-sts.json', 'openapi-client-09-v1-rpc-post-sts.json', 'pop-core-03-v1-post-sts.json'];

function inputOf(req: GatewayRequest): AuthInput {
  return { req, queryPairs: queryPairsOf(req), formPairs: formPairsOf(req) };
}

function verify(req: GatewayRequest, secret = VECTOR_SECRET): void {
  const input = inputOf(req);
  verifySignature(input, readClaims(input), secret);
}

function mismatches(req: GatewayRequest): void {
  assert.throws(() => verify(req), (e: unknown) => e instanceof GatewayError && e.code === 'SignatureDoesNotMatch');
}

const COMMON = new Set(['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'SecurityToken']);

/**
 * Which body byte to change: the middle one, except in a V1 form, where a changed byte in a common parameter's name
 * or value would be caught by an earlier check (MissingSignatureVersion…); there it is the middle of a business value.
 */
function byteToChange(body: Buffer, isV3: boolean): number {
  if (isV3) return body.length >> 1;
  let offset = 0;
  for (const part of body.toString('latin1').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && eq < part.length - 1 && !COMMON.has(part.slice(0, eq))) return offset + eq + 1 + ((part.length - eq - 1) >> 1);
    offset += part.length + 1;
  }
  throw new Error('no business parameter in the body');
}

/** Appends X to the first value of a `k=v&…` string. */
function alterFirstValue(text: string): string {
  const eq = text.indexOf('=');
  const end = text.indexOf('&', eq);
  return end < 0 ? `${text}X` : `${text.slice(0, end)}X${text.slice(end)}`;
}

test('all 54 signed requests and the 4 result files are in the fixtures', () => {
  const here = new URL('../../../test/fixtures/vectors/', import.meta.url);
  assert.equal(vectors.length, 54);
  assert.equal(readdirSync(here).filter((f) => f.endsWith('-results.json')).length, 4);
  assert.equal(vectors.filter((v) => v.req.headers['authorization'] !== undefined).length, 36);
});

function testAcceptance(v: Vector, isV3: boolean): void {
  test(`its ${isV3 ? 'V3' : 'V1'} signature verifies with ${VECTOR_SECRET}, and not with another secret`, () => {
    assert.equal(v.captured.secretUsedByClient, VECTOR_SECRET);
    verify(v.req);
    assert.throws(() => verify(v.req, 'otherSecret'), (e: unknown) => e instanceof GatewayError && e.code === 'SignatureDoesNotMatch');
  });

  test('authenticate() accepts it at its capture time (STS captures: InvalidSecurityToken.NotSupported)', async () => {
    const options = {
      clock: new ManualClock(Date.parse(v.captured.receivedAt)),
      lookupKey: async (id: string) => (id === VECTOR_ACCESS_KEY_ID ? { accountId: 'acc-1', secret: VECTOR_SECRET, active: true } : undefined),
      claimNonce: async () => true,
    };
    const run = authenticate(options, inputOf(v.req));
    if (STS_VECTORS.includes(v.file)) {
      await assert.rejects(run, (e: unknown) => e instanceof GatewayError && e.code === 'InvalidSecurityToken.NotSupported');
      return;
    }
    const result = await run;
    assert.equal(result.signatureVersion, isV3 ? 'v3' : 'v1');
    assert.equal(result.accessKeyId, VECTOR_ACCESS_KEY_ID);
    assert.equal(result.accountId, 'acc-1');
  });
}

function testTampering(req: GatewayRequest, isV3: boolean): void {
  if (req.rawQuery !== '') {
    test('an altered query value fails', () => mismatches({ ...req, rawQuery: alterFirstValue(req.rawQuery) }));
  } else {
    test('an altered form value fails (all parameters are in the body)', () => {
      mismatches({ ...req, body: Buffer.from(alterFirstValue(req.body.toString('utf8'))) });
    });
  }
  test('an appended &Tampered=1 fails', () => {
    mismatches({ ...req, rawQuery: req.rawQuery === '' ? 'Tampered=1' : `${req.rawQuery}&Tampered=1` });
  });
  if (req.body.length > 0) {
    test('one changed body byte fails', () => {
      const body = Buffer.from(req.body);
      const at = byteToChange(body, isV3);
      body[at] = (body[at] as number) ^ 1;
      mismatches({ ...req, body });
    });
  }
  test('another HTTP method fails', () => mismatches({ ...req, method: req.method === 'GET' ? 'POST' : 'GET' }));
  if (isV3) testSignedHeaders(req);
}

function testSignedHeaders(req: GatewayRequest): void {
  const { signedHeaders } = parseAuthorizationV3(req.headers['authorization'] ?? '');
  test(`changing any of its ${signedHeaders.length} signed header values fails`, () => {
    for (const name of signedHeaders) mismatches({ ...req, headers: { ...req.headers, [name]: `${req.headers[name]}x` } });
  });
}

for (const v of vectors) {
  const isV3 = v.req.headers['authorization'] !== undefined;
  describe(v.file, () => {
    testAcceptance(v, isV3);
    testTampering(v.req, isV3);
  });
}

describe('the worked strings of protocol.md §2 come out of the captured requests', () => {
  const byFile = (name: string): Vector => vectors.find((v) => v.file === name) as Vector;

  test('§2.1: pop-core-01 string to sign begins as printed', () => {
    const input = inputOf(byFile('pop-core-01-v1-post.json').req);
    assert.ok(stringToSignV1('POST', input.formPairs).startsWith(
      'POST&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DSingleCallByTts%26CalledNumber%3D13900001234%26' +
      'CalledShowNumber%3D05711234%252A%252A%252A%252A%26Format%3DJSON%26',
    ));
  });

  test('§2.2: openapi-client-02 canonical request is the printed one (this capture\'s date and nonce)', () => {
    const { req } = byFile('openapi-client-02-v3-rpc-post-formdata-body.json');
    const auth = parseAuthorizationV3(req.headers['authorization'] ?? '');
    const hash = '95124bd71aa7cdcec9bafede39bdd2ea5ffd05789a6e32546b56dfb4bc3f1610';
    const signed = 'content-type;host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version';
    const expected = [
      'POST', '/', 'Q=in%20query', 'content-type:application/x-www-form-urlencoded', 'host:dyvmsapi.aliyuncs.com',
      'x-acs-action:CreateCallOutboundInstant', `x-acs-content-sha256:${hash}`, 'x-acs-credentials-provider:static_ak',
      'x-acs-date:2026-11-22T09:57:52Z', 'x-acs-signature-nonce:93c50a54340cba04ce4fbdfcb8989e52', 'x-acs-version:2025-11-27', '', signed, hash,
    ].join('\n');
    const actual = canonicalRequestV3({
      method: req.method, path: req.path, canonicalQuery: canonicalQueryV3(queryPairsOf(req)),
      canonicalHeaders: canonicalHeadersV3(req.headers, auth.signedHeaders), signedHeadersText: auth.signedHeadersText, payloadHash: hash,
    });
    assert.equal(actual, expected);
  });
});
