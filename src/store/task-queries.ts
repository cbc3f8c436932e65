/** Queries for tasks; every customer-facing one is scoped by account, status changes go through the state machine. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { TaskRecord } from '../core/campaigns/campaign-records.js';
import { CANCELLABLE_DETAIL_STATES, FAILURE_REASONS } from '../core/campaigns/detail-state.js';
import { scheduledStartOnUpdate } from '../core/campaigns/new-task.js';
import type { TaskSettings } from '../core/campaigns/task-settings.js';
import { assertTaskUpdatable, nextTaskStatus, taskTransition, type TaskStatus } from '../core/campaigns/task-status.js';
import type { Page, PageRequest, TaskCommand, TaskListFilter } from '../ports/campaign-store.js';
import { settingsColumns, toTask } from './campaign-rows.js';
import { moveAllInState } from './detail-tallies.js';
import { forUpdate } from './engine-sql.js';
import { countRows, nameContains, newestFirstPage } from './paging.js';
import { guardUnique, type UniqueGuard } from './unique-guards.js';
import type { Database } from './schema.js';

/** The task-name index: a taken name is AlreadyExists naming TaskName. */
const nameGuard = (name: string): UniqueGuard => ({
  index: 'campaign_tasks_account_name',
  table: 'campaign_tasks',
  columns: ['account_id', 'name'],
  param: 'TaskName',
  message: `a task named "${name}" already exists`,
});

/** Runs `write`, turning a unique violation on the task name into AlreadyExists. */
function guardName<T>(name: string, write: () => Promise<T>): Promise<T> {
  return guardUnique([nameGuard(name)], write);
}

/** Adds a task; AlreadyExists when the account already has one of that name. */
export async function insertTask(db: Kysely<Database>, task: TaskRecord): Promise<void> {
  await guardName(task.settings.name, () =>
    db
      .insertInto('campaign_tasks')
      .values({
        id: task.id,
        account_id: task.accountId,
        product: task.product,
        flow: task.flow === null ? null : JSON.stringify(task.flow),
        ...settingsColumns(task.settings),
        status: task.status,
        start_failed_reason: task.startFailedReason,
        scheduled_start_at: task.scheduledStartAt,
        real_start_time: task.realStartTime,
        created_at: task.createdAt,
        updated_at: task.updatedAt,
      })
      .execute(),
  );
}

/** One task of the account. */
export async function getTask(db: Kysely<Database>, accountId: string, taskId: string): Promise<TaskRecord | undefined> {
  const row = await db.selectFrom('campaign_tasks').selectAll().where('id', '=', taskId).where('account_id', '=', accountId).executeTakeFirst();
  return row && toTask(row);
}

/** Tasks of the account matching the filter, newest first. */
export async function listTasks(db: Kysely<Database>, accountId: string, filter: TaskListFilter, page: PageRequest): Promise<Page<TaskRecord>> {
  if (filter.statuses?.length === 0 || filter.agentIds?.length === 0) return { total: 0, items: [] };
  let query = db.selectFrom('campaign_tasks').where('account_id', '=', accountId).where('product', '=', filter.product ?? 'aiccs');
  if (filter.name) query = query.where(nameContains(filter.name));
  if (filter.statuses) query = query.where('status', 'in', [...filter.statuses]);
  if (filter.taskId) query = query.where('id', '=', filter.taskId);
  if (filter.agentIds) query = query.where('agent_id', 'in', [...filter.agentIds]);
  if (filter.applicationCode) query = query.where('application_code', '=', filter.applicationCode);
  if (filter.source !== undefined) query = query.where('source', '=', filter.source);
  const total = await countRows(query);
  const rows = await newestFirstPage(query.selectAll(), page).execute();
  return { total, items: rows.map(toTask) };
}

/** The task row locked for a status or settings change; undefined when the account has no such task. */
async function lockTask(trx: Transaction<Database>, accountId: string, taskId: string) {
  const query = trx.selectFrom('campaign_tasks').selectAll().where('id', '=', taskId).where('account_id', '=', accountId);
  return forUpdate(trx, query).executeTakeFirst();
}

