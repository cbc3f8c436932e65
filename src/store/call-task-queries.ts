/**
 * Queries for dyvms CallTasks: call_tasks read together with the campaign task that runs it (product 'call-task'),
 * and its callees (campaign_details) as ListCallTaskDetail shows them. Every query is scoped by account.
 */
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { CallTaskBizType, CallTaskDataType, CallTaskFilter, CallTaskItem, CallTaskItemFilter, CallTaskItemStatus, CallTaskRecord, CallTaskView } from '../core/call-tasks/call-task.js';
import { DomainError } from '../core/errors.js';
import type { TaskStatus } from '../core/campaigns/task-status.js';
import type { TaskRecord } from '../core/campaigns/campaign-records.js';
import type { NewDetail, Page, PageRequest } from '../ports/campaign-store.js';
import { numberOrNull } from './campaign-rows.js';
import { importDetailsIn } from './import-queries.js';
import { insertTask } from './task-queries.js';
import { forUpdate, likeContains } from './engine-sql.js';
import { countRows, pageBounds } from './paging.js';
import type { CallTasksTable } from './schema-call-tasks.js';
import type { Database } from './schema.js';

const PRODUCT = 'call-task';
/** Engine statuses from which a scheduled start may be set (the ones the engine's scheduled start applies to). */
const SCHEDULABLE: readonly TaskStatus[] = ['INIT', 'STOPPED', 'FAILED'];

type ViewRow = Selectable<CallTasksTable> & { status: TaskStatus; real_start_time: number | null; scheduled_start_at: number | null; updated_at: number };


function toView(row: ViewRow): CallTaskView {
  return {
    id: row.id,
    accountId: row.account_id,
    taskName: row.task_name,
    bizType: row.biz_type as CallTaskBizType,
    templateCode: row.template_code,
    templateName: row.template_name,
    resource: row.resource,
    dataType: row.data_type as CallTaskDataType,
    calleeCount: Number(row.callee_count),
    createdAt: Number(row.created_at),
    engineStatus: row.status,
    realStartTime: numberOrNull(row.real_start_time),
    scheduledStartAt: numberOrNull(row.scheduled_start_at),
    updatedAt: Number(row.updated_at),
  };
}

/** The account's CallTasks joined with their campaign tasks. */
function callTasksOf(db: Kysely<Database>, accountId: string) {
  return db
    .selectFrom('call_tasks as c')
    .innerJoin('campaign_tasks as t', 't.id', 'c.id')
    .where('c.account_id', '=', accountId)
    .where('t.account_id', '=', accountId)
    .where('t.product', '=', PRODUCT);
}

/** Creates the CallTask, its campaign task and its callees in one transaction (CallTaskStore.insertCallTask). */
export async function createCallTask(db: Kysely<Database>, campaign: TaskRecord, callees: readonly NewDetail[], task: CallTaskRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertTask(trx, campaign);
    await importDetailsIn(trx, { accountId: campaign.accountId, taskId: campaign.id, batchId: null, encryptionType: 0, details: callees, at: campaign.createdAt });
    await insertCallTask(trx, task);
  });
}

/** Records a CallTask over its campaign task. */
async function insertCallTask(db: Kysely<Database>, task: CallTaskRecord): Promise<void> {
  await db
    .insertInto('call_tasks')
    .values({
      id: task.id, account_id: task.accountId, task_name: task.taskName, biz_type: task.bizType, template_code: task.templateCode,
      template_name: task.templateName, resource: task.resource, data_type: task.dataType, callee_count: task.calleeCount,
      created_at: task.createdAt,
    })
    .execute();
}

/** One CallTask of the account. */
export async function getCallTask(db: Kysely<Database>, accountId: string, id: string): Promise<CallTaskView | undefined> {
  const row = await callTasksOf(db, accountId)
    .where('c.id', '=', id)
    .selectAll('c')
    .select(['t.status', 't.real_start_time', 't.scheduled_start_at', 't.updated_at'])
    .executeTakeFirst();
  return row && toView(row);
}

