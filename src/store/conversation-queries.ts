/** Queries for calls' dialogs and single calls (migration 0006); every read and write is scoped by account. */
import type { Kysely, Transaction } from 'kysely';
import type { CallResult } from '../core/calls/call-result.js';
import type { HangupDirection } from '../core/campaigns/campaign-records.js';
import type { CallTag } from '../core/calls/dialog.js';
import type { CallDialogRecord, SingleCallEnding, SingleCallRecord } from '../ports/conversation-store.js';
import { packDialog, unpackDialog, withTags } from './dialog-json.js';
import { numberOrNull } from './campaign-rows.js';
import { RowInsert } from './compiled-rows.js';
import { SubscriptionReads, writeSingleCallReceipts } from './receipt-call-facts.js';
import type { Database } from './schema.js';
import type { SingleCallsTable } from './schema-conversations.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The account's dialog of the call: on its attempt for a campaign call, else on its single call. */
export async function getCallDialog(db: Db, accountId: string, callId: string): Promise<CallDialogRecord | undefined> {
  const attempt = await db
    .selectFrom('call_attempts')
    .select(['task_id', 'detail_id', 'id', 'dialog', 'major_intent', 'turn_count', 'ended_at'])
    .where('call_id', '=', callId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (attempt) {
    if (attempt.dialog === null) return undefined;
    const base = { callId, accountId, taskId: attempt.task_id, detailId: attempt.detail_id, attemptId: attempt.id, createdAt: Number(attempt.ended_at) };
    return { ...base, ...unpackDialog(attempt.dialog, attempt.major_intent, attempt.turn_count) };
  }
  const single = await db
    .selectFrom('single_calls')
    .select(['dialog', 'major_intent', 'turn_count', 'ended_at'])
    .where('call_id', '=', callId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!single || single.dialog === null) return undefined;
  return { callId, accountId, createdAt: Number(single.ended_at), ...unpackDialog(single.dialog, single.major_intent, single.turn_count) };
}

/** Replaces the dialog's tags on whichever row holds it; false when the account has no dialog of that call. */
export async function replaceCallTags(db: Kysely<Database>, accountId: string, callId: string, tags: readonly CallTag[], at: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    for (const table of ['call_attempts', 'single_calls'] as const) {
      const row = await trx.selectFrom(table).select('dialog').where('call_id', '=', callId).where('account_id', '=', accountId).executeTakeFirst();
      if (!row) continue;
      if (row.dialog === null) return false;
      await trx.updateTable(table).set({ dialog: withTags(row.dialog, tags, at) }).where('call_id', '=', callId).where('account_id', '=', accountId).execute();
      return true;
    }
    return false;
  });
}

/** The columns a placed single call is written with; its outcome columns stay null until it ends. */
const SINGLE_CALL_INSERT = new RowInsert('single_calls', [
  'call_id', 'account_id', 'kind', 'flow_ref', 'caller', 'callee', 'out_id', 'params', 'created_at',
]);

/** Records placed single calls, many per statement (the calls of one event-loop turn, see conversation-tables.ts). */
export async function insertSingleCalls(db: Kysely<Database>, calls: readonly SingleCallRecord[]): Promise<void> {
  await SINGLE_CALL_INSERT.run(db, calls.map((c) => ({
    call_id: c.callId, account_id: c.accountId, kind: c.kind, flow_ref: c.flowRef ?? null, caller: c.caller, callee: c.callee,
    out_id: c.outId ?? null, params: JSON.stringify(c.params), created_at: c.createdAt,
  })));
}

/** The account's single call. */
export async function getSingleCall(db: Db, accountId: string, callId: string): Promise<SingleCallRecord | undefined> {
  const row = await db.selectFrom('single_calls').selectAll().where('call_id', '=', callId).where('account_id', '=', accountId).executeTakeFirst();
  return row && singleCallOf(row);
}

function singleCallOf(row: SingleCallsTable): SingleCallRecord {
  const optional = {
    flowRef: row.flow_ref, outId: row.out_id, callResult: row.call_result as CallResult | null, statusCode: row.status_code,
    ringAt: numberOrNull(row.ring_at), answerAt: numberOrNull(row.answer_at), endedAt: numberOrNull(row.ended_at),
    durationSeconds: numberOrNull(row.duration_s), hangupDirection: row.hangup_direction as HangupDirection | null, failedReason: row.failed_reason,
  };
  const present = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null));
  return {
    callId: row.call_id, accountId: row.account_id, kind: row.kind, caller: row.caller, callee: row.callee,
    params: JSON.parse(row.params) as Record<string, unknown>, createdAt: Number(row.created_at), ...present,
  };
}


/** One single call's end, as endSingleCalls takes it. */
export interface SingleCallEnd {
  accountId: string;
  callId: string;
  ending: SingleCallEnding;
  dialog?: CallDialogRecord;
}

/**
 * Writes the ends of many single calls, each with its dialog and the receipts the account takes of it, in one
 * transaction: a call never shows as ended without its receipts, nor the reverse.
 */
export async function endSingleCalls(db: Kysely<Database>, ends: readonly SingleCallEnd[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const subscriptions = new SubscriptionReads(trx);
    for (const { accountId, callId, ending, dialog } of ends) {
      await writeSingleCallEnd(trx, accountId, callId, ending, dialog);
      await writeSingleCallReceipts(trx, subscriptions, accountId, callId, ending, dialog);
    }
  });
}

/** The end and the dialog, in one statement. */
async function writeSingleCallEnd(db: Db, accountId: string, callId: string, e: SingleCallEnding, dialog?: CallDialogRecord): Promise<void> {
  await db
    .updateTable('single_calls')
    .set({
      call_result: e.callResult, status_code: e.statusCode, ended_at: e.endedAt, duration_s: e.durationSeconds,
      ring_at: e.ringAt ?? null, answer_at: e.answerAt ?? null, hangup_direction: e.hangupDirection ?? null, failed_reason: e.failedReason ?? null,
      major_intent: dialog?.analysis.majorIntent ?? null,
      turn_count: dialog ? dialog.analysis.turnCount : null,
      dialog: dialog ? packDialog(dialog) : null,
    })
    .where('call_id', '=', callId)
    .where('account_id', '=', accountId)
    .execute();
}
