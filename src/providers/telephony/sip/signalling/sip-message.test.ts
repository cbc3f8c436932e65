import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSipMessage, responseTo, serializeSipMessage, type SipMessage, type SipRequest, type SipResponse } from './sip-message.js';
import { parseCSeq, parseMaxForwards, parseNameAddr, parseVia } from './sip-header-values.js';
import { ACK, ANSWER_SDP, BYE, CANCEL, INVITE, OFFER_SDP, OK_INVITE, RINGING, SESSION_PROGRESS, TRYING, UNAUTHORIZED, sip } from './sip-test-messages.js';

function parsed(text: string | Buffer): SipMessage {
  const result = parseSipMessage(text);
  if (!result.ok) assert.fail(`expected a message, got: ${result.error}`);
  return result.message;
}

function request(text: string): SipRequest {
  const message = parsed(text);
  assert.equal(message.kind, 'request');
  return message as SipRequest;
}

function response(text: string): SipResponse {
  const message = parsed(text);
  assert.equal(message.kind, 'response');
  return message as SipResponse;
}

test('an INVITE with an SDP offer: start line, dialog headers and the body Content-Length delimits', () => {
  const invite = request(INVITE);
  assert.equal(invite.method, 'INVITE');
  assert.equal(invite.uri, 'sip:13912345678@trunk.example.com');
  assert.equal(invite.headers.get('call-id'), '3848276298220188511@198.51.100.7');
  assert.deepEqual(parseCSeq(invite.headers.get('CSEQ')!), { seq: 1, method: 'INVITE' });
  assert.equal(parseMaxForwards(invite.headers.get('Max-Forwards')), 70);
  assert.deepEqual(invite.headers.getAll('Allow'), ['INVITE', 'ACK', 'CANCEL', 'BYE', 'OPTIONS']);
  assert.equal(invite.body, OFFER_SDP.join('\r\n') + '\r\n');
  const from = parseNameAddr(invite.headers.get('From')!);
  assert.deepEqual(from, { displayName: 'Waihu', uri: 'sip:4000@trunk.example.com', params: { tag: '9fxced76sl' }, tag: '9fxced76sl' });
  assert.equal(parseNameAddr(invite.headers.get('To')!)?.tag, undefined, 'no To tag outside a dialog');
  const via = parseVia(invite.headers.get('Via')!);
  assert.deepEqual(via, { transport: 'UDP', host: '198.51.100.7', port: 5060, branch: 'z9hG4bK74bf9', rport: true, params: { branch: 'z9hG4bK74bf9', rport: true } });
});

test('100 and 183: the server fills in received and rport; 183 carries an early-media answer', () => {
  const trying = response(TRYING);
  assert.equal(trying.status, 100);
  assert.equal(trying.reason, 'Trying');
  const via = parseVia(trying.headers.get('Via')!);
  assert.equal(via?.received, '203.0.113.5');
  assert.equal(via?.rport, 5060);
  const progress = response(SESSION_PROGRESS);
  assert.equal(progress.status, 183);
  assert.equal(parseNameAddr(progress.headers.get('To')!)?.tag, '314159');
  assert.equal(progress.headers.get('content-type'), 'application/sdp');
  assert.equal(progress.body, ANSWER_SDP.join('\r\n') + '\r\n');
});

test('a 180 in compact form reads like the long form, and is written back with full names', () => {
  const ringing = response(RINGING);
  assert.equal(ringing.status, 180);
  assert.equal(ringing.headers.get('Call-ID'), '3848276298220188511@198.51.100.7');
  assert.equal(parseNameAddr(ringing.headers.get('To')!)?.tag, '314159');
  assert.equal(ringing.headers.get('Contact'), '<sip:13912345678@192.0.2.10:5060>');
  assert.equal(ringing.headers.get('Content-Length'), '0');
  const text = serializeSipMessage(ringing);
  assert.match(text, /^SIP\/2\.0 180 Ringing\r\nVia: SIP\/2\.0\/UDP /);
  for (const name of ['From', 'To', 'Call-ID', 'Contact', 'Content-Length']) assert.match(text, new RegExp(`\\r\\n${name}: `), name);
  assert.doesNotMatch(text, /\r\n[vftiml]: /);
});

test('repeated and comma-joined headers: Record-Route, Route and Via list in order', () => {
  const ok = response(OK_INVITE);
  assert.deepEqual(ok.headers.getAll('Record-Route'), ['<sip:192.0.2.10;lr>', '<sip:10.0.0.1;lr>']);
  const ack = request(ACK);
  assert.deepEqual(ack.headers.getAll('route'), ['<sip:192.0.2.10;lr>', '<sip:10.0.0.1;lr>']);
  assert.equal(ack.body, '');
  const bye = request(BYE);
  assert.deepEqual(bye.headers.getAll('Via').map((v) => parseVia(v)?.branch), ['z9hG4bKnashds7', 'z9hG4bK77ef4c']);
  assert.equal(parseVia(bye.headers.get('Via')!)?.host, '192.0.2.10', 'get() reads the top Via');
});

test('every sample survives parse -> serialize -> parse unchanged', () => {
  for (const text of [INVITE, TRYING, RINGING, SESSION_PROGRESS, OK_INVITE, ACK, BYE, CANCEL, UNAUTHORIZED]) {
    const first = parsed(text);
    const again = parsed(serializeSipMessage(first));
    assert.deepEqual(again, first);
  }
  assert.equal(serializeSipMessage(parsed(INVITE)), INVITE, 'a message in canonical form is written back byte for byte');
});