/** The account's CallTasks matching the filter, newest first. */
export async function pageCallTasks(db: Kysely<Database>, accountId: string, filter: CallTaskFilter, page: PageRequest): Promise<Page<CallTaskView>> {
  if (filter.engineStatuses?.length === 0) return { total: 0, items: [] };
  let query = callTasksOf(db, accountId);
  if (filter.taskName) query = query.where(sql<boolean>`lower(c.task_name) like lower(${likeContains(filter.taskName)}) escape '\\'`);
  if (filter.templateName) query = query.where('c.template_name', '=', filter.templateName);
  if (filter.taskId) query = query.where('c.id', '=', filter.taskId);
  if (filter.bizType) query = query.where('c.biz_type', '=', filter.bizType);
  if (filter.engineStatuses) query = query.where('t.status', 'in', [...filter.engineStatuses]);
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query
    .selectAll('c')
    .select(['t.status', 't.real_start_time', 't.scheduled_start_at', 't.updated_at'])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total, items: rows.map(toView) };
}

/** Sets the scheduled start of a CallTask whose campaign task may still be started by the engine. */
export async function scheduleCallTask(db: Kysely<Database>, accountId: string, id: string, fireAt: number, at: number): Promise<CallTaskView | undefined> {
  const done = await db.transaction().execute(async (trx) => {
    const lookup = trx.selectFrom('campaign_tasks').select('status').where('id', '=', id).where('account_id', '=', accountId).where('product', '=', PRODUCT);
    const task = await forUpdate(trx, lookup).executeTakeFirst();
    if (!task) return false;
    if (!SCHEDULABLE.includes(task.status)) throw new DomainError('InvalidState', `a task that is ${task.status} cannot be scheduled`);
    await trx.updateTable('campaign_tasks').set({ scheduled_start_at: fireAt, updated_at: at }).where('id', '=', id).execute();
    return true;
  });
  return done ? getCallTask(db, accountId, id) : undefined;
}

/** The SQL condition of one ListCallTaskDetail status over campaign_details. */
function itemStatusIs(status: CallTaskItemStatus) {
  return (eb: ExpressionBuilder<Database, 'campaign_details'>) => {
    if (status === 'INIT') return eb('state', '<=', 3);
    const answered = eb.and([eb('state', '=', 4), eb('call_result', '=', 'ANSWERED')]);
    return status === 'SUCCESS' ? answered : eb.and([eb('state', '>=', 4), eb.not(answered)]);
  };
}

function itemStatusOf(state: number, callResult: string | null): CallTaskItemStatus {
  if (state <= 3) return 'INIT';
  return state === 4 && callResult === 'ANSWERED' ? 'SUCCESS' : 'FAIL';
}

/** The callees of one CallTask of the account, in the order they were given. */
export async function pageCallTaskItems(
  db: Kysely<Database>, accountId: string, id: string, filter: CallTaskItemFilter, page: PageRequest,
): Promise<Page<CallTaskItem>> {
  let query = db.selectFrom('campaign_details').where('account_id', '=', accountId).where('task_id', '=', id);
  if (filter.calledNum) query = query.where('number', '=', filter.calledNum);
  if (filter.status) query = query.where(itemStatusIs(filter.status));
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query
    .select((eb) => [
      'id', 'number', 'state', 'call_result', 'duration_s',
      eb.selectFrom('call_attempts as a').select('a.caller_number').whereRef('a.detail_id', '=', 'campaign_details.id')
        .orderBy('a.attempt_number', 'desc').limit(1).as('caller'),
    ])
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  const items = rows.map((row) => ({
    detailId: row.id,
    calledNum: row.number,
    status: itemStatusOf(Number(row.state), row.call_result),
    caller: row.caller ?? null,
    durationSeconds: Number(row.duration_s ?? 0),
  }));
  return { total, items };
}
