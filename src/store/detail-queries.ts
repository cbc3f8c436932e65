/** Reads of batches, details and attempts, all scoped by account, and QueryAiCallDetailPage's filtered paging. */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { AttemptRecord, BatchRecord, DetailRecord } from '../core/campaigns/campaign-records.js';
import type { DetailFilter, Page, PageRequest } from '../ports/campaign-store.js';
import { toAttempt, toBatch, toDetail } from './campaign-rows.js';
import { countRows, newestFirstPage } from './paging.js';
import type { Database } from './schema.js';

/** One batch of the account. */
export async function getBatch(db: Kysely<Database>, accountId: string, batchId: string): Promise<BatchRecord | undefined> {
  const row = await db.selectFrom('campaign_batches').selectAll().where('id', '=', batchId).where('account_id', '=', accountId).executeTakeFirst();
  return row && toBatch(row);
}

/** One detail of the account. */
export async function getDetail(db: Kysely<Database>, accountId: string, detailId: string): Promise<DetailRecord | undefined> {
  const row = await db.selectFrom('campaign_details').selectAll().where('id', '=', detailId).where('account_id', '=', accountId).executeTakeFirst();
  return row && toDetail(row);
}

/** One detail of the account and its attempts, first attempt first. */
export async function getDetailWithAttempts(
  db: Kysely<Database>,
  accountId: string,
  detailId: string,
): Promise<{ detail: DetailRecord; attempts: AttemptRecord[] } | undefined> {
  const detail = await getDetail(db, accountId, detailId);
  if (!detail) return undefined;
  const rows = await db.selectFrom('call_attempts').selectAll().where('detail_id', '=', detailId).orderBy('attempt_number').execute();
  return { detail, attempts: rows.map(toAttempt) };
}

/** The attempt with that CallId, if the account owns it. */
export async function getAttemptByCallId(db: Kysely<Database>, accountId: string, callId: string): Promise<AttemptRecord | undefined> {
  const row = await db.selectFrom('call_attempts').selectAll().where('call_id', '=', callId).where('account_id', '=', accountId).executeTakeFirst();
  return row && toAttempt(row);
}

type DetailQuery = SelectQueryBuilder<Database, 'campaign_details', object>;

/**
 * True when the filter names the details outright (a number, an OutId or detail ids: a handful of rows per task).
 * The states are then written `+state`, which keeps SQLite from choosing the (task_id, state, created_at) index:
 * without statistics it prefers that index because it also yields the page order, and walks a million rows of one
 * state to find the few with the number (200 ms, docs/performance.md). PostgreSQL reads `+state` as plain state.
 */
function pinned(f: DetailFilter): boolean {
  return f.number !== undefined || f.outId !== undefined || f.detailIds !== undefined;
}

/** Applies every filter that is set; ranges are inclusive. */
function applyFilter(query: DetailQuery, f: DetailFilter): DetailQuery {
  let q = query;
  if (f.states) q = q.where(pinned(f) ? sql<number>`+${sql.ref('state')}` : sql.ref('state'), 'in', [...f.states]);
  if (f.batchId !== undefined) q = q.where('batch_id', '=', f.batchId);
  if (f.number !== undefined) q = q.where('number', '=', f.number);
  if (f.encryptionType !== undefined) q = q.where('encryption_type', '=', f.encryptionType);
  if (f.callResult !== undefined) q = q.where('call_result', '=', f.callResult);
  if (f.majorIntent !== undefined) q = q.where('major_intent', '=', f.majorIntent);
  if (f.minDurationSeconds !== undefined) q = q.where('duration_s', '>=', f.minDurationSeconds);
  if (f.maxDurationSeconds !== undefined) q = q.where('duration_s', '<=', f.maxDurationSeconds);
  if (f.importedFrom !== undefined) q = q.where('created_at', '>=', f.importedFrom);
  if (f.importedTo !== undefined) q = q.where('created_at', '<=', f.importedTo);
  if (f.callingFrom !== undefined) q = q.where('calling_time', '>=', f.callingFrom);
  if (f.callingTo !== undefined) q = q.where('calling_time', '<=', f.callingTo);
  if (f.outId !== undefined) q = q.where('out_id', '=', f.outId);
  if (f.detailIds) q = q.where('id', 'in', [...f.detailIds]);
  return q;
}

/** Filters the detail tallies can answer: states, batch and import time (every detail of an import shares it). */
const TALLIED_FILTERS: ReadonlySet<keyof DetailFilter> = new Set(['states', 'batchId', 'importedFrom', 'importedTo']);

function talliedFilter(filter: DetailFilter): boolean {
  if (filter.batchId === '') return false; // '' is the tallies' key for details without a batch
  return Object.entries(filter).every(([key, value]) => value === undefined || TALLIED_FILTERS.has(key as keyof DetailFilter));
}

/** How many details match a tallied filter: a sum over the task's tallies instead of a count over its details. */
async function talliedTotal(db: Kysely<Database>, taskId: string, f: DetailFilter): Promise<number> {
  let q = db.selectFrom('campaign_detail_tallies').select((eb) => eb.fn.sum<number | string | null>('n').as('n')).where('task_id', '=', taskId);
  if (f.states) q = q.where('state', 'in', [...f.states]);
  if (f.batchId !== undefined) q = q.where('batch_key', '=', f.batchId);
  if (f.importedFrom !== undefined) q = q.where('created_at', '>=', f.importedFrom);
  if (f.importedTo !== undefined) q = q.where('created_at', '<=', f.importedTo);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Details of one of the account's tasks matching the filter, newest import first (id breaks ties). */
export async function pageDetails(
  db: Kysely<Database>,
  accountId: string,
  taskId: string,
  filter: DetailFilter,
  page: PageRequest,
): Promise<Page<DetailRecord>> {
  if (filter.states?.length === 0 || filter.detailIds?.length === 0) return { total: 0, items: [] };
  // Ownership on the task row once, so counting over the details needs only the (task_id, state, ...) index.
  const owned = await db.selectFrom('campaign_tasks').select('id').where('id', '=', taskId).where('account_id', '=', accountId).executeTakeFirst();
  if (!owned) return { total: 0, items: [] };
  const query = applyFilter(db.selectFrom('campaign_details').where('task_id', '=', taskId), filter);
  const total = talliedFilter(filter) ? await talliedTotal(db, taskId, filter) : await countRows(query);
  if (total === 0) return { total, items: [] };
  const rows = await newestFirstPage(query.selectAll(), page).execute();
  return { total, items: rows.map(toDetail) };
}
