import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPEECH_SAMPLE_RATE, SpeechError } from '../../ports/speech.js';
import { EspeakSynthesizer, espeakWordsPerMinute } from './espeak-synthesizer.js';

const ESPEAK_MISSING = spawnSync('espeak-ng', ['--version']).error !== undefined;
const skip = ESPEAK_MISSING ? 'espeak-ng is not installed on this machine (Debian package espeak-ng); these tests need the real program' : false;

const CHINESE = '您好，这里是外呼平台的语音通知，您的订单已经发货，请注意查收。';
const ENGLISH = 'Hello, this is a voice notification from waihu. Your order has been shipped.';

function rms(pcm: Int16Array): number {
  let sum = 0;
  for (const s of pcm) sum += s * s;
  return Math.sqrt(sum / Math.max(1, pcm.length));
}

function seconds(pcm: Int16Array): number {
  return pcm.length / SPEECH_SAMPLE_RATE;
}

test('a Mandarin sentence becomes audible 8 kHz audio of a plausible length', { skip }, async () => {
  const pcm = await new EspeakSynthesizer().synthesize(CHINESE, { voice: 'cmn-latn-pinyin' });
  // About 29 syllables: a few seconds at a normal pace.
  assert.ok(seconds(pcm) > 2 && seconds(pcm) < 15, `${seconds(pcm)} s`);
  assert.ok(rms(pcm) > 500, `rms ${rms(pcm)}`);
});

test('an English sentence becomes audible 8 kHz audio of a plausible length', { skip }, async () => {
  const pcm = await new EspeakSynthesizer().synthesize(ENGLISH, { voice: 'en-us' });
  assert.ok(seconds(pcm) > 2 && seconds(pcm) < 12, `${seconds(pcm)} s`);
  assert.ok(rms(pcm) > 500, `rms ${rms(pcm)}`);
});

test('every listed voice speaks', { skip }, async () => {
  const espeak = new EspeakSynthesizer();
  assert.equal(espeak.voices()[0]!.id, 'cmn-latn-pinyin');
  for (const voice of espeak.voices()) {
    assert.equal(voice.provider, 'espeak-ng');
    const pcm = await espeak.synthesize(voice.language.startsWith('zh') ? '你好' : 'hello', { voice: voice.id });
    assert.ok(rms(pcm) > 300, `${voice.id}: rms ${rms(pcm)}`);
  }
});

test('speed changes the length, volume the level', { skip }, async () => {
  const espeak = new EspeakSynthesizer();
  const normal = await espeak.synthesize(ENGLISH, { voice: 'en' });
  const fast = await espeak.synthesize(ENGLISH, { voice: 'en', speed: 2 });
  const slow = await espeak.synthesize(ENGLISH, { voice: 'en', speed: 0.6 });
  assert.ok(fast.length < normal.length * 0.75, `fast ${fast.length} vs ${normal.length}`);
  assert.ok(slow.length > normal.length * 1.3, `slow ${slow.length} vs ${normal.length}`);
  const quiet = await espeak.synthesize(ENGLISH, { voice: 'en', volume: 0.5 });
  assert.equal(quiet.length, normal.length);
  assert.ok(Math.abs(rms(quiet) / rms(normal) - 0.5) < 0.02);
});

test('speed maps onto the words per minute espeak accepts', () => {
  assert.equal(espeakWordsPerMinute(1), 175);
  assert.equal(espeakWordsPerMinute(2), 350);
  assert.equal(espeakWordsPerMinute(0.1), 80);
  assert.equal(espeakWordsPerMinute(10), 450);
});

test('empty text is silence without running the program; bad options are refused', async () => {
  const espeak = new EspeakSynthesizer({ command: '/nonexistent/espeak-ng' });
  assert.equal((await espeak.synthesize('  ')).length, 0);
  await assert.rejects(espeak.synthesize('hi', { voice: 'klingon' }), /unknown espeak-ng voice "klingon"; the voices are cmn-latn-pinyin/);
  await assert.rejects(espeak.synthesize('hi', { speed: 0 }), RangeError);
  await assert.rejects(new EspeakSynthesizer({ maxTextChars: 3 }).synthesize('hello'), /at most 3/);
});

test('a missing espeak-ng says what to install', async () => {
  const espeak = new EspeakSynthesizer({ command: '/nonexistent/espeak-ng' });
  await assert.rejects(espeak.synthesize('你好'), (error: unknown) => {
    assert.ok(error instanceof SpeechError);
    assert.equal(error.kind, 'unavailable');
    assert.match(error.message, /needs the espeak-ng program .*install the Debian package espeak-ng/);
    return true;
  });
});

test('a hung program is killed at the deadline, and an abort stops it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waihu-espeak-'));
  try {
    const hang = join(dir, 'hang.sh');
    // exec: the sleep itself is the child, so killing it closes its pipes at once.
    writeFileSync(hang, '#!/bin/sh\nexec sleep 30\n');
    chmodSync(hang, 0o755);
    await assert.rejects(new EspeakSynthesizer({ command: hang, timeoutMs: 200 }).synthesize('hello'), (error: unknown) => {
      assert.ok(error instanceof SpeechError);
      assert.equal(error.kind, 'timeout');
      return true;
    });
    const controller = new AbortController();
    const pending = new EspeakSynthesizer({ command: hang }).synthesize('hello', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, { name: 'AbortError' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('audio past the cap is refused', { skip }, async () => {
  await assert.rejects(new EspeakSynthesizer({ maxAudioSeconds: 0.5 }).synthesize(ENGLISH), (error: unknown) => {
    assert.ok(error instanceof SpeechError);
    assert.equal(error.kind, 'too-large');
    return true;
  });
});

test('a failing program reports its exit and complaint', async () => {
  const espeak = new EspeakSynthesizer({ command: 'sh' });
  // `sh -b 1 ...` is refused by the shell: a stand-in for espeak failing.
  await assert.rejects(espeak.synthesize('hello'), (error: unknown) => {
    assert.ok(error instanceof SpeechError);
    assert.equal(error.kind, 'failed');
    assert.match(error.message, /espeak-ng failed \(exit \d+\)/);
    return true;
  });
});
