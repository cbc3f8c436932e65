/** Queries for call dialogs and single calls (migration 0006); every read and write is scoped by account. */
import type { Kysely, Transaction } from 'kysely';
import type { CallResult } from '../core/calls/call-result.js';
import type { HangupDirection } from '../core/campaigns/campaign-records.js';
import type { CallTag, DialogTurn } from '../core/calls/dialog.js';
import type { CallDialogRecord, SingleCallEnding, SingleCallRecord } from '../ports/conversation-store.js';
import { RowInsert } from './compiled-rows.js';
import type { Database } from './schema.js';
import type { CallDialogsTable, SingleCallsTable } from './schema-conversations.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The row of a dialog. */
function dialogRow(d: CallDialogRecord): CallDialogsTable {
  return {
    call_id: d.callId,
    account_id: d.accountId,
    task_id: d.taskId ?? null,
    detail_id: d.detailId ?? null,
    attempt_id: d.attemptId ?? null,
    turns: JSON.stringify(d.turns),
    summary: d.analysis.summary,
    major_intent: d.analysis.majorIntent ?? null,
    tags: JSON.stringify(d.analysis.tags),
    turn_count: d.analysis.turnCount,
    analyzed_by: d.analysis.analyzedBy,
    created_at: d.createdAt,
    tags_updated_at: d.tagsUpdatedAt ?? null,
  };
}

/** The dialog insert, compiled once per database: it runs with every group of campaign outcomes (compiled-rows.ts). */
const DIALOG_INSERT = new RowInsert('call_dialogs', [
  'call_id', 'account_id', 'task_id', 'detail_id', 'attempt_id', 'turns', 'summary', 'major_intent', 'tags', 'turn_count', 'analyzed_by', 'created_at', 'tags_updated_at',
]);

/**
 * Inserts dialogs. Each call's dialog is written once, with the outcome that closes its attempt (an attempt closes
 * once) or its single call, so a second insert for a call id is a bug and fails its transaction.
 */
export async function insertDialogs(db: Db, dialogs: readonly CallDialogRecord[]): Promise<void> {
  if (dialogs.length === 0) return;
  await DIALOG_INSERT.run(db, dialogs.map(dialogRow));
}

/** The account's dialog of the call. */
export async function getCallDialog(db: Db, accountId: string, callId: string): Promise<CallDialogRecord | undefined> {
  const row = await db.selectFrom('call_dialogs').selectAll().where('call_id', '=', callId).where('account_id', '=', accountId).executeTakeFirst();
  if (!row) return undefined;
  return {
    callId: row.call_id,
    accountId: row.account_id,
    ...(row.task_id !== null ? { taskId: row.task_id } : {}),
    ...(row.detail_id !== null ? { detailId: row.detail_id } : {}),
    ...(row.attempt_id !== null ? { attemptId: row.attempt_id } : {}),
    turns: JSON.parse(row.turns) as DialogTurn[],
    analysis: {
      summary: row.summary,
      ...(row.major_intent !== null ? { majorIntent: row.major_intent } : {}),
      tags: JSON.parse(row.tags) as CallTag[],
      turnCount: Number(row.turn_count),
      analyzedBy: row.analyzed_by === 'llm' ? 'llm' : 'rules',
    },
    createdAt: Number(row.created_at),
    ...(row.tags_updated_at !== null ? { tagsUpdatedAt: Number(row.tags_updated_at) } : {}),
  };
}

/** Replaces the dialog's tags; false when the account has no dialog of that call. */
export async function replaceCallTags(db: Db, accountId: string, callId: string, tags: readonly CallTag[], at: number): Promise<boolean> {
  const result = await db
    .updateTable('call_dialogs')
    .set({ tags: JSON.stringify(tags), tags_updated_at: at })
    .where('call_id', '=', callId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records a single call as placed. */
export async function insertSingleCall(db: Db, c: SingleCallRecord): Promise<void> {
  await db
    .insertInto('single_calls')
    .values({
      call_id: c.callId, account_id: c.accountId, kind: c.kind, flow_ref: c.flowRef ?? null, caller: c.caller, callee: c.callee,
      out_id: c.outId ?? null, params: JSON.stringify(c.params), created_at: c.createdAt, call_result: null, status_code: null,
      ring_at: null, answer_at: null, ended_at: null, duration_s: null, hangup_direction: null, failed_reason: null,
    })
    .execute();
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

function numberOrNull(value: number | null): number | null {
  return value === null ? null : Number(value);
}

/** Writes the call's end and its dialog in one transaction. */
export async function endSingleCall(db: Kysely<Database>, accountId: string, callId: string, e: SingleCallEnding, dialog?: CallDialogRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('single_calls')
      .set({
        call_result: e.callResult, status_code: e.statusCode, ended_at: e.endedAt, duration_s: e.durationSeconds,
        ring_at: e.ringAt ?? null, answer_at: e.answerAt ?? null, hangup_direction: e.hangupDirection ?? null, failed_reason: e.failedReason ?? null,
      })
      .where('call_id', '=', callId)
      .where('account_id', '=', accountId)
      .execute();
    if (dialog) await insertDialogs(trx, [dialog]);
  });
}
