/**
 * Blobs as files under one directory (`<dataDir>/blobs/`). A put writes a temporary file next to the target, flushes
 * it to disk and renames it over the target: rename is atomic on POSIX file systems, so after a crash the key holds
 * the old blob or the new one, and the only leftover can be a `.tmp-` file no key ever names. A writer (openWriter)
 * works the same way with a temporary file it appends to and patches, renamed into place on commit.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { checkBlobKey, type BlobWriter, type StreamingBlobStore } from '../../ports/blob-store.js';

/** A BlobStore on the local file system; see the module comment. */
export class FsBlobStore implements StreamingBlobStore {
  constructor(private readonly root: string) {}

  private fileOf(key: string): string {
    checkBlobKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  /** A writer appending to a temporary file next to the key's file; see FsBlobWriter. */
  openWriter(key: string): BlobWriter {
    return new FsBlobWriter(this.fileOf(key));
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

/** Appends to `<file>.tmp-…`, created with its directory on the first append; commit fsyncs and renames it. */
class FsBlobWriter implements BlobWriter {
  private readonly temp: string;
  private handle: Promise<FileHandle> | undefined;
  private size = 0;

  constructor(private readonly file: string) {
    this.temp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  }

  async append(bytes: Uint8Array): Promise<void> {
    const handle = await this.opened();
    await handle.write(bytes, 0, bytes.length, this.size);
    this.size += bytes.length;
  }

  async patch(offset: number, bytes: Uint8Array): Promise<void> {
    if (offset < 0 || offset + bytes.length > this.size) throw new RangeError(`patch of ${bytes.length} bytes at ${offset} is outside the ${this.size} written`);
    const handle = await this.opened();
    await handle.write(bytes, 0, bytes.length, offset);
  }

  async commit(): Promise<number> {
    const handle = await this.opened();
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.temp, this.file);
    return this.size;
  }

  async abort(): Promise<void> {
    if (!this.handle) return;
    await (await this.handle.catch(() => undefined))?.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }

  private opened(): Promise<FileHandle> {
    this.handle ??= mkdir(path.dirname(this.file), { recursive: true }).then(() => open(this.temp, 'wx'));
    return this.handle;
  }
}
