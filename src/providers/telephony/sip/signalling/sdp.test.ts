import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAudioSdp, parseSdp } from './sdp.js';
import { answeringDirection, negotiateAudio, type NegotiatedAudio } from './sdp-negotiation.js';
import { ANSWER_SDP, OFFER_SDP } from './sip-test-messages.js';

function negotiated(sdp: string, offered?: Parameters<typeof negotiateAudio>[1]): NegotiatedAudio {
  const result = negotiateAudio(sdp, offered);
  if (!result.ok) assert.fail(result.error);
  return result.audio;
}

const answer = (lines: readonly string[]) => lines.join('\r\n') + '\r\n';

test('the offer: PCMU, PCMA, telephone-event 101 with 0-16, ptime 20, sendrecv', () => {
  const offer = buildAudioSdp({ address: '198.51.100.7', port: 40000, sessionId: '1700000000', version: 1700000000 });
  assert.equal(offer, answer(OFFER_SDP));
  const ipv6 = buildAudioSdp({ address: '2001:db8::7', port: 40002, sessionId: '9', version: 2, codecs: ['PCMA'], direction: 'sendonly' });
  assert.match(ipv6, /\r\nc=IN IP6 2001:db8::7\r\nt=0 0\r\nm=audio 40002 RTP\/AVP 8 101\r\na=rtpmap:8 PCMA\/8000\r\na=rtpmap:101/);
  assert.match(ipv6, /a=sendonly\r\n$/);
});

test('waihu reads its own offer back as it meant it', () => {
  const parsed = parseSdp(buildAudioSdp({ address: '10.1.2.3', port: 50000, sessionId: '77', version: 3 }));
  if (!parsed.ok) assert.fail(parsed.error);
  const [audio] = parsed.sdp.media;
  assert.deepEqual(parsed.sdp.origin, { username: 'waihu', sessionId: '77', version: '3', address: '10.1.2.3' });
  assert.deepEqual(audio?.formats, [0, 8, 101]);
  assert.deepEqual(audio?.rtpmap.get(101), { encoding: 'telephone-event', clockRate: 8000 });
  assert.equal(audio?.fmtp.get(101), '0-16');
  assert.deepEqual(negotiated(buildAudioSdp({ address: '10.1.2.3', port: 50000, sessionId: '77', version: 3 })), {
    remoteAddress: '10.1.2.3', remotePort: 50000, codec: { name: 'PCMU', payloadType: 0 }, telephoneEventPayloadType: 101,
    direction: 'sendrecv', onHold: false, ptimeMs: 20,
  });
});

test('a carrier answer: media address, port, PCMA chosen, telephone-event on its own payload type', () => {
  assert.deepEqual(negotiated(answer(ANSWER_SDP)), {
    remoteAddress: '192.0.2.20', remotePort: 30000, codec: { name: 'PCMA', payloadType: 8 }, telephoneEventPayloadType: 96,
    direction: 'sendrecv', onHold: false, ptimeMs: 20,
  });
});

test('static payload types without rtpmap, a media-level c= and ptime, and no telephone-event', () => {
  const sdp = answer(['v=0', 'o=- 1 1 IN IP4 192.0.2.10', 's=-', 'c=IN IP4 192.0.2.10', 't=0 0', 'm=audio 7078 RTP/AVP 18 0', 'c=IN IP4 192.0.2.99', 'a=ptime:30']);
  const audio = negotiated(sdp);
  assert.equal(audio.remoteAddress, '192.0.2.99', 'the media c= wins over the session one');
  assert.deepEqual(audio.codec, { name: 'PCMU', payloadType: 0 }, 'G.729 (18) is skipped, PCMU found by its static number');
  assert.equal(audio.telephoneEventPayloadType, undefined);
  assert.equal(audio.ptimeMs, 30);
});

