import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EnergyVad, frameLevelDb, VAD_FRAME_SAMPLES, type EnergyVadOptions, type VadEvent } from './energy-vad.js';

const RATE = 8000;

/** A deterministic noise source (LCG), so every run hears the same line. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Signal pieces: a sine at an RMS level, white noise at an RMS level (fixed or ramping), digital silence. */
type Piece = { ms: number; tone?: { hz: number; db: number }; noise?: { db: number; toDb?: number }; click?: boolean };

function render(pieces: Piece[], seed = 1): Int16Array {
  const total = pieces.reduce((n, p) => n + (p.ms * RATE) / 1000, 0);
  const out = new Int16Array(total);
  const random = lcg(seed);
  let at = 0;
  for (const piece of pieces) {
    const n = (piece.ms * RATE) / 1000;
    for (let i = 0; i < n; i++) {
      let v = 0;
      if (piece.tone) v += Math.SQRT2 * 32768 * 10 ** (piece.tone.db / 20) * Math.sin((2 * Math.PI * piece.tone.hz * (at + i)) / RATE);
      if (piece.noise) {
        const db = piece.noise.db + ((piece.noise.toDb ?? piece.noise.db) - piece.noise.db) * (i / n);
        // Uniform noise on [-a, a] has RMS a/√3.
        v += (random() * 2 - 1) * Math.sqrt(3) * 32768 * 10 ** (db / 20);
      }
      if (piece.click && i < 80) v += i % 2 === 0 ? 30000 : -30000;
      out[at + i] = Math.max(-32768, Math.min(32767, Math.round(v)));
    }
    at += n;
  }
  return out;
}

/** Runs audio through a detector; `playing(ms)` says whether our prompt is on the line at that frame. */
function detect(audio: Int16Array, options: EnergyVadOptions = {}, playing: (ms: number) => boolean = () => false) {
  const events: VadEvent[] = [];
  const vad = new EnergyVad((e) => events.push(e), options);
  for (let at = 0; at + VAD_FRAME_SAMPLES <= audio.length; at += VAD_FRAME_SAMPLES) {
    vad.push(audio.subarray(at, at + VAD_FRAME_SAMPLES), playing(vad.nowMs));
  }
  return { events, vad };
}

const quiet = (ms: number, db = -60): Piece => ({ ms, noise: { db } });
const voice = (ms: number, db = -20): Piece => ({ ms, tone: { hz: 440, db }, noise: { db: -60 } });

test('frame level is RMS in dBFS: a sine at -20 dBFS reads -20, full scale about -3, digital silence -100', () => {
  assert.ok(Math.abs(frameLevelDb(render([{ ms: 20, tone: { hz: 400, db: -20 } }])) + 20) < 0.05);
  const full = new Int16Array(160).map((_, i) => Math.round(32767 * Math.sin((2 * Math.PI * 400 * i) / RATE)));
  assert.ok(Math.abs(frameLevelDb(full) + 3.01) < 0.05);
  assert.equal(frameLevelDb(new Int16Array(160)), -100);
});

test('silence and low line noise are never speech, and the floor settles on the noise level', () => {
  assert.deepEqual(detect(render([quiet(8000, -100)]), { muteMs: 20_000 }).events, []);
  const { events, vad } = detect(render([quiet(8000, -55)]), { muteMs: 20_000 });
  assert.deepEqual(events, []);
  assert.ok(vad.noiseFloorDb > -57 && vad.noiseFloorDb < -55, `floor ${vad.noiseFloorDb}`);
});

test('a 600 ms burst then quiet is one utterance, ended pauseMs after its last loud frame', () => {
  const { events } = detect(render([quiet(1000), voice(600), quiet(800)]), { pauseMs: 500 });
  assert.deepEqual(events, [
    { type: 'speech-start', atMs: 1060, startMs: 1000, playing: false },
    { type: 'speech-end', atMs: 2100, startMs: 1000, endMs: 1600 },
  ]);
});

test('two bursts closer than pauseMs are one utterance; further apart they are two', () => {
  const close = detect(render([quiet(1000), voice(400), quiet(300), voice(400), quiet(1000)]), { pauseMs: 500 }).events;
  assert.deepEqual(close.filter((e) => e.type === 'speech-end'), [{ type: 'speech-end', atMs: 2600, startMs: 1000, endMs: 2100 }]);
  const apart = detect(render([quiet(1000), voice(400), quiet(700), voice(400), quiet(1000)]), { pauseMs: 500 }).events;
  assert.deepEqual(apart.filter((e) => e.type === 'speech-end').map((e) => e.type === 'speech-end' && [e.startMs, e.endMs]), [[1000, 1400], [2100, 2500]]);
});

test('PauseTime changed mid-call applies to the utterance in progress', () => {
  const events: VadEvent[] = [];
  const vad = new EnergyVad((e) => events.push(e), { pauseMs: 1200 });
  const audio = render([quiet(1000), voice(400), quiet(1500)]);
  for (let at = 0; at < audio.length; at += VAD_FRAME_SAMPLES) {
    if (vad.nowMs === 1200) vad.setPauseMs(300);
    vad.push(audio.subarray(at, at + VAD_FRAME_SAMPLES), false);
  }
  assert.deepEqual(events.at(-1), { type: 'speech-end', atMs: 1700, startMs: 1000, endMs: 1400 });
});

