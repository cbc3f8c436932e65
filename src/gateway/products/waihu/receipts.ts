/**
 * Receipt delivery as waihu actions (docs/receipts.md): pull (ReceiveMessages, DeleteMessages), the delivery log
 * (ListReceiptDeliveries), re-push (RepushReceipts) and the signing secret of pushes (GetReceiptSecret,
 * ResetReceiptSecret). Where receipts go is set with SetReceiptConfig (voice-resources.ts).
 */
import type { RecordingUrls } from '../../../core/recordings/recording-links.js';
import { readPage } from '../../../core/campaigns/query-values.js';
import { RECEIPT_MESSAGE_TYPES } from '../../../core/media/receipt-config.js';
import { RECEIPT_STATUSES, type ReceiptRecord } from '../../../core/receipts/receipt-records.js';
import { MAX_HANDLES, MAX_RECEIVE, VISIBILITY_SECONDS, type ReceiptService } from '../../../core/receipts/receipt-service.js';
import { renderReceipt } from '../../../core/receipts/render-receipt.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { ok, waihuAction } from './product.js';

const PULL_QPS = { perUser: 100, api: 1000 };
const LOG_QPS = { perUser: 20, api: 200 };

const messageType = (required: boolean): ParamSpec => ({
  name: 'MessageType', type: 'String', required, enum: [...RECEIPT_MESSAGE_TYPES],
  description: required ? 'The receipt message type.' : 'Only this message type.',
});
const list = (name: string, what: string): ParamSpec => ({
  name, type: 'Array', required: true, items: { name: '', type: 'String', required: true, maxLength: 200, lengthUnit: 'chars' },
  description: `${what}, 1-${MAX_HANDLES} (${name}.1=... or a JSON array).`,
});
const receiveParams: ParamSpec[] = [
  messageType(true),
  { name: 'MaxMessages', type: 'Integer', required: false, min: 1, max: MAX_RECEIVE, description: `Most messages returned, 1-${MAX_RECEIVE} (default 10).` },
  {
    name: 'VisibilityTimeout', type: 'Integer', required: false, min: VISIBILITY_SECONDS.min, max: VISIBILITY_SECONDS.max,
    description: `Seconds the messages stay hidden from other receives unless deleted, ${VISIBILITY_SECONDS.min}-${VISIBILITY_SECONDS.max} (default ${VISIBILITY_SECONDS.default}).`,
  },
];
const logParams: ParamSpec[] = [
  messageType(false),
  { name: 'Status', type: 'String', required: false, enum: [...RECEIPT_STATUSES], description: 'Only messages in this delivery status.' },
  { name: 'CallId', type: 'String', required: false, maxLength: 64, lengthUnit: 'chars', description: "Only this call's messages." },
  { name: 'PageNo', type: 'Integer', required: false, min: 1, description: 'Page, from 1 (default 1).' },
  { name: 'PageSize', type: 'Integer', required: false, min: 1, max: 100, description: 'Rows per page, 1-100 (default 10).' },
];

/** A message's delivery state as the log shows it. */
function deliveryView(r: ReceiptRecord, timeZone: string, recordingUrls: RecordingUrls): Record<string, unknown> {
  return {
    MessageId: r.id, MessageType: r.messageType, CallId: r.callId, Mode: r.mode, Status: r.status, Attempts: r.attempts,
    LastHttpStatus: r.lastHttpStatus, LastError: r.lastError ?? '', LastAttemptTime: r.lastAttemptAt,
    NextAttemptTime: r.status === 'pending' ? r.dueAt : null, DeliveredTime: r.deliveredAt, CreateTime: r.createdAt,
    Body: JSON.stringify(renderReceipt(r, timeZone, recordingUrls)),
  };
}

/** Every receipt action. */
export function receiptActions(receipts: ReceiptService, timeZone: string, recordingUrls: RecordingUrls): ActionHandler[] {
  return [
    {
      spec: waihuAction('ReceiveMessages', 'Receives pull receipts of one type (SetReceiptConfig Url "pull:"); delete each with its handle, or it is received again after VisibilityTimeout.', receiveParams, PULL_QPS),
      handle: async (ctx, p) => {
        const got = await receipts.receive(ctx.accountId, p.MessageType as string, p.MaxMessages as number | undefined, p.VisibilityTimeout as number | undefined);
        return ok({ Messages: got.map(({ record, receiptHandle }) => ({
          MessageId: record.id, ReceiptHandle: receiptHandle, MessageType: record.messageType, CallId: record.callId,
          Body: JSON.stringify(renderReceipt(record, timeZone, recordingUrls)), EnqueueTime: record.createdAt, DequeueCount: record.attempts, NextVisibleTime: record.dueAt,
        })) });
      },
    },
    {
      spec: waihuAction('DeleteMessages', 'Acknowledges received receipts by their handles; a handle is valid until its message is received again.', [list('ReceiptHandles', 'Receipt handles from ReceiveMessages')], PULL_QPS),
      handle: async (ctx, p) => {
        const { deleted, failed } = await receipts.delete(ctx.accountId, p.ReceiptHandles as string[]);
        return ok({ Deleted: deleted.length, FailedHandles: failed });
      },
    },
    {
      spec: waihuAction('ListReceiptDeliveries', "The delivery log: the account's receipts, newest first, with attempts, status, HTTP code, error and next attempt.", logParams, LOG_QPS),
      handle: async (ctx, p) => {
        const page = readPage(p);
        const filter = { messageType: p.MessageType as string | undefined, status: p.Status as string | undefined, callId: p.CallId as string | undefined };
        const result = await receipts.deliveries(ctx.accountId, filter, page);
        return ok({ List: result.items.map((r) => deliveryView(r, timeZone, recordingUrls)), Total: result.total, PageNo: page.pageNo, PageSize: page.pageSize });
      },
    },
    {
      spec: waihuAction('RepushReceipts', 'Delivers delivered or failed receipts again, with a fresh retry schedule.', [list('MessageIds', 'Message ids from ListReceiptDeliveries')], LOG_QPS),
      handle: async (ctx, p) => {
        const { queued, skipped } = await receipts.repush(ctx.accountId, p.MessageIds as string[]);
        return ok({ Queued: queued.length, SkippedMessageIds: skipped });
      },
    },
    {
      spec: waihuAction('GetReceiptSecret', 'The secret pushes are signed with (X-Waihu-Signature, HMAC-SHA256); made on first use.', [], LOG_QPS),
      handle: async (ctx) => ok({ Secret: await receipts.secret(ctx.accountId), Algorithm: 'HMAC-SHA256' }),
    },
    {
      spec: waihuAction('ResetReceiptSecret', 'Replaces the push signing secret; pushes sign with the new one from now on.', [], LOG_QPS),
      handle: async (ctx) => ok({ Secret: await receipts.resetSecret(ctx.accountId), Algorithm: 'HMAC-SHA256' }),
    },
  ];
}
