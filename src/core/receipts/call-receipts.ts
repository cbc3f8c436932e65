/**
 * Which receipts a call produces and what they say (protocol.md §4.2): a pure function of the call's facts and the
 * account's subscriptions, so the campaign engine and single calls build them the same way. Times stay epoch ms in
 * the stored body (`*_time` fields) and are formatted in the configured zone when delivered (render-receipt.ts).
 */
import { smartStatusCode, STATUS_MESSAGE, type CallResult } from '../calls/call-result.js';
import type { DialogTurn } from '../calls/dialog.js';
import type { ReceiptMessageType } from '../media/receipt-config.js';
import type { CallRecordingRef } from '../recordings/call-recording.js';
import { RECORD_URL } from './render-receipt.js';
import { receiptId, type NewReceipt, type ReceiptField, type SubscribedTypes } from './receipt-records.js';

/** dyvms voice receipts (VoiceReport, VoiceCallReport, VoiceRTASRReport) or the aiccs/LLM ones. */
export type ReceiptFamily = 'dyvms' | 'aiccs';

/** Intermediate call states of VoiceCallReport (呼叫状态码, protocol.md §5). */
export const CALL_STATE = { started: '200101', ringing: '200201', answered: '200102', ended: '200100', dtmf: '300000' } as const;

/** What a call's receipts are built from. */
export interface CallFacts {
  accountId: string;
  family: ReceiptFamily;
  callId: string;
  outId: string | null;
  caller: string | null;
  callee: string;
  /** VoiceReport voice_type: 'voice' for notifications, 'asr' for calls that listen (robots, SmartCall). */
  voiceType: 'voice' | 'asr';
  /** When the call was sent to the carrier. */
  originatedAt: number | null;
  ringAt: number | null;
  answerAt: number | null;
  endedAt: number;
  durationSeconds: number;
  callResult: CallResult | null;
  statusCode: string | null;
  hangupDirection: string | null;
  /** Campaign calls: where the call came from (aiccs task receipts carry these). */
  task?: { taskId: string; batchId: string | null; detailId: string };
  /** What was said, when the call was answered. */
  turns: readonly DialogTurn[];
  /** Both legs' audio, when the carrier recorded the call. */
  recording?: CallRecordingRef;
}

/** The family of a campaign task's calls: aiccs AiCallTasks are LLM calls, call-task and robot-task calls are dyvms'. */
export function familyOfTask(product: string): ReceiptFamily {
  return product === 'aiccs' ? 'aiccs' : 'dyvms';
}

/** The family of a single call by the action that placed it (LlmSmartCall and LlmSmartCallEncrypt are aiccs'). */
export function familyOfSingleCall(kind: string): ReceiptFamily {
  return kind.startsWith('LlmSmartCall') ? 'aiccs' : 'dyvms';
}

/** The intermediate-state type of a family. */
function stateType(family: ReceiptFamily): ReceiptMessageType {
  return family === 'aiccs' ? 'VoiceCallReportAiccs' : 'VoiceCallReport';
}

/** Collects a call's messages in order, numbering them. */
class Builder {
  readonly out: NewReceipt[] = [];
  constructor(
    private readonly facts: Pick<CallFacts, 'accountId' | 'callId'>,
    private readonly subscribed: SubscribedTypes,
    private seq: number,
    private readonly at: number,
  ) {}

  add(type: ReceiptMessageType, body: Record<string, ReceiptField>): void {
    const mode = this.subscribed[type];
    if (!mode) return;
    const seq = this.seq++;
    this.out.push({ id: receiptId(this.facts.callId, seq), accountId: this.facts.accountId, messageType: type, callId: this.facts.callId, seq, body, mode, createdAt: this.at });
  }
}

function stateBody(facts: Pick<CallFacts, 'callId' | 'outId'>, code: string, smart: string, at: number | null): Record<string, ReceiptField> {
  return { call_id: facts.callId, status_code: code, smart_status_code: smart, status_time: at, out_id: facts.outId ?? '' };
}

/** The origination's VoiceCallReport (200101), seq 1; empty when the account does not take that type. */
export function originationReceipts(facts: Pick<CallFacts, 'accountId' | 'family' | 'callId' | 'outId'>, at: number, subscribed: SubscribedTypes): NewReceipt[] {
  const b = new Builder(facts, subscribed, 1, at);
  b.add(stateType(facts.family), stateBody(facts, CALL_STATE.started, '', at));
  return b.out;
}

/**
 * The end's messages, after the origination's: the remaining states (ringing, answered, each key press, ended), one
 * VoiceRTASRReport per callee utterance, the call record, then the recording's (VoiceRecordReport /
 * LlmSmartCallRecord) when the call was recorded. `withStart` adds the 200101 a call without an
 * origination mark (a single call) has not had yet.
 */
