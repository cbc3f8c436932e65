import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SpeechSynthesizer, SynthesisOptions, Voice } from '../../ports/speech.js';
import { CachedSpeechSynthesizer } from './speech-cache.js';

/** A synthesizer whose calls the test releases by hand; each result is 100 samples (200 bytes) per character. */
class ManualSynthesizer implements SpeechSynthesizer {
  readonly provider = 'manual';
  calls: { text: string; options: SynthesisOptions }[] = [];
  private pending: { resolve: (pcm: Int16Array) => void; reject: (e: unknown) => void; text: string }[] = [];
  autoRelease = true;

  voices(): readonly Voice[] {
    return [{ id: 'v1', name: 'one', language: 'zh-CN', provider: 'manual' }];
  }

  synthesize(text: string, options: SynthesisOptions = {}): Promise<Int16Array> {
    this.calls.push({ text, options });
    if (this.autoRelease) return Promise.resolve(new Int16Array(text.length * 100).fill(text.length));
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject, text });
      options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
    });
  }

  release(): void {
    for (const p of this.pending.splice(0)) p.resolve(new Int16Array(p.text.length * 100).fill(p.text.length));
  }

  fail(error: Error): void {
    for (const p of this.pending.splice(0)) p.reject(error);
  }
}

test('a second request for the same prompt is a hit; anything that changes the audio is a miss', async () => {
  const inner = new ManualSynthesizer();
  const cache = new CachedSpeechSynthesizer(inner);
  const first = await cache.synthesize('你好');
  assert.equal(await cache.synthesize('你好'), first);
  assert.equal(await cache.synthesize('你好', { voice: 'v1', speed: 1, volume: 1 }), first, 'explicit defaults are the defaults');
  await cache.synthesize('你好', { speed: 1.5 });
  await cache.synthesize('你好', { volume: 0.5 });
  await cache.synthesize('你好', { voice: 'v2' });
  await cache.synthesize('您好');
  assert.equal(inner.calls.length, 5);
  assert.deepEqual(cache.stats(), { hits: 2, misses: 5, shared: 0, evictions: 0, entries: 5, bytes: 5 * 200 * 2 });
  assert.equal(cache.provider, 'manual');
  assert.equal(cache.voices()[0]!.id, 'v1');
});

test('the least recently used prompts are evicted to stay within the byte bound', async () => {
  const inner = new ManualSynthesizer();
  // Room for three 2-character prompts (400 bytes each).
  const cache = new CachedSpeechSynthesizer(inner, { maxBytes: 1200 });
  await cache.synthesize('aa');
  await cache.synthesize('bb');
  await cache.synthesize('cc');
  await cache.synthesize('aa'); // now bb is the least recent
  await cache.synthesize('dd'); // evicts bb
  assert.equal(cache.stats().evictions, 1);
  assert.equal(cache.stats().bytes, 1200);
  const before = inner.calls.length;
  await cache.synthesize('aa');
  await cache.synthesize('cc');
  await cache.synthesize('dd');
  assert.equal(inner.calls.length, before, 'aa, cc and dd stayed');
  await cache.synthesize('bb');
  assert.equal(inner.calls.length, before + 1, 'bb was evicted');
  // A prompt larger than the whole bound is returned but not kept.
  const huge = await cache.synthesize('x'.repeat(10));
  assert.equal(huge.length, 1000);
  assert.ok(cache.stats().bytes <= 1200);
});

test('concurrent requests for one prompt share one synthesis; a failure is shared and not remembered', async () => {
  const inner = new ManualSynthesizer();
  inner.autoRelease = false;
  const cache = new CachedSpeechSynthesizer(inner);
  const waits = [cache.synthesize('欢迎'), cache.synthesize('欢迎'), cache.synthesize('欢迎')];
  await Promise.resolve();
  assert.equal(inner.calls.length, 1);
  inner.release();
  const results = await Promise.all(waits);
  assert.ok(results.every((r) => r === results[0]));
  assert.deepEqual({ ...cache.stats(), bytes: 0 }, { hits: 0, misses: 1, shared: 2, evictions: 0, entries: 1, bytes: 0 });

  const failing = [cache.synthesize('坏'), cache.synthesize('坏')];
  inner.fail(new Error('engine down'));
  for (const f of failing) await assert.rejects(f, /engine down/);
  const retry = cache.synthesize('坏');
  inner.release();
  assert.equal((await retry).length, 100);
  assert.equal(inner.calls.filter((c) => c.text === '坏').length, 2);
});

test('one caller aborting leaves the shared synthesis running; the last one leaving stops it', async () => {
  const inner = new ManualSynthesizer();
  inner.autoRelease = false;
  const cache = new CachedSpeechSynthesizer(inner);
  const leaving = new AbortController();
  const staying = cache.synthesize('请稍候');
  const left = cache.synthesize('请稍候', { signal: leaving.signal });
  leaving.abort();
  await assert.rejects(left, { name: 'AbortError' });
  assert.equal(inner.calls[0]!.options.signal!.aborted, false);
  inner.release();
  assert.equal((await staying).length, 300);

  const only = new AbortController();
  const alone = cache.synthesize('再见', { signal: only.signal });
  only.abort();
  await assert.rejects(alone, { name: 'AbortError' });
  assert.equal(inner.calls[1]!.options.signal!.aborted, true);
  // The abandoned synthesis is not remembered: the next request synthesizes afresh.
  const again = cache.synthesize('再见');
  await Promise.resolve();
  inner.release();
  assert.equal((await again).length, 200);
  assert.equal(inner.calls.length, 3);
  await assert.rejects(cache.synthesize('x', { signal: AbortSignal.abort() }), { name: 'AbortError' });
});
