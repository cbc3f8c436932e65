/** Persistence of dialogs (what was said on a call and its analysis) and of single calls placed outside campaigns. */
import type { CallRecordingRef } from '../core/recordings/call-recording.js';
import type { HangupDirection } from '../core/campaigns/campaign-records.js';
import type { CallResult } from '../core/calls/call-result.js';
import type { CallAnalysis, CallTag, DialogTurn } from '../core/calls/dialog.js';

/** The dialog of one answered call and its analysis. */
export interface CallDialogRecord {
  callId: string;
  accountId: string;
  /** Set for campaign calls; absent for single calls. */
  taskId?: string;
  detailId?: string;
  attemptId?: string;
  turns: DialogTurn[];
  analysis: CallAnalysis;
  /** When the call ended (the row was written), epoch ms. */
  createdAt: number;
  /** When UpdateOutboundCallTags last replaced the tags. */
  tagsUpdatedAt?: number;
  /** Both legs' audio, when the carrier recorded the call. */
  recording?: CallRecordingRef;
}

/** A call placed one at a time (LlmSmartCall, ...). */
export interface SingleCallRecord {
  callId: string;
  accountId: string;
  /** The action that placed it. */
  kind: string;
  /** What its flow runs from (the ApplicationCode of LlmSmartCall, ...). */
  flowRef?: string;
  caller: string;
  callee: string;
  outId?: string;
  /** The request's flow parameters (StartWordParam, PromptParam, ...), as given. */
  params: Record<string, unknown>;
  createdAt: number;
  callResult?: CallResult;
  statusCode?: string;
  ringAt?: number;
  answerAt?: number;
  endedAt?: number;
  durationSeconds?: number;
  hangupDirection?: HangupDirection;
  failedReason?: string;
}

/** What a single call's end writes. */
export type SingleCallEnding = Required<Pick<SingleCallRecord, 'callResult' | 'statusCode' | 'endedAt' | 'durationSeconds'>> &
  Pick<SingleCallRecord, 'ringAt' | 'answerAt' | 'hangupDirection' | 'failedReason'>;

/** Dialogs and single calls. */
export interface ConversationStore {
  /** The account's dialog of that call; undefined when there is none (or it belongs to another account). */
  getCallDialog(accountId: string, callId: string): Promise<CallDialogRecord | undefined>;
  /** Replaces the call's tags (UpdateOutboundCallTags); false when the account has no dialog of that call. */
  replaceCallTags(accountId: string, callId: string, tags: readonly CallTag[], at: number): Promise<boolean>;
  /** Records a single call as placed. */
  insertSingleCall(call: SingleCallRecord): Promise<void>;
  /** The account's single call; undefined when unknown. */
  getSingleCall(accountId: string, callId: string): Promise<SingleCallRecord | undefined>;
  /** Writes a single call's end and, when it was answered, its dialog, in one transaction. */
  endSingleCall(accountId: string, callId: string, ending: SingleCallEnding, dialog?: CallDialogRecord): Promise<void>;
}
