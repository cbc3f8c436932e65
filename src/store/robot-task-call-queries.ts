/**
 * The calls of a robot task (QueryRobotTaskCallList, QueryRobotTaskCallDetail): each callee (campaign detail) with
 * its latest attempt that got a carrier outcome, and that attempt's dialog. A page is found by ids first, then its
 * details and attempts are read whole, so the two tables' like-named columns never meet in one row.
 */
import type { Kysely } from 'kysely';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import type { RobotTaskCall, RobotTaskCallFilter } from '../ports/robot-task-store.js';
import { toAttempt, toDetail } from './campaign-rows.js';
import { unpackDialog } from './dialog-json.js';
import { countRows, pageBounds } from './paging.js';
import type { Database } from './schema.js';

/** The task's callees joined with their latest attempt that ended with an outcome. */
function latestCalls(db: Kysely<Database>, accountId: string, taskId: string) {
  return db
    .selectFrom('campaign_details as d')
    .innerJoin('call_attempts as a', 'a.detail_id', 'd.id')
    .where('d.account_id', '=', accountId)
    .where('d.task_id', '=', taskId)
    .where('a.call_result', 'is not', null)
    .where('a.attempt_number', '=', (eb) =>
      eb.selectFrom('call_attempts as x').select((x) => x.fn.max('x.attempt_number').as('n')).whereRef('x.detail_id', '=', 'd.id').where('x.call_result', 'is not', null));
}

/** Reads the details and attempts of (detail id, attempt id) pairs, in the pairs' order. */
async function loadCalls(db: Kysely<Database>, pairs: readonly { detail_id: string; attempt_id: string }[]): Promise<RobotTaskCall[]> {
  if (pairs.length === 0) return [];
  const details = await db.selectFrom('campaign_details').selectAll().where('id', 'in', pairs.map((p) => p.detail_id)).execute();
  const attempts = await db.selectFrom('call_attempts').selectAll().where('id', 'in', pairs.map((p) => p.attempt_id)).execute();
  const detailById = new Map(details.map((row) => [row.id, row]));
  const attemptById = new Map(attempts.map((row) => [row.id, row]));
  return pairs.flatMap((pair) => {
    const detail = detailById.get(pair.detail_id);
    const attempt = attemptById.get(pair.attempt_id);
    if (!detail || !attempt) return [];
    const dialog = attempt.dialog === null ? undefined : unpackDialog(attempt.dialog, attempt.major_intent, attempt.turn_count);
    return [{ detail: toDetail(detail), attempt: toAttempt(attempt), ...(dialog ? { dialog: { turns: dialog.turns, analysis: dialog.analysis, ...(dialog.recording ? { recording: dialog.recording } : {}) } } : {}) }];
  });
}

/** The task's called callees matching the filter, latest call first. */
export async function pageRobotTaskCalls(
  db: Kysely<Database>, accountId: string, taskId: string, filter: RobotTaskCallFilter, page: PageRequest,
): Promise<Page<RobotTaskCall>> {
  if (filter.callResults?.length === 0) return { total: 0, items: [] };
  let query = latestCalls(db, accountId, taskId);
  if (filter.called !== undefined) query = query.where('d.number', '=', filter.called);
  if (filter.minDuration !== undefined) query = query.where((eb) => eb.fn.coalesce('a.duration_s', eb.lit(0)), '>=', filter.minDuration);
  if (filter.maxDuration !== undefined) query = query.where((eb) => eb.fn.coalesce('a.duration_s', eb.lit(0)), '<=', filter.maxDuration);
  if (filter.minDialogCount !== undefined) query = query.where((eb) => eb.fn.coalesce('a.turn_count', eb.lit(0)), '>=', filter.minDialogCount);
  if (filter.maxDialogCount !== undefined) query = query.where((eb) => eb.fn.coalesce('a.turn_count', eb.lit(0)), '<=', filter.maxDialogCount);
  if (filter.hangupDirection !== undefined) query = query.where('a.hangup_direction', '=', filter.hangupDirection);
  if (filter.callResults !== undefined) query = query.where('a.call_result', 'in', filter.callResults);
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const pairs = await query.select(['d.id as detail_id', 'a.id as attempt_id'])
    .orderBy('a.claimed_at', 'desc').orderBy('d.id', 'desc').limit(limit).offset(offset).execute();
  return { total, items: await loadCalls(db, pairs) };
}

/** The latest call with an outcome to `callee` in the task placed in [from, to). */
export async function findRobotTaskCall(
  db: Kysely<Database>, accountId: string, taskId: string, callee: string, from: number, to: number,
): Promise<RobotTaskCall | undefined> {
  const pair = await db
    .selectFrom('campaign_details as d')
    .innerJoin('call_attempts as a', 'a.detail_id', 'd.id')
    .select(['d.id as detail_id', 'a.id as attempt_id'])
    .where('d.account_id', '=', accountId)
    .where('d.task_id', '=', taskId)
    .where('d.number', '=', callee)
    .where('a.call_result', 'is not', null)
    .where('a.claimed_at', '>=', from)
    .where('a.claimed_at', '<', to)
    .orderBy('a.claimed_at', 'desc')
    .orderBy('a.attempt_number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const [call] = await loadCalls(db, pair ? [pair] : []);
  return call;
}
