import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { signJwt, verifyJwt, type TokenClaims } from './jwt.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const NOW = 1_700_000_000_000;
const CLAIMS: TokenClaims = { iss: 'waihu', sub: '1001', iat: 1_700_000_000, nbf: 1_699_999_940, exp: 1_700_001_800, jti: 'j', token_type: 'dyvms' };

function part(token: string, i: number): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[i] ?? '', 'base64url').toString()) as Record<string, unknown>;
}

test('a signed token verifies and carries its header and claims', () => {
  const token = signJwt(CLAIMS, privateKey, 'kid-1');
  assert.deepEqual(part(token, 0), { alg: 'RS256', typ: 'JWT', kid: 'kid-1' });
  assert.deepEqual(verifyJwt(token, publicKey, NOW), { ok: true, claims: CLAIMS });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  assert.equal(verifyJwt(token, pem, NOW).ok, true, 'the PEM text verifies as well');
});

test('a tampered payload, a foreign key or an altered algorithm is refused', () => {
  const token = signJwt(CLAIMS, privateKey, 'k');
  const [h, , s] = token.split('.');
  const forged = Buffer.from(JSON.stringify({ ...CLAIMS, sub: '2002' })).toString('base64url');
  assert.equal(verify(`${h}.${forged}.${s}`), 'bad-signature');
  assert.equal(verifyJwt(token, other.publicKey, NOW).ok ? 'ok' : 'refused', 'refused');
  assert.equal(verify(signJwt(CLAIMS, other.privateKey, 'k')), 'bad-signature');
  const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
  assert.equal(verify(`${none}.${token.split('.')[1]}.`), 'unsupported-algorithm');
  assert.equal(verify('not.a-token'), 'malformed');
  assert.equal(verify('%%%.e30.AAAA'), 'malformed');
});

test('time window: expired at exp, not valid before nbf, wrong issuer refused', () => {
  const token = signJwt(CLAIMS, privateKey, 'k');
  assert.equal(verifyJwt(token, publicKey, CLAIMS.exp * 1000 - 1).ok, true);
  assert.equal(verify(token, CLAIMS.exp * 1000), 'expired');
  assert.equal(verify(token, CLAIMS.nbf * 1000 - 1), 'not-yet-valid');
  assert.equal(verify(signJwt({ ...CLAIMS, iss: 'someone' }, privateKey, 'k')), 'wrong-issuer');
  const missing: Record<string, unknown> = { ...CLAIMS };
  delete missing.exp;
  assert.equal(verify(signJwt(missing as TokenClaims, privateKey, 'k')), 'malformed');
});

function verify(token: string, now = NOW): string {
  const verdict = verifyJwt(token, publicKey, now);
  return verdict.ok ? 'ok' : verdict.reason;
}
