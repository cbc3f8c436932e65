/**
 * Details and their calls as QueryAiCallDetailPage (`Data.List[]`), QueryConversationDetailInfo and
 * QueryConversationDetailInfoNew (`Data`) return them: names and types of the catalog's schema and the SDK model
 * (EncryptionType is a string in QueryConversationDetailInfo and a number elsewhere); times in epoch ms, durations in
 * seconds; absent values left out. CallResult is the documented enum code everywhere, so a value read from a list
 * can be given back as the CallResult filter.
 */
import { DYVMS_STATUS_CODE, STATUS_MESSAGE } from '../../../core/calls/call-result.js';
import type { AttemptRecord, DetailRecord } from '../../../core/campaigns/campaign-records.js';
import type { Conversation } from '../../../core/campaigns/detail-lookups.js';
import { conversationRecord } from '../../../core/calls/dialog.js';
import type { RecordingUrls } from '../../../core/recordings/recording-links.js';
import type { CallDialogRecord } from '../../../ports/conversation-store.js';
import { present } from './envelope.js';

/** HangupDirection as the doc codes it: "0" the user, "1" the robot. */
const HANGUP_DIRECTION = { user: '0', robot: '1' } as const;

/** The recipient's variables as `Options`, the JSON text of a string map. */
function options(detail: DetailRecord): string {
  return JSON.stringify(detail.variables);
}

/** One `Data.List[]` entry of QueryAiCallDetailPage. */
export function detailListEntry(d: DetailRecord): Record<string, unknown> {
  return present({
    DetailId: d.id,
    TaskId: d.taskId,
    BatchId: d.batchId,
    CalledNumber: d.number,
    EncryptionType: d.encryptionType,
    OutId: d.outId,
    Status: d.state,
    ImportedTime: d.importedAt,
    CallingTime: d.callingTime,
    CallResult: d.callResult,
    FailedReason: d.failedReason,
    ConversationDuration: d.durationSeconds,
    ConversationTurnCount: d.conversationTurnCount,
    MajorIntent: d.majorIntent,
    Options: options(d),
  });
}

/** The call fields of an attempt (none before the first call; Duration is 0 for a call not answered). */
function callFields(detail: DetailRecord, a: AttemptRecord | null): Record<string, unknown> {
  const result = a?.callResult ?? null;
  return {
    CallId: a?.callId,
    CallerPhone: a?.callerNumber,
    CallResult: result,
    StatusCode: a?.statusCode ?? (result ? DYVMS_STATUS_CODE[result] : null),
    StatusMsg: result ? STATUS_MESSAGE[result] : null,
    StartCallTime: a?.originatedAt ?? detail.callingTime,
    PickUpTime: a?.answerAt,
    ReleaseTime: a?.releaseAt,
    Duration: a?.durationSeconds ?? 0,
    HangupDirection: a?.hangupDirection ? HANGUP_DIRECTION[a.hangupDirection] : null,
    FailedReason: a?.failedReason ?? detail.failedReason,
    MajorIntent: a?.majorIntent ?? detail.majorIntent,
  };
}

/** The call's variables (`Variables[]`): each imported variable, named by its key. */
function variables(detail: DetailRecord): Record<string, unknown>[] {
  return Object.entries(detail.variables).map(([key, value]) => ({ Key: key, Name: key, Value: value, Required: false }));
}

/**
 * The dialog fields: ConversationRecord (JSON text), OutputTags, the analysis's intent and, for a recorded call, a
 * fresh signed RecordingFileDownloadUrl; empty before an answered call.
 */
function dialogFields(dialog: CallDialogRecord | null, recordingUrls: RecordingUrls): Record<string, unknown> {
  if (!dialog) return { OutputTags: [] };
  return {
    ...(dialog.recording ? { RecordingFileDownloadUrl: recordingUrls.urlOf(dialog.recording) } : {}),
    ConversationRecord: conversationRecord(dialog.turns),
    OutputTags: dialog.analysis.tags.map((t) => present({ Id: t.id, OutputTagName: t.name, OutputTagValue: t.value, OutputTagDescription: t.description })),
    ...(dialog.analysis.majorIntent !== undefined ? { MajorIntent: dialog.analysis.majorIntent } : {}),
  };
}

/** `Data` of QueryConversationDetailInfo. */
export function conversationData({ detail, attempt, dialog }: Conversation, recordingUrls: RecordingUrls): Record<string, unknown> {
  return present({
    CalledPhone: detail.number,
    EncryptionType: String(detail.encryptionType),
    OutId: detail.outId,
    ...callFields(detail, attempt),
    Variables: variables(detail),
    ...dialogFields(dialog, recordingUrls),
  });
}

/** `Data` of QueryConversationDetailInfoNew: the call and the detail it belongs to. */
export function conversationDetailData({ detail, attempt, dialog }: Conversation, recordingUrls: RecordingUrls): Record<string, unknown> {
  return present({
    TaskId: detail.taskId,
    BatchId: detail.batchId,
    DetailId: detail.id,
    CalledPhone: detail.number,
    EncryptionType: detail.encryptionType,
    OutId: detail.outId,
    Status: detail.state,
    ImportedTime: detail.importedAt,
    Options: options(detail),
    ConversationTurnCount: dialog?.analysis.turnCount ?? attempt?.conversationTurnCount ?? detail.conversationTurnCount,
    ...callFields(detail, attempt),
    Variables: variables(detail),
    ...dialogFields(dialog, recordingUrls),
  });
}
