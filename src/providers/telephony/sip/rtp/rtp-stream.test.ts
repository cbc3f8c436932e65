import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { PCMA, PCMU, decodeMulaw, encodeMulaw } from '../media/g711.js';
import { FakeMediaTimers } from '../media/fake-media-timers.js';
import { MediaClock } from '../media/media-clock.js';
import { parseRtp, writeRtp, type RtpPacket } from '../media/rtp-packet.js';
import type { DtmfDigit } from '../media/telephone-event.js';
import type { ReceivedFrameKind } from './rtp-receiver.js';
import { RtpStream, type RtpStreamOptions } from './rtp-stream.js';

const LOOPBACK = '127.0.0.1';

function bindLoopback(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve) => socket.bind(0, LOOPBACK, () => resolve(socket)));
}

const portOf = (socket: dgram.Socket) => ({ address: LOOPBACK, port: socket.address().port });

/** Waits for `condition`, polling the event loop, so datagrams in flight on loopback arrive. */
async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** What one side saw of the far end's audio. */
interface Heard {
  frames: { pcm: number[]; slot: number; kind: ReceivedFrameKind }[];
  digits: DtmfDigit[];
}

/** Two streams on loopback, A and B, sending to each other, on one clock on fake time. */
async function twoStreams(a: Partial<RtpStreamOptions> = {}, b: Partial<RtpStreamOptions> = {}) {
  const timers = new FakeMediaTimers();
  const clock = new MediaClock({ timers, onError: (error) => assert.fail(String(error)) });
  const sockets = [await bindLoopback(), await bindLoopback()] as const;
  const heard = { a: { frames: [], digits: [] } as Heard, b: { frames: [], digits: [] } as Heard };
  const make = (i: 0 | 1, own: Heard, extra: Partial<RtpStreamOptions>) =>
    new RtpStream({
      socket: sockets[i],
      clock,
      codec: PCMU,
      telephoneEventPayloadType: 101,
      remote: portOf(sockets[1 - i]!),
      onAudio: (pcm, slot, kind) => own.frames.push({ pcm: [...pcm], slot, kind }),
      onDtmf: (digit) => own.digits.push(digit),
      ...extra,
    });
  const streamA = make(0, heard.a, a);
  const streamB = make(1, heard.b, b);
  const datagrams = (s: RtpStream) => s.stats().received + s.stats().ignored;
  return {
    timers, clock, sockets, a: streamA, b: streamB, heard,
    /** Runs `ticks` ticks of 20 ms, letting each tick's packets arrive before the next. */
    async run(ticks: number) {
      for (let i = 0; i < ticks; i++) {
        timers.advance(20);
        await until(() => datagrams(streamB) >= streamA.stats().sent && datagrams(streamA) >= streamB.stats().sent, 'packets on loopback');
      }
    },
    close() {
      streamA.close();
      streamB.close();
      for (const socket of sockets) socket.close();
      assert.equal(clock.running, false, 'the clock stops with the last stream');
    },
  };
}

/** The audio frames one side heard, concatenated. */
const audioOf = (heard: Heard) => heard.frames.filter((f) => f.kind === 'audio').flatMap((f) => f.pcm);

test('a prompt played by A arrives at B decoded, whole and in order, and B answers with silence', async () => {
  const call = await twoStreams();
  try {
    // Never near zero, so where the prompt starts in what B heard is plain to see.
    const prompt = Int16Array.from({ length: 1000 }, (_, i) => Math.round(6000 * Math.sin(i / 7)) + 7000 * (i % 2 ? 1 : -1));
    const played = call.a.play(prompt);
    assert.equal(call.a.playing, true);
    await call.run(15);
    assert.deepEqual(await played, { completed: true });
    const heard = audioOf(call.heard.b);
    const start = heard.findIndex((s) => s !== 0);
    assert.equal(start, 0, 'the prompt is the first audio B hears');
    assert.deepEqual(heard.slice(0, 1000), [...decodeMulaw(encodeMulaw(prompt))], 'exactly the G.711 round trip');
    for (let i = 0; i < 1000; i++) assert.ok(Math.abs(heard[i]! - prompt[i]!) <= Math.abs(prompt[i]!) / 16 + 16, `sample ${i}`);
    assert.ok(heard.slice(1000).every((s) => s === 0), 'then padding and silence');
    assert.deepEqual(call.heard.b.frames.map((f) => f.slot), Array.from({ length: 15 }, (_, i) => i), 'one frame per slot');
    assert.ok(audioOf(call.heard.a).length >= 160 * 10 && audioOf(call.heard.a).every((s) => s === 0), 'B, idle, sent silence');
    const stats = call.b.stats();
    assert.deepEqual([stats.sent, stats.received, stats.lost, stats.late, stats.ignored], [15, 15, 0, 0, 0]);
  } finally {
    call.close();
  }
});

test('DTMF sent by A is reported by B once per key press', async () => {
  const call = await twoStreams({ codec: PCMA }, { codec: PCMA });
  try {
    const sent = call.a.sendDtmf('19#1');
    await call.run(45);
    assert.deepEqual(await sent, { completed: true });
    assert.deepEqual(call.heard.b.digits, ['1', '9', '#', '1']);
    assert.equal(call.b.stats().lost, 0, 'the event packets are no loss');
    assert.equal(call.b.stats().dtmf, 4);
    assert.deepEqual(call.heard.a.digits, []);
  } finally {
    call.close();
  }
});

