/**
 * Simulated calls' recordings, rendered the first time someone downloads one. The simulator only names the file
 * (CallRecordingRef with `simulated`); when the download route finds no blob under a valid link it asks here: the key
 * leads back to the call (callIdOfRecordingKey), the call's dialog must reference exactly that key as simulated, and
 * the transcript is spoken into a stereo WAV (providers/telephony/sim/sim-recording.ts) that goes into the blob store,
 * so every later download is a plain read. Two downloads of the same file at once share one rendering.
 */
import { callIdOfRecordingKey } from '../core/recordings/call-recording.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { ConversationStore } from '../ports/conversation-store.js';
import { SpeechError, type SpeechSynthesizer } from '../ports/speech.js';
import { renderSimRecording } from '../providers/telephony/sim/sim-recording.js';

/** What the route gets for a missing file: its bytes, why it cannot be made, or undefined (not ours to make). */
export type MissingRecording = { bytes: Uint8Array } | { unavailable: string } | undefined;

/** What rendering reads and writes. */
export interface SimulatedRecordingDeps {
  dialogs: Pick<ConversationStore, 'getCallDialog'>;
  blobs: BlobStore;
  /** espeak-ng in production; tests may pass any synthesizer that knows the two voices. */
  synthesizer: SpeechSynthesizer;
  /** The simulator's time scale (turn offsets were measured on its clock). */
  timeScale: number;
}

const NEEDS_ESPEAK = 'This call was simulated: its recording is spoken from the transcript when first downloaded, which needs the espeak-ng program (install the Debian package espeak-ng).';

/** The route's `renderMissing`; see the module comment. */
export function simulatedRecordingRenderer(deps: SimulatedRecordingDeps): (key: string) => Promise<MissingRecording> {
  const inFlight = new Map<string, Promise<MissingRecording>>();
  return (key) => {
    let rendering = inFlight.get(key);
    if (!rendering) {
      rendering = render(deps, key).finally(() => inFlight.delete(key));
      inFlight.set(key, rendering);
    }
    return rendering;
  };
}

async function render(deps: SimulatedRecordingDeps, key: string): Promise<MissingRecording> {
  const call = callIdOfRecordingKey(key);
  if (!call) return undefined;
  const dialog = await deps.dialogs.getCallDialog(call.accountId, call.callId);
  const recording = dialog?.recording;
  // The key must be the one the dialog names, so a link for another day (or a real recording since deleted) is not
  // answered with made-up audio.
  if (!dialog || !recording?.simulated || recording.key !== key) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = await renderSimRecording({ turns: dialog.turns, durationMs: recording.durationMs, timeScale: deps.timeScale }, deps.synthesizer);
  } catch (error) {
    if (error instanceof SpeechError && error.kind === 'unavailable') return { unavailable: NEEDS_ESPEAK };
    throw error;
  }
  await deps.blobs.put(key, bytes);
  return { bytes };
}
