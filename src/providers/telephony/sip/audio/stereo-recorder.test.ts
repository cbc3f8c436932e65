import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeWav } from '../../../../core/media/voice-file-wav.js';
import { RECORDER_SLOT_SAMPLES, StereoRecorder, WAV_HEADER_BYTES, type RecordingSink } from './stereo-recorder.js';

/** A 20 ms slot of a sine at `hz` (amplitude 10000), phase-continuous across slots. */
function toneSlot(slot: number, hz: number): Int16Array {
  const out = new Int16Array(RECORDER_SLOT_SAMPLES);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(10000 * Math.sin((2 * Math.PI * hz * (slot * RECORDER_SLOT_SAMPLES + i)) / 8000));
  return out;
}

/** A slot whose every sample is `value`: easy to find again in the file. */
const flat = (value: number, length = RECORDER_SLOT_SAMPLES) => new Int16Array(length).fill(value);

/** The two channels of a stereo 16-bit WAV, read straight from the data chunk. */
function channels(wav: Uint8Array): { left: Int16Array; right: Int16Array } {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const frames = view.getUint32(40, true) / 4;
  const left = new Int16Array(frames);
  const right = new Int16Array(frames);
  for (let i = 0; i < frames; i++) {
    left[i] = view.getInt16(WAV_HEADER_BYTES + i * 4, true);
    right[i] = view.getInt16(WAV_HEADER_BYTES + i * 4 + 2, true);
  }
  return { left, right };
}

const slotOf = (samples: Int16Array, slot: number) => samples.subarray(slot * RECORDER_SLOT_SAMPLES, (slot + 1) * RECORDER_SLOT_SAMPLES);
const rms = (samples: Int16Array) => Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / Math.max(1, samples.length));

test('the header says stereo 8 kHz 16-bit PCM with the right sizes, and the decoder reads it back', () => {
  const recorder = new StereoRecorder();
  for (let slot = 0; slot < 75; slot++) recorder.write('received', slot, toneSlot(slot, 440));
  const wav = recorder.finish();
  const view = new DataView(wav.buffer);
  const text = (at: number) => String.fromCharCode(...wav.subarray(at, at + 4));
  assert.deepEqual([text(0), text(8), text(12), text(36)], ['RIFF', 'WAVE', 'fmt ', 'data']);
  const dataBytes = 75 * RECORDER_SLOT_SAMPLES * 4;
  assert.equal(wav.length, 44 + dataBytes);
  assert.deepEqual(
    { riff: view.getUint32(4, true), fmtSize: view.getUint32(16, true), format: view.getUint16(20, true), channels: view.getUint16(22, true),
      rate: view.getUint32(24, true), byteRate: view.getUint32(28, true), blockAlign: view.getUint16(32, true), bits: view.getUint16(34, true), data: view.getUint32(40, true) },
    { riff: 36 + dataBytes, fmtSize: 16, format: 1, channels: 2, rate: 8000, byteRate: 32000, blockAlign: 4, bits: 16, data: dataBytes },
  );
  const decoded = decodeWav(wav);
  assert.deepEqual(decoded.format, { encoding: 'pcm', bitsPerSample: 16, channels: 2, sampleRate: 8000 });
  assert.equal(decoded.samples.length, 75 * RECORDER_SLOT_SAMPLES);
  // Mono is the average of the channels: the tone on the left alone comes back at half its amplitude.
  assert.ok(Math.abs(decoded.samples[2]! - Math.round(10000 * Math.sin((2 * Math.PI * 440 * 2) / 8000)) / 2 / 32768) < 1e-6);
});

test('a tone on one leg appears only in its channel: received left, sent right', () => {
  const recorder = new StereoRecorder();
  for (let slot = 0; slot < 20; slot++) recorder.write('sent', slot, toneSlot(slot, 1000));
  const { left, right } = channels(recorder.finish());
  assert.equal(rms(left), 0);
  assert.ok(Math.abs(rms(right) - 10000 / Math.SQRT2) < 50, `rms ${rms(right)}`);
  assert.deepEqual(slotOf(right, 7), toneSlot(7, 1000));

  const other = new StereoRecorder();
  for (let slot = 0; slot < 20; slot++) other.write('received', slot, toneSlot(slot, 1000));
  const flipped = channels(other.finish());
  assert.deepEqual([rms(flipped.right), flipped.left.length], [0, 20 * RECORDER_SLOT_SAMPLES]);
});

