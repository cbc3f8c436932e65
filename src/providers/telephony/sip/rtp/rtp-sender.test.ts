import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PCMA, PCMU, decodeMulaw, encodeMulaw } from '../media/g711.js';
import { parseRtp, type RtpPacket } from '../media/rtp-packet.js';
import { readTelephoneEvent } from '../media/telephone-event.js';
import { RtpSender } from './rtp-sender.js';

/** Lets settled promises run their callbacks. */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

function packets(sender: RtpSender, ticks: number[]): RtpPacket[] {
  return ticks.map((tick) => parseRtp(sender.next(tick).bytes)!);
}

test('idle: one packet of the law\'s silence per tick, sequence +1 and timestamp +160', () => {
  const sender = new RtpSender({ codec: PCMU, ssrc: 0x1234, initialSequence: 65534, initialTimestamp: 2 ** 32 - 160 });
  const sent = packets(sender, [1, 2, 3]);
  assert.deepEqual(sent.map((p) => p.sequence), [65534, 65535, 0]);
  assert.deepEqual(sent.map((p) => p.timestamp), [2 ** 32 - 160, 0, 160]);
  for (const p of sent) {
    assert.equal(p.ssrc, 0x1234);
    assert.equal(p.payloadType, 0);
    assert.equal(p.marker, false);
    assert.deepEqual([...p.payload], new Array(160).fill(0xff));
  }
  assert.equal(sender.sent, 3);
  const alaw = packets(new RtpSender({ codec: PCMA }), [1])[0]!;
  assert.equal(alaw.payloadType, 8);
  assert.deepEqual([...alaw.payload], new Array(160).fill(0xd5));
});

test('after skipped clock ticks the timestamp jumps by 160 per tick while the sequence moves by one', () => {
  const sender = new RtpSender({ codec: PCMU, initialSequence: 10, initialTimestamp: 1000 });
  const sent = packets(sender, [7, 8, 12]);
  assert.deepEqual(sent.map((p) => [p.sequence, p.timestamp]), [[10, 1000], [11, 1160], [12, 1800]]);
});

test('a prompt goes out in 160-sample frames, marker on the first, the last padded, then silence', async () => {
  const sender = new RtpSender({ codec: PCMU });
  const pcm = Int16Array.from({ length: 400 }, (_, i) => 500 + i * 40);
  let result: { completed: boolean } | undefined;
  void sender.play(pcm).then((r) => (result = r));
  assert.equal(sender.playing, true);
  const kinds: string[] = [];
  const sentPcm: number[] = [];
  const wire: RtpPacket[] = [];
  for (let tick = 1; tick <= 4; tick++) {
    const out = sender.next(tick);
    kinds.push(out.kind);
    sentPcm.push(...out.pcm);
    wire.push(parseRtp(out.bytes)!);
    if (tick === 3) {
      await settled();
      assert.deepEqual(result, { completed: true }, 'settled once the last frame is sent');
    }
  }
  assert.deepEqual(kinds, ['audio', 'audio', 'audio', 'silence']);
  assert.deepEqual(wire.map((p) => p.marker), [true, false, false, false]);
  assert.deepEqual(sentPcm.slice(0, 400), [...pcm]);
  assert.ok(sentPcm.slice(400).every((s) => s === 0));
  const expected = encodeMulaw(Int16Array.from([...pcm, ...new Array(80).fill(0)]));
  assert.deepEqual(wire.slice(0, 3).flatMap((p) => [...p.payload]), [...expected]);
  assert.deepEqual([...decodeMulaw(wire[3]!.payload)], new Array(160).fill(0));
  assert.equal(sender.playing, false);
});

test('stop() cuts the playing prompt and the queued ones: they settle as not completed', async () => {
  const sender = new RtpSender({ codec: PCMA });
  const first = sender.play(new Int16Array(1600).fill(3000));
  const second = sender.play(new Int16Array(160).fill(3000));
  sender.next(1);
  sender.stop();
  assert.deepEqual(await first, { completed: false });
  assert.deepEqual(await second, { completed: false });
  assert.equal(sender.next(2).kind, 'silence');
  assert.deepEqual(await sender.play(new Int16Array(0)), { completed: true }, 'an empty prompt has nothing to wait for');
});

test('DTMF replaces audio: each key is its RFC 4733 series, a gap of audio between keys, prompt paused meanwhile', async () => {
  const sender = new RtpSender({ codec: PCMU, telephoneEventPayloadType: 101, initialTimestamp: 0 });
  const prompt = sender.play(new Int16Array(320).fill(1000));
  let done: { completed: boolean } | undefined;
  void sender.sendDtmf('1#').then((r) => (done = r));
  const out = Array.from({ length: 20 }, (_, i) => sender.next(i + 1));
  assert.deepEqual(out.map((o) => o.kind).join(','), [...new Array(7).fill('dtmf'), 'audio', 'audio', 'silence', ...new Array(7).fill('dtmf'), 'silence', 'silence', 'silence'].join(','));
  const events = out.filter((o) => o.kind === 'dtmf').map((o) => parseRtp(o.bytes)!);
  assert.ok(events.every((p) => p.payloadType === 101));
  assert.deepEqual(events.map((p) => p.marker), [true, false, false, false, false, false, false, true, false, false, false, false, false, false]);
  assert.deepEqual(events.map((p) => p.timestamp), [...new Array(7).fill(0), ...new Array(7).fill(160 * 10)], 'an event keeps its start timestamp');
  const first = events.slice(0, 7).map((p) => readTelephoneEvent(p.payload)!);
  assert.deepEqual(first.map((e) => [e.event, e.end, e.duration]), [
    [1, false, 160], [1, false, 320], [1, false, 480], [1, false, 640], [1, true, 800], [1, true, 800], [1, true, 800],
  ]);
  assert.equal(readTelephoneEvent(events[7]!.payload)!.event, 11, '# is event 11');
  assert.equal(parseRtp(out[7]!.bytes)!.timestamp, 160 * 7, 'audio after the event is on the stream\'s own timeline');
  assert.equal(parseRtp(out[7]!.bytes)!.marker, true, 'audio after a key press starts a talk spurt');
  await settled();
  assert.deepEqual(done, { completed: true });
  assert.deepEqual(await prompt, { completed: true });
});

test('DTMF is refused without a negotiated telephone-event type or for a key that is not DTMF', async () => {
  await assert.rejects(new RtpSender({ codec: PCMU }).sendDtmf('1'), /telephone-event/);
  const sender = new RtpSender({ codec: PCMU, telephoneEventPayloadType: 101 });
  await assert.rejects(sender.sendDtmf('12x'), RangeError);
  const pending = sender.sendDtmf('5');
  sender.abandon();
  assert.deepEqual(await pending, { completed: false });
});