test('stop() cuts a prompt: it settles as not completed and the line turns silent', async () => {
  const call = await twoStreams();
  try {
    const played = call.a.play(new Int16Array(8000).fill(4000));
    await call.run(5);
    call.a.stop();
    assert.deepEqual(await played, { completed: false });
    await call.run(8);
    const levels = call.heard.b.frames.filter((f) => f.kind === 'audio').map((f) => f.pcm[0]);
    assert.ok(levels.length >= 10);
    assert.ok(levels.slice(0, 5).every((s) => s !== 0) && levels.slice(5).every((s) => s === 0), `levels ${levels}`);
  } finally {
    call.close();
  }
});

test('A sends nothing until it knows B\'s address; B with symmetric RTP answers to where A sends from', async () => {
  const call = await twoStreams({ remote: undefined }, { remote: undefined, symmetric: true });
  try {
    const played = call.a.play(new Int16Array(160).fill(1000));
    call.timers.advance(60);
    assert.deepEqual([call.a.stats().sent, call.b.stats().sent], [0, 0]);
    assert.equal(call.a.playing, true, 'the prompt waits for an address');
    call.a.setRemote(portOf(call.sockets[1]));
    await call.run(3);
    assert.deepEqual(await played, { completed: true });
    assert.deepEqual(call.b.remoteAddress, portOf(call.sockets[0]), 'learned from A\'s packets');
    await call.run(5);
    assert.ok(call.a.stats().received >= 5, 'A hears B');
  } finally {
    call.close();
  }
});

test('a missing sequence number plays as a lost silent frame; foreign SSRCs, payload types and junk are ignored', async () => {
  const timers = new FakeMediaTimers();
  const clock = new MediaClock({ timers });
  const [socket, raw] = [await bindLoopback(), await bindLoopback()];
  const frames: { kind: ReceivedFrameKind; level: number }[] = [];
  const stream = new RtpStream({ socket, clock, codec: PCMU, onAudio: (pcm, _slot, kind) => frames.push({ kind, level: pcm[0]! }) });
  const send = (sequence: number, fields: Partial<RtpPacket> = {}) => {
    const packet: RtpPacket = {
      marker: false, payloadType: 0, sequence, timestamp: sequence * 160, ssrc: 1111, csrcs: [], extension: undefined, paddingLength: 0,
      payload: encodeMulaw(new Int16Array(160).fill(1000 + sequence)), ...fields,
    };
    const bytes = new Uint8Array(172);
    writeRtp(packet, bytes);
    raw.send(bytes, portOf(socket).port, LOOPBACK);
  };
  try {
    let datagrams = 0;
    const tick = async (sequences: number[], extra: () => void = () => {}) => {
      for (const seq of sequences) send(seq);
      extra();
      datagrams += sequences.length;
      await until(() => stream.stats().received + stream.stats().ignored >= datagrams, 'datagrams');
      timers.advance(20);
    };
    await tick([1, 2, 3]);
    await tick([], () => {
      send(4, { ssrc: 2222, payload: encodeMulaw(new Int16Array(160).fill(-9000)) });
      send(4, { payloadType: 18 });
      raw.send(Buffer.from('junk'), portOf(socket).port, LOOPBACK);
      datagrams += 3;
    });
    await tick([5, 6]);
    for (let i = 0; i < 4; i++) await tick([]);
    assert.deepEqual(frames.map((f) => f.kind), ['audio', 'audio', 'audio', 'lost', 'audio', 'audio', 'empty']);
    assert.equal(frames[3]!.level, 0);
    assert.ok(frames.every((f) => f.level >= 0), 'nothing of the foreign source played');
    const stats = stream.stats();
    assert.deepEqual([stats.received, stats.lost, stats.ignored, stats.sent], [5, 1, 3, 0]);
  } finally {
    stream.close();
    socket.close();
    raw.close();
  }
});

test('after the clock stalls, the received side delivers one frame per missed slot; the timestamp shows the gap', async () => {
  // One wake-up 200 ms late: the clock skips ticks instead of bursting them.
  const timers = new FakeMediaTimers(0, (due) => (due === 100 ? 200 : 0));
  const clock = new MediaClock({ timers });
  const [socket, raw] = [await bindLoopback(), await bindLoopback()];
  const slots: number[] = [];
  const wire: RtpPacket[] = [];
  raw.on('message', (bytes) => wire.push(parseRtp(bytes)!));
  const stream = new RtpStream({ socket, clock, codec: PCMU, remote: portOf(raw), onAudio: (_pcm, slot) => slots.push(slot) });
  try {
    timers.advance(400);
    await until(() => wire.length === stream.stats().sent, 'packets');
    assert.deepEqual(slots, Array.from({ length: slots.length }, (_, i) => i), 'no slot missing');
    assert.equal(slots.length, 20);
    const steps = wire.slice(1).map((p, i) => [p.sequence - wire[i]!.sequence, (p.timestamp - wire[i]!.timestamp) / 160]);
    assert.ok(steps.every(([seq]) => seq === 1 || seq === -65535));
    assert.ok(steps.some(([, ticks]) => ticks! > 1), `a timestamp jump in ${JSON.stringify(steps)}`);
    assert.equal(steps.reduce((sum, [, ticks]) => sum + ticks!, 0), 19);
  } finally {
    stream.close();
    socket.close();
    raw.close();
  }
});

test('close() settles pending prompts and digits as not completed and leaves the clock', async () => {
  const call = await twoStreams();
  const played = call.a.play(new Int16Array(16000));
  const keys = call.a.sendDtmf('123');
  call.close();
  assert.deepEqual(await Promise.all([played, keys]), [{ completed: false }, { completed: false }]);
  assert.deepEqual(await call.a.play(new Int16Array(10)), { completed: false });
  assert.equal(call.clock.streams, 0);
});
