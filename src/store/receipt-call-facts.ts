/**
 * The outbox rows of calls' state changes, built and written inside the transaction of the change itself: an
 * attempt's origination mark, an attempt's outcome, a single call's end. Only called for accounts with
 * subscriptions, so calls of every other account pay nothing here.
 */
import type { Transaction } from 'kysely';
import { DYVMS_STATUS_CODE, type CallResult } from '../core/calls/call-result.js';
import type { AttemptOutcome } from '../core/campaigns/campaign-records.js';
import { isReceiptMessageType, receiptModeOf } from '../core/media/receipt-config.js';
import { endReceipts, familyOfSingleCall, familyOfTask, originationReceipts, type CallFacts } from '../core/receipts/call-receipts.js';
import type { NewReceipt, SubscribedTypes } from '../core/receipts/receipt-records.js';
import type { CallDialogRecord, SingleCallEnding } from '../ports/conversation-store.js';
import { insertOutboxRows } from './receipt-queries.js';
import type { Database } from './schema.js';

/** An attempt whose change reports receipts. */
export interface AttemptReceiptRequest {
  attemptId: string;
  subscribed: SubscribedTypes;
  /** Set for an outcome; absent for an origination mark at `at`. */
  outcome?: AttemptOutcome;
  dialog?: CallDialogRecord;
  at: number;
}

/** What the attempts' receipts need from their rows. */
async function attemptRows(trx: Transaction<Database>, attemptIds: readonly string[]) {
  const rows = await trx
    .selectFrom('call_attempts as a')
    .innerJoin('campaign_details as d', 'd.id', 'a.detail_id')
    .innerJoin('campaign_tasks as t', 't.id', 'a.task_id')
    .select(['a.id', 'a.call_id', 'a.account_id', 'a.caller_number', 'a.originated_at', 'a.claimed_at', 'a.task_id', 'd.id as detail_id', 'd.number', 'd.out_id', 'd.batch_id', 't.product'])
    .where('a.id', 'in', [...attemptIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Writes the receipts of attempts' origination marks or outcomes (those requests whose attempt exists). */
export async function writeAttemptReceipts(trx: Transaction<Database>, requests: readonly AttemptReceiptRequest[]): Promise<void> {
  if (requests.length === 0) return;
  const rows = await attemptRows(trx, requests.map((r) => r.attemptId));
  const receipts: NewReceipt[] = [];
  for (const request of requests) {
    const row = rows.get(request.attemptId);
    if (!row) continue;
    const family = familyOfTask(row.product);
    const base = { accountId: row.account_id, family, callId: row.call_id, outId: row.out_id };
    if (!request.outcome) {
      receipts.push(...originationReceipts(base, request.at, request.subscribed));
      continue;
    }
    const o = request.outcome;
    const facts: CallFacts = {
      ...base, caller: row.caller_number, callee: row.number, voiceType: row.product === 'call-task' ? 'voice' : 'asr',
      originatedAt: row.originated_at === null ? null : Number(row.originated_at),
      ringAt: o.ringAt ?? null, answerAt: o.answerAt ?? null, endedAt: o.endedAt, durationSeconds: o.durationSeconds ?? 0,
      callResult: o.callResult, statusCode: statusCodeOf(o.statusCode ?? null, o.callResult), hangupDirection: o.hangupDirection ?? null,
      task: { taskId: row.task_id, batchId: row.batch_id, detailId: row.detail_id }, turns: request.dialog?.turns ?? [],
      ...(request.dialog?.recording ? { recording: request.dialog.recording } : {}),
    };
    // A call that was never marked originated had no 200101: its end reports it.
    receipts.push(...endReceipts(facts, request.subscribed, row.originated_at === null));
  }
  await insertOutboxRows(trx, receipts);
}

/** The status code a receipt reports: the carrier's, else the outcome's, else a system error (an interrupted call). */
function statusCodeOf(code: string | null, result: CallResult | null): string {
  return code ?? (result ? DYVMS_STATUS_CODE[result] : '999999');
}

/** The account's subscriptions as stored now (single calls read them in their own transaction). */
/**
 * The accounts' receipt settings as stored, read inside the transaction that writes the receipts (not from the
 * process's cache, so a call's end and its receipts follow the settings of the same instant), once per account for
 * a whole group of call ends.
 */
export class SubscriptionReads {
  private readonly read = new Map<string, Promise<SubscribedTypes | undefined>>();

  constructor(private readonly trx: Transaction<Database>) {}

  /** The account's subscriptions; undefined when it takes no receipts. */
  of(accountId: string): Promise<SubscribedTypes | undefined> {
    let subscribed = this.read.get(accountId);
    if (!subscribed) this.read.set(accountId, (subscribed = storedSubscriptions(this.trx, accountId)));
    return subscribed;
  }
}

async function storedSubscriptions(trx: Transaction<Database>, accountId: string): Promise<SubscribedTypes | undefined> {
  const rows = await trx.selectFrom('receipt_configs').select(['message_type', 'url']).where('account_id', '=', accountId).execute();
  const receipts = rows.filter((r) => isReceiptMessageType(r.message_type));
  if (receipts.length === 0) return undefined;
  return Object.fromEntries(receipts.map((r) => [r.message_type, receiptModeOf(r.url)]));
}

/** Writes a single call's receipts (its whole life: it has no origination mark), if the account takes any. */
export async function writeSingleCallReceipts(
  trx: Transaction<Database>, subscriptions: SubscriptionReads, accountId: string, callId: string, e: SingleCallEnding,
  dialog: Pick<CallDialogRecord, 'turns' | 'recording'> | undefined,
): Promise<void> {
  const subscribed = await subscriptions.of(accountId);
  if (!subscribed) return;
  const call = await trx.selectFrom('single_calls').select(['kind', 'caller', 'callee', 'out_id', 'created_at']).where('call_id', '=', callId).where('account_id', '=', accountId).executeTakeFirst();
  if (!call) return;
  const facts: CallFacts = {
    accountId, family: familyOfSingleCall(call.kind), callId, outId: call.out_id, caller: call.caller, callee: call.callee,
    voiceType: call.kind.includes('Smart') ? 'asr' : 'voice', originatedAt: Number(call.created_at),
    ringAt: e.ringAt ?? null, answerAt: e.answerAt ?? null, endedAt: e.endedAt, durationSeconds: e.durationSeconds,
    callResult: e.callResult, statusCode: statusCodeOf(e.statusCode, e.callResult), hangupDirection: e.hangupDirection ?? null,
    turns: dialog?.turns ?? [], ...(dialog?.recording ? { recording: dialog.recording } : {}),
  };
  await insertOutboxRows(trx, endReceipts(facts, subscribed, true));
}
