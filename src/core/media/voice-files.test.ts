import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BlobStore } from '../../ports/blob-store.js';
import type { VoiceFileStore } from '../../ports/voice-file-store.js';
import { DomainError } from '../errors.js';
import { SoxMp3Decoder } from '../../providers/audio/voice-file-sox.js';
import type { VoiceFileRecord } from './voice-file.js';
import { buildWav, tone } from './voice-file-test-kit.js';
import { VoiceFileService } from './voice-files.js';

const WAV = Buffer.from(buildWav({ encoding: 'pcm', bitsPerSample: 16, channels: 1, sampleRate: 16000, frames: 16000, signal: tone(500, 16000) })).toString('base64');

/** A service over a map of blobs and a map of rows; `failInsert` makes the row write fail. */
function setup(failInsert = false) {
  const blobs = new Map<string, Uint8Array>();
  const rows = new Map<string, VoiceFileRecord>();
  const blobStore: BlobStore = {
    put: async (key, bytes) => void blobs.set(key, bytes),
    get: async (key) => blobs.get(key),
    delete: async (key) => blobs.delete(key),
  };
  const store: VoiceFileStore = {
    insertVoiceFile: async (f) => {
      if (failInsert) throw new Error('database is gone');
      // The audio must already be in place when the row appears.
      assert.ok(blobs.has(f.blobKey), 'blob written before the row');
      rows.set(`${f.accountId}/${f.code}`, f);
    },
    getVoiceFile: async (a, c) => rows.get(`${a}/${c}`),
    deleteVoiceFile: async (a, c) => {
      const f = rows.get(`${a}/${c}`);
      rows.delete(`${a}/${c}`);
      return f;
    },
    pageVoiceFiles: async () => ({ total: rows.size, items: [...rows.values()] }),
  };
  let n = 0;
  const service = new VoiceFileService({
    store, blobs: blobStore, mp3: new SoxMp3Decoder(), clock: { now: () => 1_000, sleep: async () => {}, after: () => () => {} },
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  return { service, blobs, rows };
}

test('an upload stores the 8 kHz audio under the account, then the row; delete removes both', async () => {
  const { service, blobs, rows } = setup();
  const f = await service.upload('acc-1', { name: ' 提醒 ', fileName: '/home/me/a.wav', content: WAV, publicMode: true });
  assert.deepEqual(f, {
    accountId: 'acc-1', code: '00000000-0000-4000-8000-000000000001.wav', name: '提醒', fileName: 'a.wav', publicMode: true, sourceFormat: 'WAV',
    durationMs: 1000, sampleRate: 8000, sizeBytes: 16_044, blobKey: 'voice-files/acc-1/00000000-0000-4000-8000-000000000001.wav', createdAt: 1_000,
  });
  assert.equal((await service.audio('acc-1', f.code)).length, 16_044);
  await assert.rejects(service.get('acc-2', f.code), (e: unknown) => e instanceof DomainError && e.code === 'NotFound' && e.param === 'VoiceCode');
  await service.delete('acc-1', f.code);
  assert.deepEqual([blobs.size, rows.size], [0, 0]);
  await assert.rejects(service.delete('acc-1', f.code), /VoiceCode "00000000-0000-4000-8000-000000000001.wav" does not exist/);
});

test('a failed row write takes the audio back out; a refused upload writes nothing', async () => {
  const failing = setup(true);
  await assert.rejects(failing.service.upload('acc-1', { name: 'n', fileName: 'f', content: WAV, publicMode: false }), /database is gone/);
  assert.equal(failing.blobs.size, 0);

  const { service, blobs } = setup();
  const bad: [Record<string, string>, string][] = [[{ name: '' }, 'Name'], [{ fileName: '///' }, 'FileName'], [{ content: 'aGVsbG8=' }, 'Content'], [{ content: '' }, 'Content']];
  for (const [change, param] of bad) {
    await assert.rejects(service.upload('acc-1', { name: 'n', fileName: 'f', content: WAV, publicMode: false, ...change }), (e: unknown) => e instanceof DomainError && e.code === 'InvalidArgument' && e.param === param);
  }
  assert.equal(blobs.size, 0);
});
