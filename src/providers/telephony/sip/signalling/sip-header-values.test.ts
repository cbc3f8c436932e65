import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNameAddr, formatVia, parseCSeq, parseHostPort, parseMaxForwards, parseNameAddr, parseSipUri, parseVia } from './sip-header-values.js';
import { SipHeaders } from './sip-headers.js';

test('Via: written and read back, with rport asked for and then filled in by the server (RFC 3581)', () => {
  const sent = formatVia({ transport: 'UDP', host: '10.0.0.5', port: 5060, branch: 'z9hG4bKabc', rport: true, params: {} });
  assert.equal(sent, 'SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKabc;rport');
  const back = parseVia(`${sent.replace(';rport', ';rport=40123')};received=203.0.113.9`);
  assert.equal(back?.rport, 40123);
  assert.equal(back?.received, '203.0.113.9');
  assert.equal(formatVia(back!), 'SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKabc;rport=40123;received=203.0.113.9');
  assert.deepEqual(parseVia('SIP / 2.0 / tcp [2001:db8::1]:5070 ;branch=z9hG4bKx'), {
    transport: 'TCP', host: '[2001:db8::1]', port: 5070, branch: 'z9hG4bKx', params: { branch: 'z9hG4bKx' },
  });
  for (const bad of ['SIP/3.0/UDP h', 'SIP/2.0/UDP', 'SIP/2.0/UDP host:99999', 'garbage']) assert.equal(parseVia(bad), undefined, bad);
});

test('name-addr: a display name with quotes is escaped on the way out and recovered on the way in', () => {
  const value = { displayName: 'Call "Center", Shanghai', uri: 'sip:4000@trunk.example.com;user=phone', params: {}, tag: 'a1' };
  const text = formatNameAddr(value);
  assert.equal(text, '"Call \\"Center\\", Shanghai" <sip:4000@trunk.example.com;user=phone>;tag=a1');
  assert.deepEqual(parseNameAddr(text), { ...value, params: { tag: 'a1' } });
  assert.deepEqual(parseNameAddr('Bob <sips:bob@biloxi.com>'), { displayName: 'Bob', uri: 'sips:bob@biloxi.com', params: {} });
  for (const bad of ['<sip:a@b', 'no uri here', '"unterminated <sip:a@b>']) assert.equal(parseNameAddr(bad), undefined, bad);
});

test('CSeq, Max-Forwards, host:port and SIP URIs', () => {
  assert.deepEqual(parseCSeq(' 4711   BYE '), { seq: 4711, method: 'BYE' });
  assert.equal(parseCSeq('4294967296 INVITE'), undefined);
  assert.equal(parseCSeq('1'), undefined);
  assert.equal(parseMaxForwards('70'), 70);
  assert.equal(parseMaxForwards('256'), undefined);
  assert.equal(parseMaxForwards(undefined), undefined);
  assert.deepEqual(parseHostPort('[::1]:5060'), { host: '[::1]', port: 5060 });
  assert.equal(parseHostPort('host:0'), undefined);
  assert.deepEqual(parseSipUri('sip:13912345678:pw@192.0.2.10:5080;transport=udp;lr?subject=x'), {
    scheme: 'sip', user: '13912345678', host: '192.0.2.10', port: 5080, params: { transport: 'udp', lr: true },
  });
  assert.deepEqual(parseSipUri('SIPS:trunk.example.com'), { scheme: 'sips', host: 'trunk.example.com', params: {} });
  assert.equal(parseSipUri('tel:+8613912345678'), undefined);
});

test('headers: set replaces every line in place, prepend puts a new top Via, delete removes all', () => {
  const headers = SipHeaders.of([['v', 'SIP/2.0/UDP a;branch=z9hG4bK1'], ['To', '<sip:x@y>'], ['Via', 'SIP/2.0/UDP b;branch=z9hG4bK2']]);
  headers.prepend('Via', 'SIP/2.0/UDP top;branch=z9hG4bK0');
  assert.deepEqual(headers.getAll('VIA').map((v) => parseVia(v)?.host), ['top', 'a', 'b']);
  headers.set('via', 'SIP/2.0/UDP only;branch=z9hG4bK9');
  assert.deepEqual(headers.entries(), [['Via', 'SIP/2.0/UDP only;branch=z9hG4bK9'], ['To', '<sip:x@y>']]);
  headers.append('X-Custom-Id', 7).delete('t');
  assert.deepEqual(headers.entries(), [['Via', 'SIP/2.0/UDP only;branch=z9hG4bK9'], ['X-Custom-Id', '7']]);
  assert.equal(headers.get('x-custom-id'), '7');
  assert.equal(headers.has('To'), false);
});
