/**
 * Storage of opaque byte blobs (voice files today) by key. Keys are relative paths of letters, digits, `.`, `_` and
 * `-` separated by `/`; adapters may map them onto files, object-store keys or rows.
 */

/** Whole blobs in, whole blobs out. */
export interface BlobStore {
  /** Stores the bytes under the key, replacing what was there; a reader sees the old blob or the new, never a part. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The blob, or undefined when there is none under the key. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes the blob; false when there was none. */
  delete(key: string): Promise<boolean>;
}

/**
 * A blob written a piece at a time (a call's recording, as the call goes): nothing is visible under the key until
 * commit(), which replaces the key's blob as put() does; abort() leaves no trace. Calls are made one at a time (each
 * awaited before the next).
 */
export interface BlobWriter {
  /** Adds bytes at the end. The bytes may be reused by the caller once the promise settles. */
  append(bytes: Uint8Array): Promise<void>;
  /** Overwrites bytes already appended, from `offset` (a file header whose sizes are known only at the end). */
  patch(offset: number, bytes: Uint8Array): Promise<void>;
  /** Makes the blob durable and visible under its key; returns its size in bytes. */
  commit(): Promise<number>;
  /** Drops what was written. */
  abort(): Promise<void>;
}

/** A blob store that can also take blobs written a piece at a time. */
export interface StreamingBlobStore extends BlobStore {
  /** A writer for the blob under `key` (checked now; nothing is created before the first append). */
  openWriter(key: string): BlobWriter;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Throws RangeError unless `key` is a valid blob key (no empty, `.` or `..` segments, no leading `/`). */
export function checkBlobKey(key: string): void {
  const segments = key.split('/');
  if (key.length === 0 || key.length > 512 || !segments.every((s) => SEGMENT.test(s) && s !== '..')) {
    throw new RangeError(`invalid blob key "${key}"`);
  }
}