test('slots a leg skipped are silence, later audio stays at its slot, and both channels have the same length', () => {
  const recorder = new StereoRecorder();
  for (let slot = 0; slot < 10; slot++) recorder.write('received', slot, flat(100 + slot));
  for (let slot = 5; slot < 15; slot++) if (slot !== 8) recorder.write('sent', slot, flat(-(200 + slot)));
  recorder.write('received', 14, flat(7, 80)); // a short frame: the rest of the slot is silence
  assert.equal(recorder.durationMs, 300);
  const { left, right } = channels(recorder.finish());
  assert.equal(left.length, 15 * RECORDER_SLOT_SAMPLES);
  assert.equal(right.length, left.length);
  assert.deepEqual(slotOf(left, 9), flat(109));
  assert.deepEqual(slotOf(left, 12), flat(0));
  assert.deepEqual(slotOf(left, 14), Int16Array.from([...flat(7, 80), ...flat(0, 80)]));
  assert.deepEqual([slotOf(right, 0), slotOf(right, 8), slotOf(right, 9)], [flat(0), flat(0), flat(-209)]);
});

test('legs arriving out of order within the window line up; a frame after its slot was committed is dropped', () => {
  const recorder = new StereoRecorder({ reorderSlots: 4 });
  recorder.write('sent', 0, flat(1));
  recorder.write('sent', 1, flat(2));
  recorder.write('sent', 2, flat(3));
  recorder.write('received', 0, flat(10)); // the jitter buffer lags the send loop by two slots
  recorder.write('sent', 3, flat(4));
  recorder.write('received', 1, flat(20));
  recorder.write('sent', 6, flat(7)); // commits slots 0..2
  recorder.write('received', 2, flat(30)); // too late
  recorder.write('received', 3, flat(40));
  assert.equal(recorder.lateFrames, 1);
  const { left, right } = channels(recorder.finish());
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((s) => [slotOf(left, s)[0], slotOf(right, s)[0]]), [[10, 1], [20, 2], [0, 3], [40, 4], [0, 0], [0, 0], [0, 7]]);
});

test('audio past the duration cap is left out and flagged', () => {
  const recorder = new StereoRecorder({ maxDurationMs: 1000 });
  for (let slot = 0; slot < 80; slot++) {
    recorder.write('received', slot, flat(1));
    recorder.write('sent', slot, flat(2));
  }
  assert.equal(recorder.truncated, true);
  const wav = recorder.finish();
  assert.equal(new DataView(wav.buffer).getUint32(40, true), 50 * RECORDER_SLOT_SAMPLES * 4);
  assert.throws(() => recorder.write('sent', 1, flat(1)), /finished/);
});

test('a sink gets a placeholder header, then the data in order, then the final header: the same file as in memory', () => {
  const received: Uint8Array[] = [];
  let finalHeader: Uint8Array | undefined;
  const sink: RecordingSink = { write: (chunk) => received.push(chunk), end: (header) => (finalHeader = header) };
  const streamed = new StereoRecorder({ sink });
  const inMemory = new StereoRecorder();
  for (let slot = 0; slot < 130; slot++) {
    for (const recorder of [streamed, inMemory]) {
      recorder.write('received', slot, toneSlot(slot, 300));
      if (slot % 3 !== 0) recorder.write('sent', slot, toneSlot(slot, 700));
    }
  }
  const header = streamed.finish();
  const whole = inMemory.finish();
  assert.deepEqual(finalHeader, header);
  assert.equal(new DataView(received[0]!.buffer).getUint32(40, true), 0xffffffff);
  // 130 slots: two full one-second chunks and a remainder, after the placeholder.
  assert.deepEqual(received.map((c) => c.length), [44, 32000, 32000, 30 * 640]);
  const file = Buffer.concat([header, ...received.slice(1)]);
  assert.deepEqual(new Uint8Array(file), whole);
});
