import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PCMA, PCMU, decodeAlaw, decodeMulawSample, encodeAlaw } from '../media/g711.js';
import { writeRtp } from '../media/rtp-packet.js';
import { writeTelephoneEvent } from '../media/telephone-event.js';
import type { DtmfDigit } from '../media/telephone-event.js';
import { RtpReceiver } from './rtp-receiver.js';

/** The bytes of one RTP packet. */
function rtp(sequence: number, payload: Uint8Array, fields: { ssrc?: number; payloadType?: number; timestamp?: number } = {}): Uint8Array {
  const packet = {
    marker: false, payloadType: fields.payloadType ?? 8, sequence, timestamp: fields.timestamp ?? sequence * 160,
    ssrc: fields.ssrc ?? 42, csrcs: [], extension: undefined, paddingLength: 0, payload,
  };
  const out = new Uint8Array(12 + payload.length);
  writeRtp(packet, out);
  return out;
}

/** 160 A-law codes of a constant level. */
const audio = (level: number) => encodeAlaw(new Int16Array(160).fill(level));

function keyPress(code: number, duration: number, end: boolean): Uint8Array {
  const payload = new Uint8Array(4);
  writeTelephoneEvent({ event: code, end, volume: 10, duration }, payload);
  return payload;
}

test('audio comes out decoded, one frame per tick, once the buffer holds its depth', () => {
  const receiver = new RtpReceiver({ codec: PCMA });
  assert.equal(receiver.next().kind, 'empty');
  for (let seq = 100; seq < 104; seq++) assert.equal(receiver.receive(rtp(seq, audio(seq * 10))), true);
  const frames = Array.from({ length: 5 }, () => {
    const { pcm, kind } = receiver.next();
    return [kind, pcm[0], pcm[159]];
  });
  const level = (seq: number) => decodeAlaw(audio(seq * 10))[0];
  assert.deepEqual(frames, [['audio', level(100), level(100)], ['audio', level(101), level(101)], ['audio', level(102), level(102)], ['audio', level(103), level(103)], ['empty', 0, 0]]);
  assert.equal(receiver.ssrc, 42);
});

test('a missing packet plays as one silent lost frame and is counted', () => {
  const receiver = new RtpReceiver({ codec: PCMA });
  for (const seq of [1, 2, 4, 5]) receiver.receive(rtp(seq, audio(2000)));
  const kinds = Array.from({ length: 4 }, () => {
    const { pcm, kind } = receiver.next();
    return kind === 'lost' ? (pcm.every((s) => s === 0) ? 'lost+silent' : 'lost+noisy') : kind;
  });
  assert.deepEqual(kinds, ['audio', 'audio', 'lost+silent', 'audio']);
  receiver.receive(rtp(3, audio(2000)));
  const stats = receiver.stats();
  assert.deepEqual([stats.received, stats.lost, stats.late, stats.ignored], [5, 1, 1, 0]);
});

test('other sources, payload types not negotiated, and non-RTP datagrams are ignored', () => {
  const receiver = new RtpReceiver({ codec: PCMA, telephoneEventPayloadType: 101 });
  assert.equal(receiver.receive(rtp(1, audio(1000))), true);
  assert.equal(receiver.receive(rtp(2, audio(9000), { ssrc: 7 })), false, 'a second SSRC');
  assert.equal(receiver.receive(rtp(2, audio(9000), { payloadType: 0 })), false, 'PCMU when PCMA was negotiated');
  assert.equal(receiver.receive(rtp(2, audio(9000), { payloadType: 13 })), false, 'comfort noise');
  assert.equal(receiver.receive(new TextEncoder().encode('OPTIONS sip:x SIP/2.0\r\n\r\n')), false);
  assert.equal(receiver.receive(new Uint8Array(3)), false);
  assert.deepEqual([receiver.stats().received, receiver.stats().ignored], [1, 5]);
});

test('a new SSRC takes over only after the current source has been quiet for half a second', () => {
  const receiver = new RtpReceiver({ codec: PCMA, jitter: { depth: 1 } });
  receiver.receive(rtp(500, audio(1000)));
  for (let tick = 0; tick < 24; tick++) receiver.next();
  assert.equal(receiver.receive(rtp(9000, audio(3000), { ssrc: 77 })), false);
  receiver.next();
  assert.equal(receiver.receive(rtp(9000, audio(3000), { ssrc: 77 })), true);
  assert.equal(receiver.ssrc, 77);
  assert.equal(receiver.next().kind, 'audio');
  const stats = receiver.stats();
  assert.deepEqual([stats.received, stats.played, stats.lost, stats.resyncs], [2, 2, 0, 0], 'the new sequence numbers are no loss');
});

test('a key press is reported once on its first packet; its packets play as silence, not as losses', () => {
  const digits: DtmfDigit[] = [];
  const receiver = new RtpReceiver({ codec: PCMU, telephoneEventPayloadType: 101, onDtmf: (d) => digits.push(d) });
  const event = { payloadType: 101, timestamp: 8000 };
  receiver.receive(rtp(10, new Uint8Array(160).fill(0xff), { payloadType: 0 }));
  for (const [seq, duration, end] of [[11, 160, false], [12, 320, false], [13, 400, true], [14, 400, true], [15, 400, true]] as const) {
    receiver.receive(rtp(seq, keyPress(5, duration, end), event));
    if (seq === 11) assert.deepEqual(digits, ['5'], 'reported on the first packet, before any tick');
  }
  receiver.receive(rtp(12, keyPress(5, 320, false), event));
  receiver.receive(rtp(16, keyPress(10, 160, false), { payloadType: 101, timestamp: 9000 }));
  assert.deepEqual(digits, ['5', '*']);
  const kinds = Array.from({ length: 7 }, () => receiver.next().kind);
  assert.deepEqual(kinds, ['audio', 'dtmf', 'dtmf', 'dtmf', 'dtmf', 'dtmf', 'dtmf']);
  assert.deepEqual([receiver.stats().lost, receiver.stats().dtmf, receiver.stats().duplicate], [0, 2, 1]);
});

test('setCodec switches the payload type accepted and the law decoded', () => {
  const receiver = new RtpReceiver({ codec: PCMA, jitter: { depth: 1 } });
  receiver.setCodec(PCMU);
  assert.equal(receiver.receive(rtp(1, audio(1000))), false);
  assert.equal(receiver.receive(rtp(1, new Uint8Array(160).fill(0x80), { payloadType: 0 })), true);
  assert.equal(receiver.next().pcm[0], decodeMulawSample(0x80));
});
