/**
 * Queries for robot tasks: the `robot_tasks` row joined with the campaign task it runs as (product 'robot-task').
 * Every query is scoped by account and skips deleted tasks; the writes to campaign_tasks here are the ones the engine
 * has no command for (schedule, unschedule, delete), each guarded by product, expected status and liveness in its own
 * WHERE clause so it cannot race a start, a stop or the dialer.
 */
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { RobotTaskListFilter, RobotTaskRecord, RobotTaskUpload, RobotTaskView, RobotScheduleType } from '../ports/robot-task-store.js';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import type { EngineCondition } from '../core/robot-tasks/robot-task-status.js';
import type { TaskRecord } from '../core/campaigns/campaign-records.js';
import { toTask } from './campaign-rows.js';
import { insertTask } from './task-queries.js';
import { chunks, likeContains } from './engine-sql.js';
import { countRows, pageBounds } from './paging.js';
import type { Database } from './schema.js';
import type { RobotTasksTable } from './schema-robot-tasks.js';

const PRODUCT = 'robot-task';

/** The record a robot_tasks row holds; Number() because drivers may return bigint columns in other forms. */
function toRobotTask(row: Selectable<RobotTasksTable>): RobotTaskRecord {
  return {
    taskId: row.task_id,
    accountId: row.account_id,
    taskName: row.task_name,
    dialogId: row.dialog_id,
    robotName: row.robot_name,
    corpName: row.corp_name,
    caller: row.caller,
    numberStatusIdent: Number(row.number_status_ident) === 1,
    retryType: Number(row.retry_type) === 1 ? 1 : 0,
    recallStateCodes: row.recall_state_codes,
    recallTimes: Number(row.recall_times),
    recallInterval: Number(row.recall_interval),
    isSelfLine: Number(row.is_self_line) === 1,
    scheduleType: row.schedule_type === 'ORDER' ? 'ORDER' : 'SINGLE',
    numberCount: Number(row.number_count),
    createdAt: Number(row.created_at),
  };
}

/** Creates the robot task and its campaign task in one transaction (RobotTaskStore.insertRobotTask). */
export async function createRobotTask(db: Kysely<Database>, campaign: TaskRecord, r: RobotTaskRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertTask(trx, campaign);
    await insertRobotTask(trx, r);
  });
}

/** Adds the robot task's row. */
async function insertRobotTask(db: Kysely<Database>, r: RobotTaskRecord): Promise<void> {
  await db.insertInto('robot_tasks').values({
    task_id: r.taskId, account_id: r.accountId, task_name: r.taskName, dialog_id: r.dialogId, robot_name: r.robotName,
    corp_name: r.corpName, caller: r.caller, number_status_ident: r.numberStatusIdent ? 1 : 0, retry_type: r.retryType,
    recall_state_codes: r.recallStateCodes, recall_times: r.recallTimes, recall_interval: r.recallInterval,
    is_self_line: r.isSelfLine ? 1 : 0, schedule_type: r.scheduleType, number_count: r.numberCount, created_at: r.createdAt, deleted_at: null,
  }).execute();
}

/** The live robot tasks of an account joined with their campaign tasks and robots. */
function liveTasks(db: Kysely<Database>, accountId: string) {
  return db
    .selectFrom('robot_tasks as r')
    .innerJoin('campaign_tasks as c', 'c.id', 'r.task_id')
    .leftJoin('robots as b', (join) => join.onRef('b.id', '=', 'r.dialog_id').onRef('b.account_id', '=', 'r.account_id'))
    .where('r.account_id', '=', accountId)
    .where('r.deleted_at', 'is', null)
    .where('c.product', '=', PRODUCT);
}

type LiveQuery = ReturnType<typeof liveTasks>;

/** The joined row as a view. */
async function views(query: LiveQuery): Promise<RobotTaskView[]> {
  const rows = await query.selectAll('c').selectAll('r').select(['b.name as current_robot_name', 'c.created_at as task_created_at', 'c.account_id as task_account_id']).execute();
  return rows.map((row) => {
    const task = toTask({ ...row, created_at: row.task_created_at, account_id: row.task_account_id });
    const robotTask = toRobotTask(row);
    return { task, robotTask, ...(row.current_robot_name !== null ? { currentRobotName: row.current_robot_name } : {}) };
  });
}

/** One live robot task of the account. */
export async function getRobotTask(db: Kysely<Database>, accountId: string, taskId: string): Promise<RobotTaskView | undefined> {
  const [view] = await views(liveTasks(db, accountId).where('r.task_id', '=', taskId));
  return view;
}

/** `c` is in one of the engine states. */
function inConditions(conditions: readonly EngineCondition[]) {
  return (eb: ExpressionBuilder<Database & { c: Database['campaign_tasks'] }, 'c'>) => eb.or(conditions.map((cond) => {
    const status = eb('c.status', '=', cond.status);
    if (cond.scheduled === undefined) return status;
    return eb.and([status, eb('c.scheduled_start_at', cond.scheduled ? 'is not' : 'is', null)]);
  }));
}

