import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { PCMA } from '../media/g711.js';
import { MediaClock, systemMediaTimers } from '../media/media-clock.js';
import type { DtmfDigit } from '../media/telephone-event.js';
import { RtpStream } from './rtp-stream.js';

function bindLoopback(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve) => socket.bind(0, '127.0.0.1', () => resolve(socket)));
}

test('on the real 20 ms clock, a prompt and a key press go from A to B over loopback', async () => {
  const clock = new MediaClock({ timers: systemMediaTimers });
  const [socketA, socketB] = [await bindLoopback(), await bindLoopback()];
  const remote = (s: dgram.Socket) => ({ address: '127.0.0.1', port: s.address().port });
  let loudSamples = 0;
  const digits: DtmfDigit[] = [];
  const a = new RtpStream({ socket: socketA, clock, codec: PCMA, telephoneEventPayloadType: 101, remote: remote(socketB) });
  const b = new RtpStream({
    socket: socketB, clock, codec: PCMA, telephoneEventPayloadType: 101, remote: remote(socketA),
    onAudio: (pcm, _slot, kind) => {
      if (kind === 'audio') for (const s of pcm) if (s > 2000) loudSamples++;
    },
    onDtmf: (digit) => digits.push(digit),
  });
  try {
    // Ten frames of a steady level, then the key: about half a second of media.
    assert.deepEqual(await a.play(new Int16Array(1600).fill(3000)), { completed: true });
    assert.deepEqual(await a.sendDtmf('7'), { completed: true });
    const deadline = Date.now() + 10_000;
    while ((loudSamples < 1600 || digits.length === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(loudSamples, 1600, 'all of the prompt was heard');
    assert.deepEqual(digits, ['7']);
    assert.ok(clock.stats().ticks >= 17);
    assert.equal(b.stats().ignored, 0);
  } finally {
    a.close();
    b.close();
    socketA.close();
    socketB.close();
  }
  assert.equal(clock.running, false);
});
