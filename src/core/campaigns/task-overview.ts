/**
 * QueryAiCallTaskPage and QueryAiCallTaskDetail as use cases: tasks with their agent's name and their progress.
 * The counters are read from the details (the store's per-state counts and filtered counts), never kept twice:
 * "called" means the recipient's latest attempt has been dialed (it has a CallingTime), "answered" that its latest
 * outcome is ANSWERED, and "today" starts at midnight in the task's own time zone.
 */
import { DomainError } from '../errors.js';
import type { PageRequest, TaskListFilter, TaskProgress } from '../../ports/campaign-store.js';
import { requireTask, type CampaignDeps } from './campaign-deps.js';
import type { TaskRecord } from './campaign-records.js';
import { optionalId, optionalText, readPage, requireId } from './query-values.js';
import { readInt, readString } from './setting-values.js';
import { TASK_STATUSES, isTaskStatus, type TaskStatus } from './task-status.js';

/** QueryAiCallTaskPage's parameters, as received. */
export interface TaskListInput {
  PageNo?: unknown;
  PageSize?: unknown;
  Status?: unknown;
  TaskName?: unknown;
  AgentName?: unknown;
  TaskId?: unknown;
  ApplicationCode?: unknown;
  /** The Source the task was created with (CreateAiCallTask's Source). */
  Source?: unknown;
}

/** How far a task has come. */
export interface TaskStats {
  progress: TaskProgress;
  /** Recipients whose latest attempt was dialed. */
  calledCount: number;
  /** Recipients whose latest outcome is ANSWERED. */
  answeredCount: number;
  /** Recipients imported since local midnight. */
  dayImportCount: number;
  /** Recipients whose latest attempt was dialed since local midnight. */
  dayCallCount: number;
  /** Of those, the answered ones. */
  dayAnsweredCount: number;
}

/** A task as the task queries show it. */
export interface TaskOverview {
  task: TaskRecord;
  /** The agent's name, when the task has an agent the registry knows. */
  agentName: string | null;
}

/** A task in a listing, with its counters. */
export interface TaskListItem extends TaskOverview {
  stats: TaskStats;
}

/** One page of tasks. */
export interface TaskPage {
  page: PageRequest;
  total: number;
  items: TaskListItem[];
}

const EMPTY_PROGRESS: TaskProgress = Object.freeze({ byState: Object.freeze({ 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }), total: 0, allTerminal: false });

/** Epoch ms of the midnight that starts the local day of `at` in `timeZone` (offset taken at `at`). */
export function startOfLocalDay(at: number, timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const f: Record<string, number> = {};
  for (const part of format.formatToParts(at)) f[part.type] = Number(part.value);
  const [year, month, day] = [f.year ?? 1970, (f.month ?? 1) - 1, f.day ?? 1];
  const offset = Date.UTC(year, month, day, f.hour ?? 0, f.minute ?? 0, f.second ?? 0) - (at - (at % 1000));
  return Date.UTC(year, month, day) - offset;
}

/** The Status filter: one task status, case-insensitive. */
function readStatus(value: unknown): TaskStatus | undefined {
  const status = readString(value, 'Status', 16, null)?.toUpperCase();
  if (!status) return undefined;
  if (!isTaskStatus(status)) throw new DomainError('InvalidArgument', `Status must be one of ${TASK_STATUSES.join(', ')}`, 'Status');
  return status;
}

async function listFilter(deps: CampaignDeps, accountId: string, input: TaskListInput): Promise<TaskListFilter> {
  const status = readStatus(input.Status);
  const agentName = optionalText(input.AgentName, 'AgentName', 128);
  const filter: TaskListFilter = {
    name: optionalText(input.TaskName, 'TaskName', 128),
    taskId: optionalId(input.TaskId, 'TaskId'),
    applicationCode: optionalText(input.ApplicationCode, 'ApplicationCode', 128),
  };
  const source = readInt(input.Source, 'Source', { min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }, null);
  if (source !== null) filter.source = source;
  if (status) filter.statuses = [status];
  if (agentName !== undefined) filter.agentIds = await deps.agents.idsByName(accountId, agentName);
  return filter;
}

/** The counters of one task; a task without recipients needs no counting. */
async function statsOf(deps: CampaignDeps, task: TaskRecord, progress: TaskProgress | undefined, now: number): Promise<TaskStats> {
  const zero = { calledCount: 0, answeredCount: 0, dayImportCount: 0, dayCallCount: 0, dayAnsweredCount: 0 };
  if (!progress || progress.total === 0) return { progress: progress ?? EMPTY_PROGRESS, ...zero };
  const today = startOfLocalDay(now, task.settings.timeZone);
  const c = await deps.store.taskCallCounters(task.accountId, task.id, today);
  return {
    progress, calledCount: c.called, answeredCount: c.answered, dayImportCount: c.importedSince, dayCallCount: c.calledSince, dayAnsweredCount: c.answeredSince,
  };
}

/** The agent names of some tasks, by agent id. */
async function agentNamesOf(deps: CampaignDeps, accountId: string, tasks: readonly TaskRecord[]): Promise<Map<string, string>> {
  const ids = [...new Set(tasks.map((t) => t.settings.agentId).filter((id): id is string => id !== null))];
  return ids.length === 0 ? new Map() : deps.agents.namesOf(accountId, ids);
}

/** One page of the account's tasks, newest first, with their counters. */
export async function pageTasks(deps: CampaignDeps, accountId: string, input: TaskListInput): Promise<TaskPage> {
  const page = readPage(input);
  const filter = await listFilter(deps, accountId, input);
  const { total, items } = await deps.store.listTasks(accountId, filter, page);
  const progress = await deps.store.taskProgress(accountId, items.map((t) => t.id));
  const names = await agentNamesOf(deps, accountId, items);
  const now = deps.clock.now();
  const listed = await Promise.all(
    items.map(async (task) => ({
      task,
      agentName: (task.settings.agentId && names.get(task.settings.agentId)) || null,
      stats: await statsOf(deps, task, progress.get(task.id), now),
    })),
  );
  return { page, total, items: listed };
}

/** One task of the account with its agent's name. */
export async function describeTask(deps: CampaignDeps, accountId: string, taskId: unknown): Promise<TaskOverview> {
  const task = await requireTask(deps, accountId, requireId(taskId, 'TaskId'));
  const names = await agentNamesOf(deps, accountId, [task]);
  return { task, agentName: (task.settings.agentId && names.get(task.settings.agentId)) || null };
}
