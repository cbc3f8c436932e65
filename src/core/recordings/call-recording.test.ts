import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BlobWriter, StreamingBlobStore } from '../../ports/blob-store.js';
import { blobRecordingArchive } from './call-recording.js';

const T0 = Date.UTC(2026, 10, 26, 3, 0, 0);

/** A store whose writers keep bytes in memory; `failAt` makes that append (1-based) fail. */
function memoryStore(failAt?: number) {
  const kept = new Map<string, Uint8Array>();
  const aborted: string[] = [];
  const store: StreamingBlobStore = {
    put: () => Promise.reject(new Error('not used')),
    get: (key) => Promise.resolve(kept.get(key)),
    delete: () => Promise.resolve(false),
    openWriter(key): BlobWriter {
      const bytes: number[] = [];
      let appends = 0;
      return {
        append: async (chunk) => {
          if (++appends === failAt) throw new Error('disk full');
          bytes.push(...chunk);
        },
        patch: async (offset, chunk) => void bytes.splice(offset, chunk.length, ...chunk),
        commit: async () => {
          kept.set(key, Uint8Array.from(bytes));
          return bytes.length;
        },
        abort: async () => void aborted.push(key),
      };
    },
  };
  return { store, kept, aborted };
}

test('a draft streams its chunks in order, releases each once written, and keep stores the file under its key', async () => {
  const { store, kept } = memoryStore();
  const draft = blobRecordingArchive(store).start('1001', '12^34', T0);
  const released: number[] = [];
  draft.write(new Uint8Array([0, 0]), () => released.push(0));
  draft.write(new Uint8Array([3, 4]), () => released.push(1));
  draft.end(new Uint8Array([1, 2]));
  const ref = await draft.keep(20);
  assert.deepEqual(ref, { key: 'recordings/1001/2026-11-26/12-34.wav', durationMs: 20, bytes: 4 });
  assert.deepEqual(kept.get(ref.key), new Uint8Array([1, 2, 3, 4]));
  assert.deepEqual(released, [0, 1]);
});

test('a failed write fails keep with its error, drops the file and still releases every chunk', async () => {
  const { store, kept, aborted } = memoryStore(1);
  const draft = blobRecordingArchive(store).start('1001', '12^35', T0);
  const released: number[] = [];
  draft.write(new Uint8Array([0, 0]), () => released.push(0));
  draft.write(new Uint8Array([3, 4]), () => released.push(1));
  draft.end(new Uint8Array([1, 2]));
  await assert.rejects(draft.keep(20), /disk full/);
  assert.equal(kept.size, 0);
  assert.deepEqual(aborted, ['recordings/1001/2026-11-26/12-35.wav']);
  assert.deepEqual(released, [0, 1]);
});
