/**
 * QueryOutboundCallDetail: one call by CallId with its dialog (`DialogContent`, JSON text of `[{role, text}]` where
 * our side is `agent`), summary, tags (JSON text of the tag values) and the recipient's variables (`Options`).
 * RecordUrl is a fresh signed link for a recorded call (SIP carrier, docs/recordings.md); left out otherwise, as the
 * simulated carrier has no audio.
 */
import type { RecordingUrls } from '../../../core/recordings/recording-links.js';
import { DomainError } from '../../../core/errors.js';
import type { CallRecord } from '../../../core/calls/call-records.js';
import { formatDateTime } from '../../../core/local-time.js';
import type { ActionHandler } from '../../action.js';
import { catalogSpec } from '../catalog-spec.js';
import { present } from '../aiccs/envelope.js';
import { succeeded, type ThirdswaicallServices } from './envelope.js';

/** A numeric id as the doc types it (Number), kept exact as a bigint when it is beyond 2^53. */
function numericId(id: string | undefined): number | bigint | undefined {
  if (id === undefined || !/^\d+$/.test(id)) return undefined;
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : BigInt(id);
}

/** `Data` of the call. */
export function callDetailData(call: CallRecord, timeZone: string, recordingUrls: RecordingUrls): Record<string, unknown> {
  const dialog = call.dialog;
  return present({
    CallId: call.callId,
    TaskId: numericId(call.taskId),
    CustomerId: numericId(call.detail?.id),
    CustomerName: call.variables.name ?? call.variables.customerName ?? call.variables['姓名'],
    PhoneNumber: call.callee,
    CallStatus: call.callResult ?? 'CALLING',
    CallTime: formatDateTime(call.startedAt, timeZone),
    Duration: call.durationSeconds,
    DialogContent: JSON.stringify((dialog?.turns ?? []).map((t) => ({ role: t.role === 'assistant' ? 'agent' : 'user', text: t.content }))),
    RecordUrl: dialog?.recording ? recordingUrls.urlOf(dialog.recording) : undefined,
    Summary: dialog?.analysis.summary,
    Tags: JSON.stringify((dialog?.analysis.tags ?? []).map((t) => t.value)),
    Options: JSON.stringify(call.variables),
    GmtCreate: formatDateTime(call.startedAt, timeZone),
  });
}

/** The QueryOutboundCallDetail handler. */
export function queryOutboundCallDetail(s: ThirdswaicallServices): ActionHandler {
  return {
    spec: catalogSpec('thirdswaicall', 'QueryOutboundCallDetail'),
    handle: async (ctx, params) => {
      const callId = params.CallId as string;
      const call = await s.calls.find(ctx.accountId, callId);
      if (!call) throw new DomainError('NotFound', `The specified CallId "${callId}" does not exist.`, 'CallId');
      return succeeded(callDetailData(call, s.timeZone, s.recordingUrls));
    },
  };
}
