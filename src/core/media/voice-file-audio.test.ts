import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { SoxMp3Decoder } from '../../providers/audio/voice-file-sox.js';
import { detectVoiceFileFormat, transcodeVoiceFile } from './voice-file-audio.js';
import { buildWav, rms, soxMp3Tone, storedSamples, tone, toneAmplitude, type WavSpec } from './voice-file-test-kit.js';
import { alawToLinear, decodeWav, mulawToLinear } from './voice-file-wav.js';
import { resample } from './voice-file-resample.js';

const sox = new SoxMp3Decoder();

/** A spec of `seconds` of `hz` at `rate`, the same on every channel. */
function toneWav(hz: number, rate: number, seconds: number, over: Partial<WavSpec> = {}): Uint8Array {
  const signal = tone(hz, rate);
  return buildWav({ encoding: 'pcm', bitsPerSample: 16, channels: 1, sampleRate: rate, frames: Math.round(rate * seconds), signal: (f) => signal(f), ...over });
}

/** Asserts the promise rejects with InvalidArgument about Content whose message matches. */
async function refusedContent(work: Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof DomainError, String(error));
    assert.deepEqual([error.code, error.param], ['InvalidArgument', 'Content']);
    assert.match(error.message, message);
    return true;
  });
}

test('a 1 kHz tone in 44.1 kHz stereo comes out as 8 kHz mono with the tone at its level and the same duration', async () => {
  const out = await transcodeVoiceFile(toneWav(1000, 44100, 1.5, { channels: 2 }), sox);
  assert.equal(out.sourceFormat, 'WAV');
  assert.deepEqual(out.wavFormat, { encoding: 'pcm', bitsPerSample: 16, channels: 2, sampleRate: 44100 });
  assert.equal(out.durationMs, 1500);
  const header = new DataView(out.wav.buffer, out.wav.byteOffset, 44);
  assert.deepEqual([header.getUint16(22, true), header.getUint32(24, true), header.getUint16(34, true)], [1, 8000, 16], 'mono, 8 kHz, 16-bit');
  const samples = storedSamples(out.wav);
  assert.equal(samples.length, 12_000);
  assert.ok(Math.abs(toneAmplitude(samples, 1000, 8000) - 0.5) < 0.01, 'the tone keeps its amplitude');
  assert.ok(Math.abs(rms(samples) - 0.5 / Math.SQRT2) < 0.005, 'and nothing else was added');
});

test('content above 4 kHz is filtered out, not folded back into the speech band as sample dropping would', async () => {
  const high = storedSamples((await transcodeVoiceFile(toneWav(6000, 44100, 1), sox)).wav);
  assert.ok(rms(high) < 0.002, `6 kHz should be gone, rms ${rms(high)}`);
  // Taking every 5.5th sample instead would leave a full-level 2 kHz alias.
  const dropped = new Float32Array(8000).map((_, n) => tone(6000, 44100)(Math.round(n * 5.5125)));
  assert.ok(toneAmplitude(dropped, 2000, 8000) > 0.4);
  const speech = storedSamples((await transcodeVoiceFile(toneWav(3000, 48000, 1), sox)).wav);
  assert.ok(Math.abs(toneAmplitude(speech, 3000, 8000) - 0.5) < 0.01, '3 kHz is in the pass band');
});

test('a lower rate is interpolated up to 8 kHz with the tone intact', () => {
  const up = resample(new Float32Array(6000).map((_, n) => tone(1000, 6000)(n)), 6000, 8000);
  assert.equal(up.length, 8000);
  assert.ok(Math.abs(toneAmplitude(up, 1000, 8000) - 0.5) < 0.01);
});

test('every WAV encoding decodes to the same signal: 8/16/24/32-bit PCM, 32/64-bit float, extensible', () => {
  const encodings: [WavSpec['encoding'], number, boolean][] = [['pcm', 8, false], ['pcm', 16, false], ['pcm', 24, false], ['pcm', 32, true], ['float', 32, false], ['float', 64, true]];
  for (const [encoding, bits, extensible] of encodings) {
    const wav = buildWav({ encoding, bitsPerSample: bits, channels: 3, sampleRate: 8000, frames: 800, signal: tone(440, 8000), extensible });
    const decoded = decodeWav(wav);
    assert.deepEqual(decoded.format, { encoding, bitsPerSample: bits, channels: 3, sampleRate: 8000 });
    const tolerance = bits === 8 ? 1 / 64 : 1e-4;
    assert.ok(decoded.samples.every((s, n) => Math.abs(s - tone(440, 8000)(n)) <= tolerance), `${encoding} ${bits}`);
  }
});

test('A-law and mu-law decode by the G.711 tables', async () => {
  assert.deepEqual([alawToLinear(0xd5), alawToLinear(0x55), alawToLinear(0xaa), alawToLinear(0x2a)].map((v) => v * 32768), [8, -8, 32256, -32256]);
  assert.deepEqual([mulawToLinear(0xff), mulawToLinear(0x80), mulawToLinear(0x00)].map((v) => v * 32768), [0, 32124, -32124]);
  for (const encoding of ['alaw', 'mulaw'] as const) {
    const out = await transcodeVoiceFile(buildWav({ encoding, bitsPerSample: 8, channels: 1, sampleRate: 8000, frames: 16000, signal: tone(1000, 8000) }), sox);
    assert.equal(out.durationMs, 2000);
    assert.ok(Math.abs(toneAmplitude(storedSamples(out.wav), 1000, 8000) - 0.5) < 0.01, encoding);
  }
});