/** Replaces a task's settings where its status allows. */
export async function updateTaskSettings(
  db: Kysely<Database>,
  accountId: string,
  taskId: string,
  settings: TaskSettings,
  at: number,
): Promise<TaskRecord | undefined> {
  return guardName(settings.name, () =>
    db.transaction().execute(async (trx) => {
      const row = await lockTask(trx, accountId, taskId);
      if (!row) return undefined;
      assertTaskUpdatable(row.status);
      const realStart = row.real_start_time === null ? null : Number(row.real_start_time);
      const updated = await trx
        .updateTable('campaign_tasks')
        .set({ ...settingsColumns(settings), scheduled_start_at: scheduledStartOnUpdate(settings, row.status, realStart, at), updated_at: at })
        .where('id', '=', taskId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTask(updated);
    }),
  );
}

/** What entering `next` does to the task's other columns and to its details. */
async function applyStatusEffects(trx: Transaction<Database>, taskId: string, next: TaskStatus, at: number, reason?: string) {
  if (next === 'RUNNING') {
    // Details imported before the task ever ran wait in state 0; running releases them to the queue.
    const release = trx.updateTable('campaign_details').set({ state: 1, updated_at: at }).where('task_id', '=', taskId).where('state', '=', 0);
    await moveAllInState(trx, taskId, 0, 1, release);
    return { real_start_time: sql<number>`coalesce(real_start_time, ${at})`, scheduled_start_at: null, start_failed_reason: null };
  }
  if (next === 'CANCELLED') {
    for (const from of CANCELLABLE_DETAIL_STATES) {
      const cancel = trx
        .updateTable('campaign_details')
        .set({ state: 5, failed_reason: FAILURE_REASONS.taskCancelled, ended_at: at, updated_at: at })
        .where('task_id', '=', taskId)
        .where('state', '=', from);
      await moveAllInState(trx, taskId, from, 5, cancel);
    }
    return { scheduled_start_at: null };
  }
  if (next === 'FAILED') return { start_failed_reason: reason ?? 'the task could not be started' };
  return {};
}

/** Applies a command through the task state machine, atomically with its effects on the details. */
export async function changeTaskStatus(
  db: Kysely<Database>,
  accountId: string,
  taskId: string,
  command: TaskCommand,
  at: number,
  reason?: string,
): Promise<TaskRecord | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await lockTask(trx, accountId, taskId);
    if (!row) return undefined;
    const next = taskTransition(row.status, command);
    const effects = await applyStatusEffects(trx, taskId, next, at, reason);
    const updated = await trx
      .updateTable('campaign_tasks')
      .set({ ...effects, status: next, updated_at: at })
      .where('id', '=', taskId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTask(updated);
  });
}

/**
 * COMPLETED when the task runs, has details and none is left in 0-3. The task row is locked first, so an import
 * (which locks it too) either commits before the check sees its rows or waits and then reopens the task.
 */
export async function completeTaskIfDone(db: Kysely<Database>, taskId: string, at: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const task = await forUpdate(trx, trx.selectFrom('campaign_tasks').select('status').where('id', '=', taskId)).executeTakeFirst();
    if (!task || nextTaskStatus(task.status, 'complete') === undefined) return false;
    const open = await trx.selectFrom('campaign_details').select('id').where('task_id', '=', taskId).where('state', '<=', 3).limit(1).executeTakeFirst();
    const any = await trx.selectFrom('campaign_details').select('id').where('task_id', '=', taskId).limit(1).executeTakeFirst();
    if (open || !any) return false;
    await trx.updateTable('campaign_tasks').set({ status: 'COMPLETED', updated_at: at }).where('id', '=', taskId).execute();
    return true;
  });
}

/** Every RUNNING task of every account. */
export async function listRunningTasks(db: Kysely<Database>): Promise<TaskRecord[]> {
  const rows = await db.selectFrom('campaign_tasks').selectAll().where('status', '=', 'RUNNING').orderBy('created_at').execute();
  return rows.map(toTask);
}

/** Tasks whose automatic start time has come and whose status still allows starting. */
export async function listDueScheduledTasks(db: Kysely<Database>, now: number): Promise<TaskRecord[]> {
  const rows = await db
    .selectFrom('campaign_tasks')
    .selectAll()
    .where('scheduled_start_at', 'is not', null)
    .where('scheduled_start_at', '<=', now)
    .where('status', 'in', ['INIT', 'STOPPED', 'FAILED'])
    .orderBy('scheduled_start_at')
    .execute();
  return rows.map(toTask);
}
