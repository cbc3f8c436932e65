import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DialogTurn } from '../core/calls/dialog.js';
import { recordingKey, type CallRecordingRef } from '../core/recordings/call-recording.js';
import type { CallDialogRecord } from '../ports/conversation-store.js';
import { SpeechError, type SpeechSynthesizer } from '../ports/speech.js';
import { keyTones, SIM_RECORDING_VOICES } from '../providers/telephony/sim/sim-recording.js';
import { simulatedRecordingRenderer, type SimulatedRecordingDeps } from './simulated-recordings.js';

const T0 = Date.UTC(2026, 10, 26, 3, 0, 0);
const KEY = recordingKey('1001', '77^88', T0);
const RATE = 8000;

/** A synthesizer that "says" every text as one second of a constant level, louder for the platform's voice. */
function fakeSpeech(calls: string[] = []): SpeechSynthesizer {
  return {
    provider: 'fake',
    voices: () => [],
    synthesize: (text, options) => {
      calls.push(`${options?.voice ?? ''}:${text}`);
      return Promise.resolve(new Int16Array(RATE).fill(options?.voice === SIM_RECORDING_VOICES.platform ? 1000 : 500));
    },
  };
}

function dialog(turns: DialogTurn[], recording: Partial<CallRecordingRef> = {}): CallDialogRecord {
  return {
    callId: '77^88', accountId: '1001', turns, createdAt: T0, analysis: { tags: [] } as unknown as CallDialogRecord['analysis'],
    recording: { key: KEY, durationMs: 5000, bytes: 0, simulated: true, ...recording },
  };
}

function deps(record: CallDialogRecord | undefined, synthesizer: SpeechSynthesizer, timeScale = 1) {
  const blobs = new Map<string, Uint8Array>();
  const d: SimulatedRecordingDeps = {
    dialogs: { getCallDialog: (accountId, callId) => Promise.resolve(accountId === '1001' && callId === '77^88' ? record : undefined) },
    blobs: {
      put: (key, bytes) => Promise.resolve(void blobs.set(key, bytes)),
      get: (key) => Promise.resolve(blobs.get(key)),
      delete: (key) => Promise.resolve(blobs.delete(key)),
    },
    synthesizer, timeScale,
  };
  return { d, blobs };
}

/** Per-channel sample at time `ms` of a stereo 8 kHz WAV. */
function sampleAt(wav: Uint8Array, ms: number): { left: number; right: number } {
  const view = new DataView(wav.buffer, wav.byteOffset + 44);
  const frame = Math.round((ms * RATE) / 1000);
  return { left: view.getInt16(frame * 4, true), right: view.getInt16(frame * 4 + 2, true) };
}

test('the transcript is spoken into a stereo file: the platform on the right at its offset, the callee on the left ending at its offset', async () => {
  const spoken: string[] = [];
  // At time scale 0.5 the call's clock ran twice as fast: offsets 500 and 2000 on it are 1 s and 4 s of the call.
  const record = dialog([{ role: 'assistant', content: '您好', at: 500 }, { role: 'user', content: '好的', at: 2000 }]);
  const { d, blobs } = deps(record, fakeSpeech(spoken), 0.5);
  const made = await simulatedRecordingRenderer(d)(KEY);
  assert.ok(made && 'bytes' in made);
  const wav = made.bytes;
  assert.equal(Buffer.from(wav.subarray(0, 4)).toString(), 'RIFF');
  assert.equal(new DataView(wav.buffer, wav.byteOffset).getUint16(22, true), 2, 'two channels');
  assert.equal((wav.byteLength - 44) / 4, 5 * RATE, 'as long as the talk time');
  assert.deepEqual(sampleAt(wav, 500), { left: 0, right: 0 }, 'silence before the prompt');
  assert.deepEqual(sampleAt(wav, 1500), { left: 0, right: 1000 }, 'the prompt on the right from 1 s');
  assert.deepEqual(sampleAt(wav, 3500), { left: 500, right: 0 }, 'the answer on the left, ending at 4 s');
  assert.deepEqual(sampleAt(wav, 4500), { left: 0, right: 0 });
  assert.deepEqual(spoken.sort(), [`${SIM_RECORDING_VOICES.callee}:好的`, `${SIM_RECORDING_VOICES.platform}:您好`].sort());
  assert.equal(blobs.get(KEY), wav, 'kept in the blob store for the next download');
});

test('the file is as long as the talk time; turns never overlap; keys become tone pairs', async () => {
  const turns = [
    { role: 'assistant' as const, content: 'a', at: 0 },
    { role: 'assistant' as const, content: 'b', at: 200 },
    { role: 'user' as const, content: '1', at: 300, dtmf: '1' },
  ];
  const short = await simulatedRecordingRenderer(deps(dialog(turns, { durationMs: 1000 }), fakeSpeech()).d)(KEY);
  assert.ok(short && 'bytes' in short);
  assert.equal((short.bytes.byteLength - 44) / 4, RATE, 'speech past the end of the call is cut, as the call was');
  const made = await simulatedRecordingRenderer(deps(dialog(turns, { durationMs: 3000 }), fakeSpeech()).d)(KEY);
  assert.ok(made && 'bytes' in made);
  const tones = keyTones('1').length;
  assert.equal((made.bytes.byteLength - 44) / 4, 3 * RATE, 'three seconds of talk');
  assert.ok(2 * RATE + tones <= 3 * RATE, 'the key press fits in the talk time');
  assert.equal(sampleAt(made.bytes, 1500).right, 1000, 'the second prompt waits for the first');
  assert.ok(Math.abs(sampleAt(made.bytes, 2001).left) > 0, 'the key press after both');
  assert.equal(keyTones('x').length, 0, 'unknown keys make no sound');
  assert.ok(keyTones('12').length === 2 * tones);
});

test('only a dialog naming this key as simulated is rendered', async () => {
  const renderOf = (record: CallDialogRecord | undefined) => simulatedRecordingRenderer(deps(record, fakeSpeech()).d);
  assert.equal(await renderOf(dialog([], { simulated: undefined }))(KEY), undefined, 'a real recording that is gone stays gone');
  assert.equal(await renderOf(dialog([], { key: recordingKey('1001', '77^88', T0 + 86_400_000) }))(KEY), undefined, 'another day');
  assert.equal(await renderOf(undefined)(KEY), undefined, 'no such call');
  assert.equal(await renderOf(dialog([]))('recordings/1001/2026-11-26/abc.wav'), undefined, 'a key naming no call');
});

test('two downloads at once render once; without espeak-ng the answer says what is missing', async () => {
  const spoken: string[] = [];
  const { d } = deps(dialog([{ role: 'assistant', content: '您好', at: 0 }]), fakeSpeech(spoken));
  const render = simulatedRecordingRenderer(d);
  const [a, b] = await Promise.all([render(KEY), render(KEY)]);
  assert.equal(spoken.length, 1);
  assert.ok(a && b && 'bytes' in a && 'bytes' in b && a.bytes === b.bytes);

  const missing: SpeechSynthesizer = { provider: 'x', voices: () => [], synthesize: () => Promise.reject(new SpeechError('no espeak-ng', 'unavailable')) };
  const { d: without, blobs } = deps(dialog([{ role: 'assistant', content: '您好', at: 0 }]), missing);
  const answer = await simulatedRecordingRenderer(without)(KEY);
  assert.ok(answer && 'unavailable' in answer);
  assert.match(answer.unavailable, /espeak-ng/);
  assert.equal(blobs.size, 0, 'nothing stored');
});
