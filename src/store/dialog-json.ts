/**
 * A call's dialog as stored on its row (call_attempts.dialog, single_calls.dialog): JSON text of the turns and the
 * analysis, apart from the intent and turn count, which have columns of their own (QueryAiCallDetailPage filters).
 */
import type { CallAnalysis, CallTag, DialogTurn } from '../core/calls/dialog.js';

/** The stored shape. */
interface StoredDialog {
  turns: readonly DialogTurn[];
  summary: string;
  tags: CallTag[];
  analyzedBy: CallAnalysis['analyzedBy'];
  tagsUpdatedAt?: number;
}

/** The dialog's JSON text. */
export function packDialog(turns: readonly DialogTurn[], analysis: CallAnalysis, tagsUpdatedAt?: number): string {
  const stored: StoredDialog = { turns, summary: analysis.summary, tags: analysis.tags, analyzedBy: analysis.analyzedBy };
  if (tagsUpdatedAt !== undefined) stored.tagsUpdatedAt = tagsUpdatedAt;
  return JSON.stringify(stored);
}

/** What a stored dialog holds, with the intent and turn count from their columns. */
export interface UnpackedDialog {
  turns: DialogTurn[];
  analysis: CallAnalysis;
  tagsUpdatedAt?: number;
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
  };
}

/** The stored dialog with its tags replaced. */
export function withTags(text: string, tags: readonly CallTag[], at: number): string {
  const stored = JSON.parse(text) as StoredDialog;
  return JSON.stringify({ ...stored, tags: [...tags], tagsUpdatedAt: at });
}
