import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FsBlobStore } from './fs-blob-store.js';

function freshRoot(): string {
  return mkdtempSync(path.join(tmpdir(), 'waihu-blobs-'));
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

test('put, get and delete round-trip bytes under nested keys as plain files', async () => {
  const root = freshRoot();
  try {
    const blobs = new FsBlobStore(path.join(root, 'blobs'));
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await blobs.put('voice-files/123/a.wav', bytes);
    assert.deepEqual(await blobs.get('voice-files/123/a.wav'), bytes);
    assert.deepEqual(readFileSync(path.join(root, 'blobs', 'voice-files', '123', 'a.wav')), Buffer.from(bytes));
    assert.deepEqual(filesUnder(root), [path.join('blobs', 'voice-files', '123', 'a.wav')], 'no temporary file is left behind');

    await blobs.put('voice-files/123/a.wav', new Uint8Array([9]));
    assert.deepEqual(await blobs.get('voice-files/123/a.wav'), new Uint8Array([9]), 'a second put replaces the blob');

    assert.equal(await blobs.delete('voice-files/123/a.wav'), true);
    assert.equal(await blobs.get('voice-files/123/a.wav'), undefined);
    assert.equal(await blobs.delete('voice-files/123/a.wav'), false, 'deleting twice reports nothing to delete');
    assert.equal(await blobs.get('never/put'), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a leftover temporary file from a crashed put is never read as the blob', async () => {
  const root = freshRoot();
  try {
    const blobs = new FsBlobStore(root);
    await blobs.put('k/file.wav', new Uint8Array([1, 2, 3]));
    // What a crash between write and rename leaves: a half-written sibling the key does not name.
    writeFileSync(path.join(root, 'k', 'file.wav.tmp-deadbeef0000'), new Uint8Array([7]));
    assert.deepEqual(await blobs.get('k/file.wav'), new Uint8Array([1, 2, 3]));
    await blobs.put('k/file.wav', new Uint8Array([4, 5]));
    assert.deepEqual(await blobs.get('k/file.wav'), new Uint8Array([4, 5]));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a failed write leaves the previous blob whole and no temporary file', async () => {
  const root = freshRoot();
  try {
    const blobs = new FsBlobStore(root);
    await blobs.put('k/x', new Uint8Array([1]));
    // A directory where the file should go makes the rename fail after the temporary file was written.
    await blobs.put('d/x/inner', new Uint8Array([2]));
    await assert.rejects(blobs.put('d/x', new Uint8Array([3])));
    assert.deepEqual(filesUnder(root), [path.join('d', 'x', 'inner'), path.join('k', 'x')]);
    assert.deepEqual(await blobs.get('k/x'), new Uint8Array([1]));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('keys that could leave the store directory are refused', async () => {
  const blobs = new FsBlobStore(freshRoot());
  for (const key of ['../escape', 'a/../../b', '/abs', '', 'a//b', 'a/./b', 'sp ace', 'a\\b']) {
    await assert.rejects(blobs.put(key, new Uint8Array([1])), RangeError, key);
    await assert.rejects(blobs.get(key), RangeError, key);
  }
});

test('a writer appends and patches out of sight; commit makes the blob appear whole, abort leaves nothing', async () => {
  const root = freshRoot();
  try {
    const blobs = new FsBlobStore(root);
    const writer = blobs.openWriter('recordings/1/2026-11-26/a.wav');
    await writer.append(new Uint8Array([0, 0, 0, 0]));
    await writer.append(new Uint8Array([5, 6]));
    await writer.patch(0, new Uint8Array([1, 2]));
    assert.equal(await blobs.get('recordings/1/2026-11-26/a.wav'), undefined, 'nothing is visible before commit');
    await assert.rejects(writer.patch(5, new Uint8Array([1, 2])), RangeError);
    assert.equal(await writer.commit(), 6);
    assert.deepEqual(await blobs.get('recordings/1/2026-11-26/a.wav'), new Uint8Array([1, 2, 0, 0, 5, 6]));
    assert.deepEqual(filesUnder(root), [path.join('recordings', '1', '2026-11-26', 'a.wav')], 'no temporary file is left behind');

    const dropped = blobs.openWriter('recordings/1/2026-11-26/b.wav');
    await dropped.append(new Uint8Array([7]));
    await dropped.abort();
    await blobs.openWriter('recordings/1/2026-11-26/c.wav').abort();
    assert.deepEqual(filesUnder(root), [path.join('recordings', '1', '2026-11-26', 'a.wav')]);
    assert.throws(() => blobs.openWriter('../escape.wav'), RangeError);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