test('chunks before fmt, odd-sized ones included, are skipped', () => {
  const leading = [{ id: 'LIST', body: new Uint8Array(7).fill(65) }, { id: 'junk', body: new Uint8Array(3) }];
  const decoded = decodeWav(buildWav({ encoding: 'pcm', bitsPerSample: 16, channels: 1, sampleRate: 16000, frames: 160, signal: () => 0.25, leading }));
  assert.equal(decoded.samples.length, 160);
  assert.ok(decoded.samples.every((s) => Math.abs(s - 0.25) < 1e-4));
});

test('corrupt and unsupported files are refused about Content, saying what is wrong', async () => {
  const good = toneWav(1000, 8000, 0.1);
  const withTag = (tag: number) => {
    const copy = good.slice();
    new DataView(copy.buffer).setUint16(20, tag, true);
    return copy;
  };
  const cases: [Uint8Array, RegExp][] = [
    [new TextEncoder().encode('hello, this is a text file'), /neither a WAV nor an MP3 file; upload WAV .* or MP3/],
    [new Uint8Array(0), /is empty/],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]), /is a PNG image/],
    [withTag(0x0011), /unsupported encoding \(format tag 0x0011\); use PCM, IEEE float, A-law or mu-law, or MP3/],
    [good.slice(0, 30), /fmt chunk is truncated/],
    [good.slice(0, 36), /without a data chunk/],
    [buildWav({ encoding: 'pcm', bitsPerSample: 12, channels: 1, sampleRate: 8000, frames: 0, signal: () => 0 }), /12 bits per sample; supported are 8, 16, 24, 32/],
    [buildWav({ encoding: 'pcm', bitsPerSample: 16, channels: 1, sampleRate: 8000, frames: 0, signal: () => 0 }), /is a WAV file with no audio in it/],
    [(() => { const c = good.slice(); new DataView(c.buffer).setUint16(22, 0, true); return c; })(), /with 0 channels/],
    [(() => { const c = good.slice(); new DataView(c.buffer).setUint32(24, 10, true); return c; })(), /at 10 Hz; 1000 to 768000 Hz/],
    [(() => { const c = good.slice(); c.set([0x57, 0x41, 0x56, 0x58], 8); return c; })(), /a RIFF file that is not WAVE/],
  ];
  for (const [bytes, message] of cases) await refusedContent(transcodeVoiceFile(bytes, sox), message);
});

test('a WAV over ten minutes is refused before it is resampled', async () => {
  const wav = buildWav({ encoding: 'pcm', bitsPerSample: 8, channels: 1, sampleRate: 8000, frames: 8000 * 601, signal: () => 0 });
  await refusedContent(transcodeVoiceFile(wav, sox), /is 601\.0 s long; a voice file may be at most 10 minutes/);
});

test('MP3 is told by its content and decoded by sox to 8 kHz mono with the tone and its length', async () => {
  const mp3 = soxMp3Tone(1000, 2);
  assert.equal(detectVoiceFileFormat(mp3), 'MP3');
  const out = await transcodeVoiceFile(mp3, sox);
  assert.equal(out.sourceFormat, 'MP3');
  assert.ok(Math.abs(out.durationMs - 2000) <= 100, `about 2 s (encoder padding aside), got ${out.durationMs}`);
  assert.ok(Math.abs(toneAmplitude(storedSamples(out.wav), 1000, 8000) - 0.5) < 0.03);
});

test('an MP3 that does not decode is refused about Content; without sox the message says MP3 needs it', async () => {
  const mp3 = soxMp3Tone(500, 0.5);
  // An ID3 tag and one MPEG-1 layer III frame header (128 kbit/s, 44.1 kHz: 417 bytes) whose body is garbage.
  const broken = new Uint8Array([...new TextEncoder().encode('ID3'), 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64, ...new Uint8Array(413).fill(0x55)]);
  assert.equal(detectVoiceFileFormat(broken), 'MP3');
  await refusedContent(transcodeVoiceFile(broken, sox), /not a readable MP3 file \(sox: can't open input/);
  await assert.rejects(transcodeVoiceFile(mp3, new SoxMp3Decoder({ command: 'waihu-no-such-sox' })), (error: unknown) => {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'NotImplemented');
    assert.match(error.message, /MP3 voice files need the sox program with MP3 support .*sox and libsox-fmt-mp3.*"waihu-no-such-sox" is not installed/);
    return true;
  });
  assert.equal(detectVoiceFileFormat(new Uint8Array([0xff, 0xfb, 0x90, 0x64, 1, 2, 3])), 'MP3', 'a single frame at the end of the file');
  assert.equal(detectVoiceFileFormat(new Uint8Array([0xff, 0xfb, 0x90, 0x64, ...new Uint8Array(500)])), undefined, 'one stray sync word is not an MP3');
});