test('Content-Length counts bytes: a UTF-8 body is written with its byte length and read back whole', () => {
  const invite = request(INVITE);
  invite.body = 's=通话\r\n';
  const text = serializeSipMessage(invite);
  assert.match(text, /\r\nContent-Length: 10\r\n/);
  assert.equal(request(text).body, 's=通话\r\n');
});

test('a 401 keeps its challenge whole (commas inside WWW-Authenticate do not split it)', () => {
  const challenge = response(UNAUTHORIZED);
  assert.equal(challenge.status, 401);
  assert.deepEqual(challenge.headers.getAll('WWW-Authenticate'), [
    'Digest realm="trunk.example.com", nonce="5f2a6c1e9b", algorithm=MD5, qop="auth", opaque="0a1b2c"',
  ]);
});

test('a display name with a comma and an escaped quote stays one Contact', () => {
  const text = INVITE.replace('Contact: <sip:4000@198.51.100.7:5060>', 'Contact: "Doe, \\"J\\"" <sip:4000@198.51.100.7:5060>;expires=60, <sip:b@h>');
  const contacts = request(text).headers.getAll('Contact');
  assert.equal(contacts.length, 2);
  assert.deepEqual(parseNameAddr(contacts[0]!), { displayName: 'Doe, "J"', uri: 'sip:4000@198.51.100.7:5060', params: { expires: '60' } });
  assert.equal(parseNameAddr(contacts[1]!)?.uri, 'sip:b@h');
});

test('a bare addr-spec: the parameters after it belong to the header', () => {
  assert.deepEqual(parseNameAddr('sip:alice@atlanta.com;tag=88sja8x'), { uri: 'sip:alice@atlanta.com', params: { tag: '88sja8x' }, tag: '88sja8x' });
});

test('keep-alive CRLFs before a message, bare LF line ends and a folded header line are accepted', () => {
  const lf = '\r\n\r\n' + TRYING.replace(/\r\n/g, '\n').replace('CSeq: 1 INVITE', 'CSeq: 1\n  INVITE');
  const message = response(lf);
  assert.equal(message.status, 100);
  assert.deepEqual(parseCSeq(message.headers.get('CSeq')!), { seq: 1, method: 'INVITE' });
});

test('responseTo copies Via, From, To, Call-ID and CSeq and adds the To tag', () => {
  const bye = request(BYE);
  const ok = responseTo(bye, 200, 'OK');
  const expected = ['SIP/2.0 200 OK',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7', 'Via: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bK77ef4c',
    'From: <sip:13912345678@trunk.example.com>;tag=314159', 'To: "Waihu" <sip:4000@trunk.example.com>;tag=9fxced76sl',
    'Call-ID: 3848276298220188511@198.51.100.7', 'CSeq: 231 BYE', 'Content-Length: 0'];
  assert.equal(serializeSipMessage(ok), sip(expected));
  const invite = request(INVITE);
  assert.equal(parseNameAddr(responseTo(invite, 486, 'Busy Here', 'abc').headers.get('To')!)?.tag, 'abc');
});

test('garbage and broken messages are refused with a reason, never an exception', () => {
  const cases: Array<[input: string | Buffer, error: RegExp]> = [
    ['', /empty/],
    ['\r\n\r\n', /empty/],
    ['hello world', /start line/],
    [Buffer.from([0xff, 0x00, 0x13, 0x37, 0x0d, 0x0a]), /start line/],
    ['GET / HTTP/1.1\r\nHost: x\r\n\r\n', /SIP version|start line/],
    ['SIP/2.0 099 Odd\r\n\r\n', /status code/],
    ['SIP/2.0 20 OK\r\n\r\n', /start line/],
    ['SIP/3.0 200 OK\r\n\r\n', /version/],
    ['INV@ITE sip:a@b SIP/2.0\r\n\r\n', /method/],
    ['INVITE nonsense SIP/2.0\r\n\r\n', /Request-URI/],
    [INVITE.replace('Max-Forwards: 70', 'Max-Forwards 70'), /header line/],
    [INVITE.replace(/Call-ID: [^\r]+\r\n/, ''), /missing Call-ID/],
    [INVITE.replace(/Via: [^\r]+\r\n/, ''), /missing Via/],
    [INVITE.replace('CSeq: 1 INVITE', 'CSeq: one INVITE'), /malformed CSeq/],
    [INVITE.replace('CSeq: 1 INVITE', 'CSeq: 1 BYE'), /differs/],
    [INVITE.replace(/Content-Length: \d+/, 'Content-Length: 9999'), /truncated/],
    [INVITE.replace(/Content-Length: \d+/, 'Content-Length: -1'), /Content-Length/],
  ];
  for (const [input, error] of cases) {
    const result = parseSipMessage(input);
    assert.equal(result.ok, false, JSON.stringify(input.toString().slice(0, 40)));
    if (!result.ok) assert.match(result.error, error);
  }
});

test('random bytes and random cuts of real messages never throw', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < 2000; i++) {
    const source = [INVITE, OK_INVITE, BYE, RINGING][i % 4]!;
    const cut = Buffer.from(source).subarray(0, next() % source.length);
    const noise = Buffer.from(Array.from({ length: next() % 64 }, () => next() % 256));
    assert.doesNotThrow(() => parseSipMessage(i % 2 ? cut : Buffer.concat([cut, noise])));
  }
});

test('extra bytes after Content-Length are dropped; without Content-Length the datagram rest is the body', () => {
  assert.equal(request(INVITE + 'junk').body, OFFER_SDP.join('\r\n') + '\r\n');
  const noLength = INVITE.replace(/Content-Length: \d+\r\n/, '');
  assert.equal(request(noLength).body, OFFER_SDP.join('\r\n') + '\r\n');
});
