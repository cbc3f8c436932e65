import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RTP_FIXED_HEADER_BYTES, SequenceUnwrapper, parseRtp, rtpPacketLength, sequenceAdd, sequenceDiff, timestampAdd, timestampDiff,
  writeRtp, writeRtpHeader, type RtpPacket,
} from './rtp-packet.js';

/** Bytes from a hex string with optional spaces. */
function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

/** A plain packet with the given overrides. */
function packet(over: Partial<RtpPacket> = {}): RtpPacket {
  return { marker: false, payloadType: 0, sequence: 0, timestamp: 0, ssrc: 0, csrcs: [], extension: undefined, paddingLength: 0, payload: new Uint8Array(0), ...over };
}

test('a PCMU packet from the wire is read field by field, the payload a view of the datagram', () => {
  const bytes = hex('80 00 12 34 00 01 e2 40 de ad be ef ff ff 7f 00');
  const p = parseRtp(bytes);
  assert.ok(p);
  assert.deepEqual(
    { marker: p.marker, payloadType: p.payloadType, sequence: p.sequence, timestamp: p.timestamp, ssrc: p.ssrc, csrcs: p.csrcs, extension: p.extension, paddingLength: p.paddingLength },
    { marker: false, payloadType: 0, sequence: 0x1234, timestamp: 123456, ssrc: 0xdeadbeef, csrcs: [], extension: undefined, paddingLength: 0 },
  );
  assert.deepEqual([...p.payload], [0xff, 0xff, 0x7f, 0x00]);
  assert.equal(p.payload.buffer, bytes.buffer, 'not copied');
});

test('marker, a dynamic payload type, CSRCs, an extension and padding are all read', () => {
  // V=2 P=1 X=1 CC=2, M=1 PT=101, then 2 CSRCs, extension 0xBEDE of one word, payload 4 bytes, 3 bytes padding.
  const bytes = hex('b2 e5 ff ff ff ff ff fe 00 00 00 01  00 00 00 0a 00 00 00 0b  be de 00 01 01 02 03 04  05 8a 00 a0  00 00 03');
  const p = parseRtp(bytes);
  assert.ok(p);
  assert.equal(p.marker, true);
  assert.equal(p.payloadType, 101);
  assert.equal(p.sequence, 65535);
  assert.equal(p.timestamp, 0xfffffffe);
  assert.deepEqual(p.csrcs, [10, 11]);
  assert.equal(p.extension?.profile, 0xbede);
  assert.deepEqual([...(p.extension?.data ?? [])], [1, 2, 3, 4]);
  assert.equal(p.paddingLength, 3);
  assert.deepEqual([...p.payload], [0x05, 0x8a, 0x00, 0xa0], 'padding is not payload');
});

test('malformed datagrams give undefined instead of throwing', () => {
  const cases: [string, string][] = [
    ['too short for the fixed header', '80 00 00 01 00 00 00 00 00 00 00'],
    ['version 1', '40 00 00 01 00 00 00 00 00 00 00 01'],
    ['version 0 (a STUN message on the same port)', '00 01 00 00 21 12 a4 42 00 00 00 00 00 00 00 00 00 00 00 00'],
    ['CSRC count beyond the end', '83 00 00 01 00 00 00 00 00 00 00 01 00 00 00 05'],
    ['extension header cut off', '90 00 00 01 00 00 00 00 00 00 00 01 be de'],
    ['extension length beyond the end', '90 00 00 01 00 00 00 00 00 00 00 01 be de 00 02 00 00 00 00'],
    ['padding count of zero', 'a0 00 00 01 00 00 00 00 00 00 00 01 ff 00'],
    ['padding longer than the packet body', 'a0 00 00 01 00 00 00 00 00 00 00 01 ff 09'],
  ];
  for (const [why, bytes] of cases) assert.equal(parseRtp(hex(bytes)), undefined, why);
  assert.ok(parseRtp(hex('80 00 00 01 00 00 00 00 00 00 00 01')), 'a header with an empty payload is fine');
});