test('the far end order decides among the offered laws; a restricted offer skips the other law', () => {
  const both = answer(['v=0', 'o=- 1 1 IN IP4 h', 's=-', 'c=IN IP4 192.0.2.1', 't=0 0', 'm=audio 4000 RTP/AVP 8 0']);
  assert.equal(negotiated(both).codec.name, 'PCMA');
  assert.equal(negotiated(both, ['PCMU']).codec.name, 'PCMU');
  const remapped = answer(['v=0', 'o=- 1 1 IN IP4 h', 's=-', 'c=IN IP4 192.0.2.1', 't=0 0', 'm=audio 4000 RTP/AVP 97', 'a=rtpmap:97 pcmu/8000']);
  assert.deepEqual(negotiated(remapped).codec, { name: 'PCMU', payloadType: 97 }, 'names are case-insensitive');
});

test('hold: sendonly, inactive (session-level too) and the old c=0.0.0.0 form', () => {
  const base = ['v=0', 'o=- 1 2 IN IP4 192.0.2.10', 's=-', 'c=IN IP4 192.0.2.20', 't=0 0', 'm=audio 30000 RTP/AVP 0'];
  const sendonly = negotiated(answer([...base, 'a=sendonly']));
  assert.equal(sendonly.direction, 'sendonly');
  assert.equal(sendonly.onHold, true);
  const sessionInactive = negotiated(answer([...base.slice(0, 5), 'a=inactive', base[5]!]));
  assert.equal(sessionInactive.direction, 'inactive');
  assert.equal(sessionInactive.onHold, true);
  const mediaOverrides = negotiated(answer([...base.slice(0, 5), 'a=inactive', base[5]!, 'a=sendrecv']));
  assert.equal(mediaOverrides.onHold, false);
  const old = negotiated(answer([...base.slice(0, 3), 'c=IN IP4 0.0.0.0', ...base.slice(4)]));
  assert.equal(old.onHold, true);
  assert.equal(old.direction, 'sendrecv');
  assert.equal(negotiated(answer([...base, 'a=recvonly'])).onHold, false, 'recvonly: the far end still listens');
});

test('answering a re-INVITE mirrors the direction', () => {
  assert.equal(answeringDirection('sendonly'), 'recvonly');
  assert.equal(answeringDirection('recvonly'), 'sendonly');
  assert.equal(answeringDirection('inactive'), 'inactive');
  assert.equal(answeringDirection('sendrecv'), 'sendrecv');
});

test('answers waihu cannot use are clear errors', () => {
  const head = ['v=0', 'o=- 1 1 IN IP4 h', 's=-', 'c=IN IP4 192.0.2.1', 't=0 0'];
  const cases: Array<[string, RegExp]> = [
    [answer([...head, 'm=audio 4000 RTP/AVP 18 9', 'a=rtpmap:18 G729/8000']), /no common codec.*18 9/],
    [answer([...head, 'm=audio 4000 RTP/AVP 96', 'a=rtpmap:96 PCMU/16000']), /no common codec/],
    [answer([...head, 'm=audio 0 RTP/AVP 0']), /refused the audio stream/],
    [answer([...head, 'm=audio 4000 RTP/SAVP 0']), /RTP\/SAVP/],
    [answer([...head, 'm=video 4000 RTP/AVP 31']), /no audio/],
    [answer([head[0]!, head[1]!, 'm=audio 4000 RTP/AVP 0']), /no connection address/],
    ['', /v=0/],
    ['v=0\r\ngarbage\r\n', /malformed SDP line/],
    [answer([...head, 'm=audio x RTP/AVP 0']), /malformed m=/],
    [answer([...head, 'm=audio 4000 RTP/AVP 0 300']), /payload types/],
    [answer([...head, 'm=audio 4000 RTP/AVP 0', 'a=rtpmap:0 PCMU']), /rtpmap/],
    [answer(['v=0', 's=-', 'c=IN IP4 1.2.3.4', 'm=audio 4000 RTP/AVP 0']), /o= line/],
    [answer(['v=0', 'o=- 1 1 IN IP4 h', 'c=IN XX 1.2.3.4']), /c= line/],
  ];
  for (const [sdp, error] of cases) {
    const result = negotiateAudio(sdp);
    assert.equal(result.ok, false, sdp);
    if (!result.ok) assert.match(result.error, error);
  }
});
