/**
 * A call's recording as the platform keeps it: one stereo WAV (left: the callee, right: the platform) in the blob
 * store, named by account, day and call, and referenced from the call's dialog. The carrier records; this module
 * only decides where the file goes and what the rest of the platform remembers of it.
 */
import type { StreamingBlobStore } from '../../ports/blob-store.js';

/** What a call's dialog remembers of its recording. */
export interface CallRecordingRef {
  /** Blob key of the WAV. */
  key: string;
  /** Length of the audio, ms. */
  durationMs: number;
  /** Size of the file, bytes (0 for a simulated recording not rendered yet). */
  bytes: number;
  /**
   * The simulated carrier's mark: no audio was ever captured; the file is rendered from the dialog's turns the first
   * time someone downloads it (app/simulated-recordings.ts), so a campaign nobody listens to synthesizes nothing.
   */
  simulated?: true;
}

/** Where recordings live in the blob store: everything under this prefix is a recording. */
export const RECORDINGS_PREFIX = 'recordings';

/**
 * The blob key of a call's recording: `recordings/<account>/<yyyy-mm-dd>/<call id>.wav`. The `^` of call ids becomes
 * `-` and every other character a blob key may not hold becomes `_`, so the platform's own `<digits>^<digits>` ids
 * can be read back from a key (callIdOfRecordingKey). The day (UTC) keeps directories small and makes retention a
 * matter of removing old days.
 */
export function recordingKey(accountId: string, callId: string, at: number): string {
  const safe = (part: string) => part.replace(/\^/g, '-').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  const day = new Date(at).toISOString().slice(0, 10);
  return `${RECORDINGS_PREFIX}/${safe(accountId)}/${day}/${safe(callId)}.wav`;
}

/**
 * The account and call a recording key was made for, when the call id had the platform's `<digits>^<digits>` form
 * and the account id needed no replacement; undefined for any other key (it then names no call we can look up).
 */
export function callIdOfRecordingKey(key: string): { accountId: string; callId: string } | undefined {
  const match = /^recordings\/([A-Za-z0-9][A-Za-z0-9._-]*)\/\d{4}-\d{2}-\d{2}\/(\d+)-(\d+)\.wav$/.exec(key);
  if (!match || match[1]!.startsWith('.')) return undefined;
  return { accountId: match[1]!, callId: `${match[2]!}^${match[3]!}` };
}

/**
 * A recording written while its call goes on (a RecordingSink of the carrier's recorder), so a long call never sits
 * in memory. Writes are queued in order; a failed write fails keep(), never the call.
 */
export interface RecordingDraft {
  /** The next bytes of the file (first a placeholder header); `release` is called once they may be reused. */
  write(chunk: Uint8Array, release?: () => void): void;
  /** The final header, put over the placeholder at offset 0. */
  end(header: Uint8Array): void;
  /** Waits for every write, stores the file and returns what to remember of it; rejects when it could not be stored. */
  keep(durationMs: number): Promise<CallRecordingRef>;
  /** Drops the file (a call that ended before any audio). */
  discard(): Promise<void>;
}

/** Where a carrier that records puts its recordings. */
export interface RecordingArchive {
  /** A draft for the account's call, answered at `at`. */
  start(accountId: string, callId: string, at: number): RecordingDraft;
}

/** The archive over a blob store that takes blobs a piece at a time. */
export function blobRecordingArchive(blobs: StreamingBlobStore): RecordingArchive {
  return {
    start(accountId, callId, at) {
      const key = recordingKey(accountId, callId, at);
      const writer = blobs.openWriter(key);
      let queue: Promise<void> = Promise.resolve();
      let failure: unknown;
      // After a failure the rest is skipped (keep() reports the first error); the bytes are released either way.
      const enqueue = (step: () => Promise<void>, after?: () => void) => {
        queue = queue
          .then(() => (failure === undefined ? step() : undefined))
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(after);
      };
      return {
        write: (chunk, release) => enqueue(() => writer.append(chunk), release),
        end: (header) => enqueue(() => writer.patch(0, header)),
        async keep(durationMs) {
          await queue;
          if (failure !== undefined) {
            await writer.abort();
            throw failure;
          }
          return { key, durationMs, bytes: await writer.commit() };
        },
        async discard() {
          await queue;
          await writer.abort();
        },
      };
    },
  };
}
