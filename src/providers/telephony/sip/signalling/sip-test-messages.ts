/**
 * Realistic SIP messages for the signalling tests: one outbound call through a trunk at 192.0.2.10, as a carrier
 * would answer it (RFC 3665-style flows). Shared by several test files so each checks the same traffic.
 */

/** Joins lines with CRLF and ends the header section; `body` lines get CRLF too. */
export function sip(lines: readonly string[], body: readonly string[] = []): string {
  const text = body.length ? body.join('\r\n') + '\r\n' : '';
  return lines.map((line) => line.replace('{len}', String(Buffer.byteLength(text)))).join('\r\n') + '\r\n\r\n' + text;
}

/** The SDP offer the UA sends in the INVITE. */
export const OFFER_SDP = [
  'v=0',
  'o=waihu 1700000000 1700000000 IN IP4 198.51.100.7',
  's=waihu',
  'c=IN IP4 198.51.100.7',
  't=0 0',
  'm=audio 40000 RTP/AVP 0 8 101',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:101 telephone-event/8000',
  'a=fmtp:101 0-16',
  'a=ptime:20',
  'a=sendrecv',
];

/** The carrier's answer: PCMA chosen, telephone-event on 96. */
export const ANSWER_SDP = [
  'v=0',
  'o=- 3871 3872 IN IP4 192.0.2.10',
  's=SBC',
  'c=IN IP4 192.0.2.20',
  't=0 0',
  'm=audio 30000 RTP/AVP 8 96',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:96 telephone-event/8000',
  'a=fmtp:96 0-15',
  'a=ptime:20',
  'a=sendrecv',
];

const VIA = 'Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK74bf9;rport';
const VIA_BACK = 'Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK74bf9;rport=5060;received=203.0.113.5';
const FROM = 'From: "Waihu" <sip:4000@trunk.example.com>;tag=9fxced76sl';
const TO = 'To: <sip:13912345678@trunk.example.com>';
const TO_TAGGED = 'To: <sip:13912345678@trunk.example.com>;tag=314159';
const CALL_ID = 'Call-ID: 3848276298220188511@198.51.100.7';

export const INVITE = sip([
  'INVITE sip:13912345678@trunk.example.com SIP/2.0', VIA, 'Max-Forwards: 70', FROM, TO, CALL_ID, 'CSeq: 1 INVITE',
  'Contact: <sip:4000@198.51.100.7:5060>', 'Allow: INVITE, ACK, CANCEL, BYE, OPTIONS', 'Content-Type: application/sdp',
  'Content-Length: {len}',
], OFFER_SDP);

export const TRYING = sip(['SIP/2.0 100 Trying', VIA_BACK, FROM, TO, CALL_ID, 'CSeq: 1 INVITE', 'Content-Length: 0']);

/** A 180 written with compact header names, as some gateways send them. */
export const RINGING = sip([
  'SIP/2.0 180 Ringing', 'v: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK74bf9;rport=5060;received=203.0.113.5',
  'f: "Waihu" <sip:4000@trunk.example.com>;tag=9fxced76sl', 't: <sip:13912345678@trunk.example.com>;tag=314159',
  'i: 3848276298220188511@198.51.100.7', 'CSeq: 1 INVITE', 'm: <sip:13912345678@192.0.2.10:5060>', 'l: 0',
]);

export const SESSION_PROGRESS = sip([
  'SIP/2.0 183 Session Progress', VIA_BACK, FROM, TO_TAGGED, CALL_ID, 'CSeq: 1 INVITE',
  'Contact: <sip:13912345678@192.0.2.10:5060>', 'Content-Type: application/sdp', 'Content-Length: {len}',
], ANSWER_SDP);

export const OK_INVITE = sip([
  'SIP/2.0 200 OK', VIA_BACK, FROM, TO_TAGGED, CALL_ID, 'CSeq: 1 INVITE',
  'Contact: <sip:13912345678@192.0.2.10:5060;transport=udp>', 'Record-Route: <sip:192.0.2.10;lr>, <sip:10.0.0.1;lr>',
  'Content-Type: application/sdp', 'Content-Length: {len}',
], ANSWER_SDP);

export const ACK = sip([
  'ACK sip:13912345678@192.0.2.10:5060;transport=udp SIP/2.0', 'Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK5a1',
  'Route: <sip:192.0.2.10;lr>', 'Route: <sip:10.0.0.1;lr>', 'Max-Forwards: 70', FROM, TO_TAGGED, CALL_ID, 'CSeq: 1 ACK',
  'Content-Length: 0',
]);

/** The callee hangs up: a BYE from the far end, with two Vias on one line. */
export const BYE = sip([
  'BYE sip:4000@198.51.100.7:5060 SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7, SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bK77ef4c',
  'Max-Forwards: 69', 'From: <sip:13912345678@trunk.example.com>;tag=314159',
  'To: "Waihu" <sip:4000@trunk.example.com>;tag=9fxced76sl', CALL_ID, 'CSeq: 231 BYE', 'Content-Length: 0',
]);

export const CANCEL = sip([
  'CANCEL sip:13912345678@trunk.example.com SIP/2.0', VIA, 'Max-Forwards: 70', FROM, TO, CALL_ID, 'CSeq: 1 CANCEL',
  'Content-Length: 0',
]);

export const UNAUTHORIZED = sip([
  'SIP/2.0 401 Unauthorized', VIA_BACK, FROM, 'To: <sip:13912345678@trunk.example.com>;tag=as5e1c2', CALL_ID,
  'CSeq: 1 INVITE',
  'WWW-Authenticate: Digest realm="trunk.example.com", nonce="5f2a6c1e9b", algorithm=MD5, qop="auth", opaque="0a1b2c"',
  'Content-Length: 0',
]);
