/**
 * A call's dialog as stored on its row (call_attempts.dialog, single_calls.dialog): JSON text of the turns and the
 * analysis, apart from the intent and turn count, which have columns of their own (QueryAiCallDetailPage filters).
 */
import type { CallAnalysis, CallTag, DialogTurn } from '../core/calls/dialog.js';
import type { CallRecordingRef } from '../core/recordings/call-recording.js';

/** The stored shape. */
interface StoredDialog {
  turns: readonly DialogTurn[];
  summary: string;
  tags: CallTag[];
  analyzedBy: CallAnalysis['analyzedBy'];
  tagsUpdatedAt?: number;
  /** The call's recording, when the carrier recorded it. */
  recording?: CallRecordingRef;
}

/** What is packed: a dialog's turns, analysis and recording. */
export interface PackedParts {
  turns: readonly DialogTurn[];
  analysis: CallAnalysis;
  recording?: CallRecordingRef;
}

/** The dialog's JSON text. */
export function packDialog(dialog: PackedParts): string {
  const { turns, analysis, recording } = dialog;
  const stored: StoredDialog = { turns, summary: analysis.summary, tags: analysis.tags, analyzedBy: analysis.analyzedBy };
  if (recording) stored.recording = recording;
  return JSON.stringify(stored);
}

/** What a stored dialog holds, with the intent and turn count from their columns. */
export interface UnpackedDialog {
  turns: DialogTurn[];
  analysis: CallAnalysis;
  tagsUpdatedAt?: number;
  recording?: CallRecordingRef;
}

/** Reads a stored dialog back. */
export function unpackDialog(text: string, majorIntent: string | null, turnCount: number | null): UnpackedDialog {
  const stored = JSON.parse(text) as StoredDialog;
  return {
    turns: [...stored.turns],
    analysis: {
      summary: stored.summary,
      ...(majorIntent !== null ? { majorIntent } : {}),
      tags: stored.tags,
      turnCount: Number(turnCount ?? 0),
      analyzedBy: stored.analyzedBy === 'llm' ? 'llm' : 'rules',
    },
    ...(stored.tagsUpdatedAt !== undefined ? { tagsUpdatedAt: stored.tagsUpdatedAt } : {}),
    ...(stored.recording ? { recording: stored.recording } : {}),
  };
}

/** The stored dialog with its tags replaced. */
export function withTags(text: string, tags: readonly CallTag[], at: number): string {
  const stored = JSON.parse(text) as StoredDialog;
  return JSON.stringify({ ...stored, tags: [...tags], tagsUpdatedAt: at });
}
