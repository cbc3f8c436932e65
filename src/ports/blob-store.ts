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

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Throws RangeError unless `key` is a valid blob key (no empty, `.` or `..` segments, no leading `/`). */
export function checkBlobKey(key: string): void {
  const segments = key.split('/');
  if (key.length === 0 || key.length > 512 || !segments.every((s) => SEGMENT.test(s) && s !== '..')) {
    throw new RangeError(`invalid blob key "${key}"`);
  }
}
