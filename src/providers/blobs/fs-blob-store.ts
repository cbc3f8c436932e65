/**
 * Blobs as files under one directory (`<dataDir>/blobs/`). A put writes a temporary file next to the target, flushes
 * it to disk and renames it over the target: rename is atomic on POSIX file systems, so after a crash the key holds
 * the old blob or the new one, and the only leftover can be a `.tmp-` file no key ever names.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { checkBlobKey, type BlobStore } from '../../ports/blob-store.js';

/** A BlobStore on the local file system; see the module comment. */
export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private fileOf(key: string): string {
    checkBlobKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  /** Writes to a temporary file, fsyncs it, then renames it into place. */
  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** The file's bytes; undefined when it does not exist. */
  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const data = await readFile(this.fileOf(key));
      return new Uint8Array(data.buffer, data.byteOffset, data.length);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Unlinks the file; false when it did not exist. */
  async delete(key: string): Promise<boolean> {
    try {
      await unlink(this.fileOf(key));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}
