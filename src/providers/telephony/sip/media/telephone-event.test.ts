import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timestampAdd } from './rtp-packet.js';
import {
  DtmfReceiver, DtmfSender, dtmfDigitOf, dtmfEventCode, dtmfPacketSeries, readTelephoneEvent, writeTelephoneEvent,
  type TelephoneEventPacket,
} from './telephone-event.js';

test('the 4-byte payload carries event, end bit, volume and duration in network order', () => {
  const out = new Uint8Array(6).fill(0xee);
  assert.equal(writeTelephoneEvent({ event: 11, end: true, volume: 10, duration: 800 }, out, 1), 4);
  assert.deepEqual([...out], [0xee, 0x0b, 0x8a, 0x03, 0x20, 0xee]);
  assert.deepEqual(readTelephoneEvent(out.subarray(1)), { event: 11, end: true, volume: 10, duration: 800 });
  assert.deepEqual(readTelephoneEvent(Uint8Array.of(5, 0x3f, 0xff, 0xff)), { event: 5, end: false, volume: 63, duration: 65535 });
  assert.deepEqual(readTelephoneEvent(Uint8Array.of(1, 0xc0, 0, 160)), { event: 1, end: true, volume: 0, duration: 160 }, 'reserved bit ignored');
  assert.equal(readTelephoneEvent(Uint8Array.of(1, 0x80, 0)), undefined, 'too short');
});

test('the sixteen keys map to event codes 0-15 and back, nothing else does', () => {
  const keys = '0123456789*#ABCD';
  assert.deepEqual([...keys].map((k) => dtmfEventCode(k)), [...Array(16).keys()]);
  assert.deepEqual([...Array(16).keys()].map((c) => dtmfDigitOf(c)).join(''), keys);
  assert.equal(dtmfEventCode('b'), 13);
  assert.equal(dtmfEventCode('E'), undefined);
  assert.equal(dtmfEventCode('12'), undefined);
  assert.equal(dtmfDigitOf(16), undefined, 'flash is not a digit');
});

test('a 100 ms key press is five growing updates, the first marked, then the end packet three times', () => {
  const frames = dtmfPacketSeries('5', { timestamp: 48000 });
  assert.deepEqual(
    frames.map((f) => [f.marker, f.timestamp, f.event.event, f.event.end, f.event.duration, f.event.volume]),
    [
      [true, 48000, 5, false, 160, 10],
      [false, 48000, 5, false, 320, 10],
      [false, 48000, 5, false, 480, 10],
      [false, 48000, 5, false, 640, 10],
      [false, 48000, 5, true, 800, 10],
      [false, 48000, 5, true, 800, 10],
      [false, 48000, 5, true, 800, 10],
    ],
  );
});

test('a duration that is not a whole number of packets ends with a short last step', () => {
  const sender = new DtmfSender('#', { timestamp: 7, durationMs: 70, volume: 20 });
  const durations: [number, boolean][] = [];
  for (let f = sender.next(); f; f = sender.next()) durations.push([f.event.duration, f.event.end]);
  assert.deepEqual(durations, [[160, false], [320, false], [480, false], [560, true], [560, true], [560, true]]);
  assert.equal(sender.done, true);
  assert.equal(sender.next(), undefined);
  assert.throws(() => new DtmfSender('x', { timestamp: 0 }), RangeError);
  assert.throws(() => new DtmfSender('1', { timestamp: 0, durationMs: 10_000 }), RangeError, 'beyond 16-bit duration');
  assert.throws(() => new DtmfSender('1', { timestamp: 0, volume: 64 }), RangeError);
});

/** The wire packets of `digits` sent one after another with a 60 ms gap, starting at `timestamp`. */
function keyPresses(digits: string, timestamp: number, ssrc = 0x1234): TelephoneEventPacket[] {
  const packets: TelephoneEventPacket[] = [];
  let ts = timestamp;
  for (const digit of digits) {
    const frames = dtmfPacketSeries(digit, { timestamp: ts });
    for (const frame of frames) {
      const payload = new Uint8Array(4);
      writeTelephoneEvent(frame.event, payload);
      packets.push({ ssrc, timestamp: frame.timestamp, payload });
    }
    // The stream's clock runs on while the event is sent; a gap follows before the next key.
    ts = timestampAdd(ts, frames.length * 160 + 3 * 160);
  }
  return packets;
}

/** The digits a fresh receiver reports for `packets`. */
function received(packets: TelephoneEventPacket[], receiver = new DtmfReceiver()): string {
  return packets.map((p) => receiver.receive(p) ?? '').join('');
}

test('a clean stream of key presses gives each digit once, repeated keys included', () => {
  assert.equal(received(keyPresses('1199#*0D', 1000)), '1199#*0D');
});

test('duplicates, lost start packets, reordering and stragglers still give each digit exactly once', () => {
  const clean = keyPresses('11#9', 0xffffff00); // timestamps wrap through 2^32 during the second key press
  const perKey = 7;
  const [first, second, hash, nine] = [0, 1, 2, 3].map((k) => clean.slice(k * perKey, (k + 1) * perKey));
  const network = [
    ...first!.slice(0, 5),
    ...second!.slice(0, 2), first![5]!, first![6]!, // the first key's last end packets arrive after the second starts
    ...second!.slice(2).flatMap((p) => [p, p]), // every packet duplicated
    ...hash!.slice(4), // the start and all updates lost: only end packets arrive
    nine![1]!, nine![0]!, nine![3]!, nine![2]!, ...nine!.slice(4), // pairs swapped
    second![6]!, hash![5]!, // very late stragglers of reported events
  ];
  assert.equal(received(network), '11#9');
});

test('non-DTMF events and garbage payloads are ignored without disturbing the digits', () => {
  const flash = { ssrc: 0x1234, timestamp: 500, payload: Uint8Array.of(16, 0x0a, 0, 160) };
  const short = { ssrc: 0x1234, timestamp: 600, payload: Uint8Array.of(1, 0x0a) };
  assert.equal(received([flash, short, ...keyPresses('7', 900)]), '7');
});

test('a new source or a restarted timeline is not mistaken for stragglers', () => {
  const receiver = new DtmfReceiver();
  assert.equal(received(keyPresses('3', 500_000, 1), receiver), '3');
  assert.equal(received(keyPresses('4', 450_000, 1), receiver), '', 'an event started before the last, from the same source');
  assert.equal(received(keyPresses('5', 1000, 2), receiver), '5', 'another SSRC (after a re-INVITE) starts afresh');
  assert.equal(received(keyPresses('6', 2_000_000, 2), receiver), '6');
  assert.equal(received(keyPresses('8', 100, 2), receiver), '8', 'far behind the last event: a restarted timeline');
});
