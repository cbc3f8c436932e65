/**
 * One call found by its CallId, wherever it came from: a campaign attempt (with its recipient) or a single call,
 * with its dialog when it was answered. The per-call queries (GetCallDialogContent, QueryOutboundCallDetail,
 * UpdateOutboundCallTags) read calls through this, so they treat both kinds alike and never see another account's.
 */
import type { AttemptRecord, DetailRecord } from '../campaigns/campaign-records.js';
import type { CampaignStore } from '../../ports/campaign-store.js';
import type { CallDialogRecord, ConversationStore, SingleCallRecord } from '../../ports/conversation-store.js';
import type { CallResult } from './call-result.js';
import type { CallTag } from './dialog.js';

/** A call and what is known of it, in the same terms for both kinds. */
export interface CallRecord {
  callId: string;
  /** The campaign task, for campaign calls. */
  taskId?: string;
  /** The recipient, for campaign calls. */
  detail?: DetailRecord;
  callee: string;
  caller?: string;
  /** When it was placed (originated; claimed when never dialed). */
  startedAt: number;
  answeredAt?: number;
  /** Unset while the call is in progress. */
  endedAt?: number;
  callResult?: CallResult;
  durationSeconds: number;
  /** The recipient's or the request's variables. */
  variables: Readonly<Record<string, string>>;
  dialog?: CallDialogRecord;
}

/** What the lookups read. */
export type CallRecordStore = Pick<CampaignStore, 'getAttemptByCallId' | 'getDetail'> & Pick<ConversationStore, 'getSingleCall' | 'getCallDialog' | 'replaceCallTags'>;

function fromAttempt(attempt: AttemptRecord, detail: DetailRecord | undefined, dialog: CallDialogRecord | undefined): CallRecord {
  return {
    callId: attempt.callId,
    taskId: attempt.taskId,
    ...(detail ? { detail } : {}),
    callee: detail?.number ?? '',
    ...(attempt.callerNumber ? { caller: attempt.callerNumber } : {}),
    startedAt: attempt.originatedAt ?? attempt.claimedAt,
    ...(attempt.answerAt !== null ? { answeredAt: attempt.answerAt } : {}),
    ...(attempt.endedAt !== null ? { endedAt: attempt.endedAt } : {}),
    ...(attempt.callResult !== null ? { callResult: attempt.callResult } : {}),
    durationSeconds: attempt.durationSeconds ?? 0,
    variables: detail?.variables ?? {},
    ...(dialog ? { dialog } : {}),
  };
}

function fromSingleCall(call: SingleCallRecord, dialog: CallDialogRecord | undefined): CallRecord {
  const variables = call.params.variables;
  return {
    callId: call.callId,
    callee: call.callee,
    caller: call.caller,
    startedAt: call.createdAt,
    ...(call.answerAt !== undefined ? { answeredAt: call.answerAt } : {}),
    ...(call.endedAt !== undefined ? { endedAt: call.endedAt } : {}),
    ...(call.callResult !== undefined ? { callResult: call.callResult } : {}),
    durationSeconds: call.durationSeconds ?? 0,
    variables: variables && typeof variables === 'object' ? (variables as Record<string, string>) : {},
    ...(dialog ? { dialog } : {}),
  };
}

/** Lookups of single calls and campaign calls by CallId; see the module comment. */
export class CallRecords {
  constructor(private readonly store: CallRecordStore) {}

  /** The account's call with that id; undefined when the account has none. */
  async find(accountId: string, callId: string): Promise<CallRecord | undefined> {
    const [attempt, dialog] = await Promise.all([this.store.getAttemptByCallId(accountId, callId), this.store.getCallDialog(accountId, callId)]);
    if (attempt) return fromAttempt(attempt, await this.store.getDetail(accountId, attempt.detailId), dialog);
    // Not a campaign call: only then is it worth looking among single calls.
    const single = await this.store.getSingleCall(accountId, callId);
    return single ? fromSingleCall(single, dialog) : undefined;
  }

  /** Replaces the tags of the account's answered call; false when it has no dialog (unknown or never answered). */
  replaceTags(accountId: string, callId: string, tags: readonly CallTag[], at: number): Promise<boolean> {
    return this.store.replaceCallTags(accountId, callId, tags, at);
  }
}