test('a click or a 40 ms pop is not speech; 60 ms of sound is', () => {
  assert.deepEqual(detect(render([quiet(1000), { ms: 20, click: true, noise: { db: -60 } }, quiet(1000)])).events, []);
  assert.deepEqual(detect(render([quiet(1000), voice(40, -10), quiet(1000)])).events, []);
  const short = detect(render([quiet(1000), voice(60), quiet(1000)]), { pauseMs: 300 }).events;
  assert.deepEqual(short.map((e) => e.type), ['speech-start', 'speech-end']);
});

test('noise creeping up 22 dB over 12 s is absorbed into the floor, and speech above it is still heard', () => {
  const { events, vad } = detect(render([quiet(2000), { ms: 12_000, noise: { db: -60, toDb: -38 } }, quiet(2000, -38)]), { muteMs: 20_000 });
  assert.deepEqual(events, []);
  assert.ok(vad.noiseFloorDb > -40, `floor ${vad.noiseFloorDb}`);
  const after = detect(render([quiet(2000), { ms: 12_000, noise: { db: -60, toDb: -38 } }, { ms: 500, tone: { hz: 440, db: -20 }, noise: { db: -38 } }, quiet(1000, -38)]), { pauseMs: 400, muteMs: 20_000 }).events;
  assert.deepEqual(after.map((e) => e.type === 'speech-end' && [e.startMs, e.endMs]).filter(Boolean), [[14_000, 14_500]]);
});

test('a sudden lasting rise in noise ends as an utterance within seconds instead of holding the line open', () => {
  const { events, vad } = detect(render([quiet(2000), quiet(8000, -30)]), { pauseMs: 500, muteMs: 20_000 });
  const end = events.find((e) => e.type === 'speech-end');
  assert.ok(end && end.atMs < 5500, JSON.stringify(events));
  assert.equal(vad.inSpeech, false);
});

test('the mute timeout fires once per quiet stretch, counted from the end of speech or of our prompt', () => {
  assert.deepEqual(detect(render([quiet(25_000)]), { muteMs: 10_000 }).events, [{ type: 'silence-timeout', atMs: 10_000, silentMs: 10_000 }]);
  const afterSpeech = detect(render([quiet(3000), voice(500), quiet(14_000)]), { muteMs: 10_000, pauseMs: 500 }).events;
  assert.deepEqual(afterSpeech.filter((e) => e.type === 'silence-timeout'), [{ type: 'silence-timeout', atMs: 13_500, silentMs: 10_000 }]);
  const afterPrompt = detect(render([quiet(20_000)]), { muteMs: 10_000 }, (ms) => ms < 5000).events;
  assert.deepEqual(afterPrompt, [{ type: 'silence-timeout', atMs: 15_000, silentMs: 10_000 }]);
});

test('barge-in fires only while our prompt plays and only after bargeInMs of speech', () => {
  const playingAll = () => true;
  const talk = detect(render([quiet(1000), voice(1000), quiet(1000)]), { bargeInMs: 500, pauseMs: 500 }, playingAll).events;
  assert.deepEqual(talk.slice(0, 2), [
    { type: 'speech-start', atMs: 1060, startMs: 1000, playing: true },
    { type: 'barge-in', atMs: 1500, startMs: 1000 },
  ]);
  assert.equal(talk.filter((e) => e.type === 'barge-in').length, 1);
  const cough = detect(render([quiet(1000), voice(300, -10), quiet(1000)]), { bargeInMs: 500 }, playingAll).events;
  assert.deepEqual(cough.map((e) => e.type), ['speech-start', 'speech-end']);
  const notPlaying = detect(render([quiet(1000), voice(1000), quiet(1000)]), { bargeInMs: 500 }).events;
  assert.equal(notPlaying.some((e) => e.type === 'barge-in'), false);
  // The prompt starts while the callee is already talking: only the speech over it counts.
  const late = detect(render([quiet(1000), voice(1500), quiet(1000)]), { bargeInMs: 500 }, (ms) => ms >= 1800).events;
  assert.deepEqual(late.find((e) => e.type === 'barge-in'), { type: 'barge-in', atMs: 2300, startMs: 1000 });
});

test('two coughs inside one utterance do not add up to a barge-in', () => {
  const events = detect(render([quiet(1000), voice(300), quiet(300), voice(300), quiet(1000)]), { bargeInMs: 500, pauseMs: 800 }, () => true).events;
  assert.deepEqual(events.map((e) => e.type), ['speech-start', 'speech-end']);
});

test('flush ends an open utterance at its last loud frame; a frame of the wrong size is refused', () => {
  const { events, vad } = detect(render([quiet(1000), voice(700)]), { pauseMs: 800 });
  vad.flush();
  assert.deepEqual(events.at(-1), { type: 'speech-end', atMs: 1700, startMs: 1000, endMs: 1700 });
  assert.throws(() => vad.push(new Int16Array(80), false), RangeError);
  assert.throws(() => new EnergyVad(() => {}, { pauseMs: 0 }), RangeError);
});
