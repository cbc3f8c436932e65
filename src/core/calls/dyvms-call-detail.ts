/**
 * The call detail record of dyvms QueryCallDetailByCallId (docs/call-detail.md): which waihu calls count as which
 * dyvms product (ProdId), the one-local-day rule of QueryDate, and the documented `Data` fields of one call.
 *
 * It reads the store itself instead of going through CallRecords because the detail needs what CallRecord leaves out:
 * the kind of a single call (to match ProdId), the ringing time and the status code the receipts reported.
 */
import type { CampaignStore } from '../../ports/campaign-store.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import { daySpan, formatDate, formatDateTime } from '../local-time.js';
import { DYVMS_STATUS_CODE, STATUS_MESSAGE, type CallResult } from './call-result.js';

/** The documented ProdId values (the catalog's table), by what they name. */
export const DYVMS_PROD_IDS = Object.freeze({
  voiceNotification: '11000000300006',
  verificationCode: '11010000138001',
  ivr: '11000000300005',
  dualCall: '11000000300004',
  sip: '11000000300009',
  smartCall: '11030000180001',
});

/** The `kind` waihu gives campaign attempts here (single calls carry theirs on single_calls.kind). */
export const CAMPAIGN_CALL_KIND = 'CampaignCall';

const P = DYVMS_PROD_IDS;
// A TTS call is a notification or a verification code by its template's type; the template may have changed or gone
// since, so either product finds it. Dual call and SIP have no waihu call kind: those ProdIds never find a call.
const PRODUCTS_OF_KIND: Readonly<Record<string, readonly string[]>> = Object.freeze({
  SingleCallByTts: [P.voiceNotification, P.verificationCode],
  SingleCallByVoice: [P.voiceNotification],
  IvrCall: [P.ivr],
  SmartCall: [P.smartCall],
  LlmSmartCall: [P.smartCall],
  LlmSmartCallEncrypt: [P.smartCall],
  [CAMPAIGN_CALL_KIND]: [P.smartCall],
});

/** The ProdIds under which a call of that kind is found; empty for a kind no product claims. */
export function productsOfKind(kind: string): readonly string[] {
  return Object.hasOwn(PRODUCTS_OF_KIND, kind) ? PRODUCTS_OF_KIND[kind]! : [];
}

/** One call in the terms the detail is made from, the same for single calls and campaign attempts. */
export interface CallDetailSource {
  kind: string;
  /** The display number the call went out on. */
  caller: string;
  callee: string;
  /** When waihu took the request (single call) or placed the attempt (claimed, when it never left). */
  createdAt: number;
  ringAt?: number;
  answerAt?: number;
  /** Unset while the call is in progress. */
  endedAt?: number;
  durationSeconds: number;
  callResult?: CallResult;
  /** The carrier code the receipts reported, when one was stored. */
  statusCode?: string;
}

/** The documented fields of `Data`, in the order of the doc's example; times are `yyyy-MM-dd HH:mm:ss` or "". */
export interface DyvmsCallDetail {
  caller: string;
  startDate: string;
  stateDesc: string;
  duration: number;
  callerShowNumber: string;
  gmtCreate: string;
  state: string;
  endDate: string;
  calleeShowNumber: string;
  bRingTime: string;
  bEndTime: string;
  callee: string;
}

/** `state` and `stateDesc`: the final carrier code and its text, or the intermediate code of a call in progress. */
export function callState(call: CallDetailSource): { state: string; stateDesc: string } {
  if (call.endedAt !== undefined && call.callResult !== undefined) {
    return { state: call.statusCode ?? DYVMS_STATUS_CODE[call.callResult], stateDesc: STATUS_MESSAGE[call.callResult] };
  }
  // protocol.md §5's intermediate codes of a single call: 200101 start, 200201 ringing, 200102 answered.
  if (call.answerAt !== undefined) return { state: '200102', stateDesc: '通话中' };
  if (call.ringAt !== undefined) return { state: '200201', stateDesc: '振铃中' };
  return { state: '200101', stateDesc: '呼叫中' };
}

/** The `Data` object of one call, times written in the zone. */
export function callDetail(call: CallDetailSource, timeZone: string): DyvmsCallDetail {
  const time = (at: number | undefined) => (at === undefined ? '' : formatDateTime(at, timeZone));
  const answered = call.answerAt !== undefined;
  const { state, stateDesc } = callState(call);
  // The callee's leg rings from ringAt until it is answered or, unanswered, until the call ends.
  const ringEnd = answered ? call.answerAt : call.ringAt !== undefined ? call.endedAt : undefined;
  return {
    caller: call.caller,
    startDate: time(call.answerAt),
    stateDesc,
    duration: answered ? call.durationSeconds : 0,
    callerShowNumber: call.caller,
    gmtCreate: time(call.createdAt),
    state,
    endDate: answered ? time(call.endedAt) : '',
    calleeShowNumber: call.caller,
    bRingTime: time(call.ringAt),
    bEndTime: time(ringEnd),
    callee: call.callee,
  };
}

/** The instants [start, end) of the local day in the zone that contains `at`. */
export function dayContaining(at: number, timeZone: string): { start: number; end: number } {
  return daySpan(formatDate(at, timeZone), timeZone, 'QueryDate');
}

/** What the lookup reads. */
export type CallDetailStore = Pick<CampaignStore, 'getAttemptByCallId' | 'getDetail'> & Pick<ConversationStore, 'getSingleCall'>;

/** What QueryCallDetailByCallId asks for. */
export interface CallDetailQuery {
  callId: string;
  /** One of DYVMS_PROD_IDS. */
  prodId: string;
  /** Epoch ms; the whole local day containing it is searched. */
  queryDate: number;
}

/** Finds calls for QueryCallDetailByCallId; see the module comment. */
export class DyvmsCallDetails {
  constructor(
    private readonly store: CallDetailStore,
    private readonly timeZone: string,
  ) {}

  /** The account's call as `Data`; undefined when it has none of that product started on QueryDate's day. */
  async find(accountId: string, query: CallDetailQuery): Promise<DyvmsCallDetail | undefined> {
    const call = await this.source(accountId, query.callId);
    if (!call || !productsOfKind(call.kind).includes(query.prodId)) return undefined;
    const day = dayContaining(query.queryDate, this.timeZone);
    if (call.createdAt < day.start || call.createdAt >= day.end) return undefined;
    return callDetail(call, this.timeZone);
  }

  /** The call in detail terms, from a single call or a campaign attempt. */
  private async source(accountId: string, callId: string): Promise<CallDetailSource | undefined> {
    const single = await this.store.getSingleCall(accountId, callId);
    if (single) {
      const { kind, caller, callee, createdAt, ringAt, answerAt, endedAt, callResult, statusCode } = single;
      return { kind, caller, callee, createdAt, ringAt, answerAt, endedAt, callResult, statusCode, durationSeconds: single.durationSeconds ?? 0 };
    }
    const attempt = await this.store.getAttemptByCallId(accountId, callId);
    if (!attempt) return undefined;
    const detail = await this.store.getDetail(accountId, attempt.detailId);
    const opt = <T>(value: T | null) => (value === null ? undefined : value);
    return {
      kind: CAMPAIGN_CALL_KIND, caller: attempt.callerNumber ?? '', callee: detail?.number ?? '',
      createdAt: attempt.originatedAt ?? attempt.claimedAt, ringAt: opt(attempt.ringAt), answerAt: opt(attempt.answerAt),
      endedAt: opt(attempt.endedAt), callResult: opt(attempt.callResult), statusCode: opt(attempt.statusCode),
      durationSeconds: attempt.durationSeconds ?? 0,
    };
  }
}