export function endReceipts(facts: CallFacts, subscribed: SubscribedTypes, withStart: boolean): NewReceipt[] {
  const b = new Builder(facts, subscribed, withStart ? 1 : 2, facts.endedAt);
  const type = stateType(facts.family);
  const answered = facts.answerAt !== null;
  if (withStart) b.add(type, stateBody(facts, CALL_STATE.started, '', facts.originatedAt));
  if (facts.ringAt !== null) b.add(type, stateBody(facts, CALL_STATE.ringing, '', facts.ringAt));
  if (answered) b.add(type, stateBody(facts, CALL_STATE.answered, 'ANSWERED', facts.answerAt));
  for (const turn of facts.turns) {
    if (turn.dtmf === undefined || facts.answerAt === null) continue;
    b.add(type, { ...stateBody(facts, CALL_STATE.dtmf, 'ANSWERED', facts.answerAt + turn.at), dtmf: turn.dtmf });
  }
  b.add(type, stateBody(facts, CALL_STATE.ended, facts.callResult ? smartStatusCode(facts.callResult) : 'OTHER', facts.endedAt));
  if (facts.family === 'dyvms') rtasr(b, facts);
  if (facts.family === 'dyvms') b.add('VoiceReport', voiceReport(facts));
  else b.add('LlmSmartCallReport', llmCallReport(facts));
  if (facts.recording) b.add(facts.family === 'dyvms' ? 'VoiceRecordReport' : 'LlmSmartCallRecord', recordingReport(facts, facts.recording));
  return b.out;
}

/**
 * A recording's message (waihu's fields; the doc names the types only): the call, its talk time, and `record_url`,
 * stored as the blob key and delivered as a signed link (render-receipt.ts).
 */
function recordingReport(facts: CallFacts, recording: CallRecordingRef): Record<string, ReceiptField> {
  return {
    call_id: facts.callId, out_id: facts.outId ?? '', caller: facts.caller ?? '', callee: facts.callee,
    start_time: facts.answerAt, end_time: facts.endedAt, duration: String(Math.round(recording.durationMs / 1000)),
    [RECORD_URL]: recording.key, file_size: recording.bytes, file_format: 'wav', channels: 'left=callee,right=platform',
  };
}

/** One VoiceRTASRReport per recognised callee utterance (key presses are not speech). */
function rtasr(b: Builder, facts: CallFacts): void {
  if (facts.answerAt === null) return;
  let previousEnd = 0;
  for (const turn of facts.turns) {
    // An utterance begins after what was said before it; the flows record only when it was complete.
    const begin = previousEnd;
    previousEnd = turn.at;
    if (turn.role !== 'user' || turn.dtmf !== undefined) continue;
    b.add('VoiceRTASRReport', {
      role: 'user', identity: facts.callee, words: turn.content, begin_offset: begin, end_offset: turn.at,
      begin_time: facts.answerAt + begin, call_id: facts.callId, out_id: facts.outId ?? '',
    });
  }
}

/** The fields VoiceReport and LlmSmartCallReport share. */
function recordBody(facts: CallFacts): Record<string, ReceiptField> {
  const answered = facts.answerAt !== null;
  return {
    call_id: facts.callId,
    start_time: facts.answerAt,
    end_time: answered ? facts.endedAt : null,
    status_code: facts.statusCode ?? '',
    smart_status_code: facts.callResult ? smartStatusCode(facts.callResult) : 'OTHER',
    status_msg: facts.callResult ? STATUS_MESSAGE[facts.callResult] : '',
    out_id: facts.outId ?? '',
    caller: facts.caller ?? '',
    callee: facts.callee,
    hangup_direction: !answered ? '' : facts.hangupDirection === 'user' ? '用户' : '机器',
    toll_type: 'UNKNOWN',
    originate_time: facts.originatedAt,
    ring_time: facts.ringAt,
  };
}

function voiceReport(facts: CallFacts): Record<string, ReceiptField> {
  const digits = facts.turns.flatMap((t) => (t.dtmf !== undefined ? [t.dtmf] : [])).join('');
  return {
    ...recordBody(facts),
    duration: String(facts.answerAt !== null ? facts.durationSeconds : 0),
    early_media_code: '',
    voice_type: facts.voiceType,
    extend: '',
    ...(digits !== '' ? { dtmf: digits } : {}),
  };
}

function llmCallReport(facts: CallFacts): Record<string, ReceiptField> {
  const body = { ...recordBody(facts), duration: facts.answerAt !== null ? facts.durationSeconds : 0 };
  if (!facts.task) return body;
  return { ...body, task_id: facts.task.taskId, task_batch_id: facts.task.batchId ?? '', task_detail_id: facts.task.detailId };
}