test('writing then reading gives back every field, padding and extension included', () => {
  const original = packet({
    marker: true, payloadType: 101, sequence: 65535, timestamp: 0xffffff00, ssrc: 0x80000001, csrcs: [1, 0xffffffff],
    extension: { profile: 0x1000, data: Uint8Array.of(9, 8, 7, 6, 5, 4, 3, 2) }, paddingLength: 4, payload: Uint8Array.of(1, 2, 3),
  });
  const out = new Uint8Array(100);
  const written = writeRtp(original, out);
  assert.equal(written, 12 + 8 + 12 + 3 + 4);
  assert.equal(written, rtpPacketLength(original));
  assert.deepEqual([...out.subarray(written - 4, written)], [0, 0, 0, 4]);
  const back = parseRtp(out.subarray(0, written));
  assert.ok(back);
  assert.deepEqual({ ...back, payload: [...back.payload], extension: { ...back.extension, data: [...(back.extension?.data ?? [])] } }, {
    ...original, payload: [1, 2, 3], extension: { profile: 0x1000, data: [9, 8, 7, 6, 5, 4, 3, 2] },
  });
});

test('a stream reuses one buffer: header rewritten in place, payload encoded into a fixed view', () => {
  const buffer = new Uint8Array(RTP_FIXED_HEADER_BYTES + 160);
  const payloadView = buffer.subarray(RTP_FIXED_HEADER_BYTES);
  const header = packet({ payloadType: 8, ssrc: 42, sequence: 65534, timestamp: 4294967200 });
  const reused = packet();
  const seen: [number, number][] = [];
  for (let i = 0; i < 3; i++) {
    assert.equal(writeRtpHeader(header, buffer), RTP_FIXED_HEADER_BYTES);
    payloadView.fill(0xd5 ^ i);
    const p = parseRtp(buffer, reused);
    assert.equal(p, reused, 'parsed into the given object');
    assert.equal(p.payload.length, 160);
    assert.equal(p.payload[159], 0xd5 ^ i);
    seen.push([p.sequence, p.timestamp]);
    header.sequence = sequenceAdd(header.sequence, 1);
    header.timestamp = timestampAdd(header.timestamp, 160);
  }
  assert.deepEqual(seen, [[65534, 4294967200], [65535, 64], [0, 224]]);
});

test('writing refuses a buffer that is too small and headers that cannot be encoded', () => {
  assert.throws(() => writeRtp(packet({ payload: new Uint8Array(160) }), new Uint8Array(171)), RangeError);
  assert.throws(() => writeRtpHeader(packet({ csrcs: new Array<number>(16).fill(1) }), new Uint8Array(100)), RangeError);
  assert.throws(() => writeRtpHeader(packet({ extension: { profile: 1, data: new Uint8Array(3) } }), new Uint8Array(100)), RangeError);
});

test('sequence arithmetic wraps at 65536 and orders packets across the wrap', () => {
  assert.equal(sequenceAdd(65535, 1), 0);
  assert.equal(sequenceAdd(0, -1), 65535);
  assert.equal(sequenceDiff(0, 65535), 1, '0 comes right after 65535');
  assert.equal(sequenceDiff(65535, 0), -1);
  assert.equal(sequenceDiff(10, 65530), 16);
  assert.equal(sequenceDiff(100, 100), 0);
  assert.equal(sequenceDiff(32767, 0), 32767);
  assert.equal(sequenceDiff(32768, 0), -32768, 'half the space away is read as older');
});

test('timestamp arithmetic wraps at 2^32 and keeps the sign of short distances', () => {
  assert.equal(timestampAdd(0xffffff60, 160), 0);
  assert.equal(timestampAdd(0, -160), 0xffffff60);
  assert.equal(timestampDiff(80, 0xffffffb0), 160);
  assert.equal(timestampDiff(0xffffffb0, 80), -160);
  assert.equal(timestampDiff(8000, 0), 8000);
});

test('the unwrapper counts on past 65535 and places reordered packets before the newest', () => {
  const unwrapper = new SequenceUnwrapper();
  const input = [65533, 65534, 0, 65535, 1, 2, 65534];
  assert.deepEqual(input.map((s) => unwrapper.unwrap(s)), [65533, 65534, 65536, 65535, 65537, 65538, 65534]);
  const fresh = new SequenceUnwrapper();
  const many: number[] = [];
  for (let i = 0; i < 3 * 65536; i += 1000) many.push(fresh.unwrap(i & 0xffff));
  assert.deepEqual(many, many.map((_, k) => k * 1000), 'three full cycles counted');
});