/** The account's robot tasks matching the filter, newest first. */
export async function pageRobotTasks(db: Kysely<Database>, accountId: string, filter: RobotTaskListFilter, page: PageRequest): Promise<Page<RobotTaskView>> {
  if (filter.conditions?.length === 0) return { total: 0, items: [] };
  let query = liveTasks(db, accountId);
  if (filter.name !== undefined) query = query.where(sql<boolean>`lower(r.task_name) like lower(${likeContains(filter.name)}) escape '\\'`);
  if (filter.createdFrom !== undefined) query = query.where('r.created_at', '>=', filter.createdFrom);
  if (filter.createdTo !== undefined) query = query.where('r.created_at', '<', filter.createdTo);
  if (filter.conditions !== undefined) query = query.where(inConditions(filter.conditions));
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const items = await views(query.orderBy('r.created_at', 'desc').orderBy('r.task_id', 'desc').limit(limit).offset(offset));
  return { total, items };
}

/** The task's uploads (its batches), oldest first. */
export async function listRobotTaskUploads(db: Kysely<Database>, accountId: string, taskId: string): Promise<RobotTaskUpload[]> {
  const rows = await db.selectFrom('campaign_batches').select(['id', 'row_count', 'created_at'])
    .where('account_id', '=', accountId).where('task_id', '=', taskId).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({ batchId: row.id, rowCount: Number(row.row_count), createdAt: Number(row.created_at) }));
}

/** Which of the numbers the task holds already. */
export async function findRobotTaskNumbers(db: Kysely<Database>, accountId: string, taskId: string, numbers: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(numbers, 500)) {
    const rows = await db.selectFrom('campaign_details').select('number')
      .where('account_id', '=', accountId).where('task_id', '=', taskId).where('number', 'in', part).execute();
    for (const row of rows) found.add(row.number);
  }
  return found;
}

/** Reserves `count` numbers under `max` in one conditional UPDATE. */
export async function reserveRobotTaskNumbers(db: Kysely<Database>, accountId: string, taskId: string, count: number, max: number): Promise<boolean> {
  const result = await db.updateTable('robot_tasks').set({ number_count: sql<number>`number_count + ${count}` })
    .where('task_id', '=', taskId).where('account_id', '=', accountId).where('deleted_at', 'is', null)
    .where(sql<boolean>`number_count + ${count} <= ${max}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives a reservation back. */
export async function releaseRobotTaskNumbers(db: Kysely<Database>, accountId: string, taskId: string, count: number): Promise<void> {
  await db.updateTable('robot_tasks').set({ number_count: sql<number>`number_count - ${count}` })
    .where('task_id', '=', taskId).where('account_id', '=', accountId).execute();
}

/** The campaign task of a live robot task, in one of the conditions, as an UPDATE target. */
function updateLiveTask(db: Kysely<Database>, accountId: string, taskId: string) {
  return db.updateTable('campaign_tasks')
    .where('id', '=', taskId).where('account_id', '=', accountId).where('product', '=', PRODUCT)
    .where(({ exists, selectFrom }) => exists(selectFrom('robot_tasks').select('task_id').where('task_id', '=', taskId).where('deleted_at', 'is', null)));
}

/** Sets the scheduled start of a task in INIT and marks it ORDER. */
export async function scheduleRobotTask(db: Kysely<Database>, accountId: string, taskId: string, at: number, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await updateLiveTask(trx, accountId, taskId).set({ scheduled_start_at: at, updated_at: now }).where('status', '=', 'INIT').executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx.updateTable('robot_tasks').set({ schedule_type: 'ORDER' }).where('task_id', '=', taskId).execute();
    return true;
  });
}

/** Clears the scheduled start of a task in INIT that has one. */
export async function unscheduleRobotTask(db: Kysely<Database>, accountId: string, taskId: string, now: number): Promise<boolean> {
  const result = await updateLiveTask(db, accountId, taskId).set({ scheduled_start_at: null, updated_at: now })
    .where('status', '=', 'INIT').where('scheduled_start_at', 'is not', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records SINGLE or ORDER. */
export async function setRobotTaskScheduleType(db: Kysely<Database>, accountId: string, taskId: string, type: RobotScheduleType): Promise<void> {
  await db.updateTable('robot_tasks').set({ schedule_type: type }).where('task_id', '=', taskId).where('account_id', '=', accountId).execute();
}

/** Cancels the campaign task (if deletable) and hides the robot task, in one transaction. */
export async function deleteRobotTask(db: Kysely<Database>, accountId: string, taskId: string, deletable: readonly EngineCondition[], at: number): Promise<boolean> {
  if (deletable.length === 0) return false;
  return db.transaction().execute(async (trx) => {
    const result = await updateLiveTask(trx, accountId, taskId)
      .set({ status: 'CANCELLED', scheduled_start_at: null, updated_at: at })
      .where((eb) => eb.or(deletable.map((cond) => {
        const status = eb('status', '=', cond.status);
        return cond.scheduled === undefined ? status : eb.and([status, eb('scheduled_start_at', cond.scheduled ? 'is not' : 'is', null)]);
      })))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx.updateTable('robot_tasks').set({ deleted_at: at }).where('task_id', '=', taskId).execute();
    return true;
  });
}
