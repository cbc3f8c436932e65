import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { answerDigestChallenge, challengeOf, parseDigestChallenge, type DigestChallenge } from './digest-auth.js';
import { parseSipMessage, type SipResponse } from './sip-message.js';
import { UNAUTHORIZED } from './sip-test-messages.js';

function challenge(value: string): DigestChallenge {
  const result = parseDigestChallenge(value);
  if (!result.ok) assert.fail(result.error);
  return result.challenge;
}

/** The auth-params of an Authorization value, unquoted. */
function params(header: string): Record<string, string> {
  assert.match(header, /^Digest /);
  return Object.fromEntries([...header.slice(7).matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)].map((m) => [m[1]!, m[2] ?? m[3]!]));
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

test('RFC 2617 §3.5: Mufasa / "Circle Of Life" gives the published response', () => {
  const c = challenge('Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  assert.deepEqual(c.qop, ['auth', 'auth-int']);
  const header = answerDigestChallenge(c, { username: 'Mufasa', password: 'Circle Of Life' }, { method: 'GET', uri: '/dir/index.html' }, { cnonce: '0a4f113b', nc: 1 });
  assert.deepEqual(params(header), {
    username: 'Mufasa', realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', uri: '/dir/index.html',
    response: '6629fae49393a05397450978507c4ef1', algorithm: 'MD5', cnonce: '0a4f113b', qop: 'auth', nc: '00000001',
    opaque: '5ccc069c403ebaf9f0171e9517f40e41',
  });
});

test('RFC 7616 §3.9.1: the same request answered with MD5 and with SHA-256', () => {
  const base = 'realm="http-auth@example.org", qop="auth, auth-int", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';
  const answer = (algorithm: string) => params(answerDigestChallenge(challenge(`Digest ${base}, algorithm=${algorithm}`),
    { username: 'Mufasa', password: 'Circle of Life' }, { method: 'GET', uri: '/dir/index.html' }, { cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ', nc: 1 }));
  assert.equal(answer('MD5').response, '8ca523f5e9506fed4657c9700eebdbec');
  assert.equal(answer('SHA-256').response, '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  assert.equal(answer('SHA-256').algorithm, 'SHA-256');
});

test('a trunk 401 with qop=auth: the response is H(HA1:nonce:nc:cnonce:qop:HA2), nc counting in hex', () => {
  const parsed = parseSipMessage(UNAUTHORIZED);
  assert.ok(parsed.ok);
  const found = challengeOf(parsed.message as SipResponse);
  if (!found.ok) assert.fail(found.error);
  assert.equal(found.header, 'Authorization');
  const uri = 'sip:13912345678@trunk.example.com';
  const header = answerDigestChallenge(found.challenge, { username: '4000', password: 's3cret' }, { method: 'INVITE', uri }, { cnonce: 'c0ffee', nc: 26 });
  const ha1 = md5('4000:trunk.example.com:s3cret');
  const ha2 = md5(`INVITE:${uri}`);
  const p = params(header);
  assert.equal(p.response, md5(`${ha1}:5f2a6c1e9b:0000001a:c0ffee:auth:${ha2}`));
  assert.equal(p.nc, '0000001a');
  assert.equal(p.opaque, '0a1b2c');
  assert.match(header, /qop=auth, nc=0000001a/, 'qop and nc are tokens, not quoted');
});

test('the form without qop (RFC 2069) sends no cnonce and hashes H(HA1:nonce:HA2)', () => {
  const c = challenge('Digest realm="sip.carrier.cn",nonce="abc123"');
  assert.deepEqual(c, { realm: 'sip.carrier.cn', nonce: 'abc123', algorithm: 'MD5', qop: [], stale: false });
  const p = params(answerDigestChallenge(c, { username: 'u', password: 'p' }, { method: 'BYE', uri: 'sip:1@h' }));
  assert.equal(p.response, md5(`${md5('u:sip.carrier.cn:p')}:abc123:${md5('BYE:sip:1@h')}`));
  assert.equal(p.cnonce, undefined);
  assert.equal(p.qop, undefined);
});

test('MD5-sess and auth-int: HA1 takes the nonces, HA2 the body hash', () => {
  const c = challenge('Digest realm="r", nonce="n", algorithm=MD5-sess, qop="auth-int", stale=TRUE');
  assert.equal(c.stale, true);
  const body = 'v=0\r\n';
  const p = params(answerDigestChallenge(c, { username: 'u', password: 'p' }, { method: 'INVITE', uri: 'sip:x@y', body }, { cnonce: 'cn' }));
  const ha1 = md5(`${md5('u:r:p')}:n:cn`);
  const ha2 = md5(`INVITE:sip:x@y:${md5(body)}`);
  assert.equal(p.response, md5(`${ha1}:n:00000001:cn:auth-int:${ha2}`));
  assert.equal(p.qop, 'auth-int');
});

test('a 407 is answered in Proxy-Authorization, and SHA-256 is chosen over MD5 when both are offered', () => {
  const text = UNAUTHORIZED.replace('401 Unauthorized', '407 Proxy Authentication Required')
    .replace('WWW-Authenticate: Digest realm="trunk.example.com", nonce="5f2a6c1e9b", algorithm=MD5, qop="auth", opaque="0a1b2c"',
      'Proxy-Authenticate: Digest realm="p", nonce="1", algorithm=MD5\r\nProxy-Authenticate: Digest realm="p", nonce="2", algorithm=SHA-256');
  const parsed = parseSipMessage(text);
  assert.ok(parsed.ok);
  const found = challengeOf(parsed.message as SipResponse);
  if (!found.ok) assert.fail(found.error);
  assert.equal(found.header, 'Proxy-Authorization');
  assert.equal(found.challenge.algorithm, 'SHA-256');
  assert.equal(found.challenge.nonce, '2');
});

test('challenges that cannot be answered are refused with a reason', () => {
  const bad: Array<[string, RegExp]> = [
    ['Basic realm="x"', /not a Digest/],
    ['Digest nonce="n"', /realm or nonce/],
    ['Digest realm="r", nonce="n", algorithm=SHA-512-256', /algorithm/],
    ['Digest realm="r", nonce="n", qop="auth-conf"', /qop/],
    ['Digest realm="r" nonce="n"', /malformed/],
    ['Digest realm="unterminated, nonce=n', /malformed/],
  ];
  for (const [value, error] of bad) {
    const result = parseDigestChallenge(value);
    assert.equal(result.ok, false, value);
    if (!result.ok) assert.match(result.error, error);
  }
  const ok = parseSipMessage(UNAUTHORIZED.replace('401 Unauthorized', '403 Forbidden'));
  assert.ok(ok.ok);
  assert.equal(challengeOf(ok.message as SipResponse).ok, false);
});
