/**
 * A call's recording as the platform keeps it: one stereo WAV (left: the callee, right: the platform) in the blob
 * store, named by account, day and call, and referenced from the call's dialog. The carrier records; this module
 * only decides where the file goes and what the rest of the platform remembers of it.
 */
import type { BlobStore } from '../../ports/blob-store.js';

/** What a call's dialog remembers of its recording. */
export interface CallRecordingRef {
  /** Blob key of the WAV. */
  key: string;
  /** Length of the audio, ms. */
  durationMs: number;
  /** Size of the file, bytes. */
  bytes: number;
}

/** Where recordings live in the blob store: everything under this prefix is a recording. */
export const RECORDINGS_PREFIX = 'recordings';

/**
 * The blob key of a call's recording: `recordings/<account>/<yyyy-mm-dd>/<call id>.wav`, with every character a
 * blob key may not hold (the `^` of call ids, say) written as `_`. The day (UTC) keeps directories small and makes
 * retention a matter of removing old days.
 */
export function recordingKey(accountId: string, callId: string, at: number): string {
  const safe = (part: string) => part.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  const day = new Date(at).toISOString().slice(0, 10);
  return `${RECORDINGS_PREFIX}/${safe(accountId)}/${day}/${safe(callId)}.wav`;
}

/** Stores finished recordings; what a carrier that records is given. */
export interface RecordingArchive {
  /** Stores the WAV of the account's call and returns what to remember of it. */
  save(accountId: string, callId: string, wav: Uint8Array, durationMs: number, at: number): Promise<CallRecordingRef>;
}

/** The archive over a blob store. */
export function blobRecordingArchive(blobs: BlobStore): RecordingArchive {
  return {
    async save(accountId, callId, wav, durationMs, at) {
      const key = recordingKey(accountId, callId, at);
      await blobs.put(key, wav);
      return { key, durationMs, bytes: wav.byteLength };
    },
  };
}
