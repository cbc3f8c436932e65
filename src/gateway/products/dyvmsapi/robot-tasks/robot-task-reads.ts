/**
 * The robot-task queries: QueryRobotTaskList, QueryRobotTaskDetail, QueryRobotTaskCallList, QueryRobotTaskCallDetail.
 * `Data` is always JSON text, as the SDK models type it (an object there would make the generated SDKs throw), and
 * QueryRobotTaskList's paging fields are strings as documented. Paging: PageNo from 1, PageSize 1-100 (default 10).
 */
import type { RecordingUrls } from '../../../../core/recordings/recording-links.js';
import { DomainError } from '../../../../core/errors.js';
import { readPage, optionalCount, optionalText, checkRange } from '../../../../core/campaigns/query-values.js';
import { daySpan } from '../../../../core/local-time.js';
import { callDetailItem, callListItem, resultsOfCode } from '../../../../core/robot-tasks/robot-task-calls.js';
import type { RobotTaskService } from '../../../../core/robot-tasks/robot-task-service.js';
import { engineConditionsOf, isRobotTaskStatus } from '../../../../core/robot-tasks/robot-task-status.js';
import { dayAround } from '../../../../core/robot-tasks/robot-task-time.js';
import { taskDetail, taskListItem } from '../../../../core/robot-tasks/robot-task-views.js';
import type { RobotTaskCallFilter, RobotTaskListFilter } from '../../../../ports/robot-task-store.js';
import type { Store } from '../../../../ports/store.js';
import type { ActionHandler } from '../../../action.js';
import { catalogSpec } from '../../catalog-spec.js';
import { idParam } from './robot-task-commands.js';

/** What the queries read. */
export interface RobotTaskReads {
  service: RobotTaskService;
  store: Store;
  timeZone: string;
  recordingUrls: RecordingUrls;
}

const OK = { Code: 'OK', Message: 'OK' };
const MAX_INSTANT_MS = 8.64e15;

/** QueryRobotTaskList's filters. */
function listFilter(p: Record<string, unknown>, zone: string): RobotTaskListFilter {
  const filter: RobotTaskListFilter = {};
  const name = optionalText(p.TaskName, 'TaskName', 64);
  if (name !== undefined) filter.name = name;
  const status = optionalText(p.Status, 'Status');
  if (status !== undefined && isRobotTaskStatus(status)) filter.conditions = engineConditionsOf([status]);
  const day = optionalText(p.Time, 'Time', 10);
  if (day !== undefined) {
    const { start, end } = daySpan(day, zone, 'Time');
    filter.createdFrom = start;
    filter.createdTo = end;
  }
  return filter;
}

/** The QueryRobotTaskList handler. */
export function queryRobotTaskList(r: RobotTaskReads): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'QueryRobotTaskList'),
    handle: async (ctx, p) => {
      const page = readPage(p);
      const result = await r.store.pageRobotTasks(ctx.accountId, listFilter(p, r.timeZone), page);
      const progress = await r.store.taskProgress(ctx.accountId, result.items.map((v) => v.task.id));
      const items = result.items.map((v) => taskListItem(v, progress.get(v.task.id), r.timeZone));
      return { ...OK, Data: JSON.stringify(items), PageNo: String(page.pageNo), PageSize: String(page.pageSize), TotalCount: String(result.total) };
    },
  };
}

/** The QueryRobotTaskDetail handler. */
export function queryRobotTaskDetail(r: RobotTaskReads): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'QueryRobotTaskDetail'),
    handle: async (ctx, p) => {
      const view = await r.service.require(ctx.accountId, idParam(p.Id, 'Id'), 'Id');
      const progress = await r.store.taskProgress(ctx.accountId, [view.task.id]);
      const uploads = await r.store.listRobotTaskUploads(ctx.accountId, view.task.id);
      return { ...OK, Data: JSON.stringify(taskDetail(view, progress.get(view.task.id), uploads, r.timeZone)) };
    },
  };
}

/** QueryRobotTaskCallList's filters; each error names its parameter. */
function callFilter(p: Record<string, unknown>): RobotTaskCallFilter {
  const filter: RobotTaskCallFilter = {};
  const called = optionalText(p.Called, 'Called', 32);
  if (called !== undefined) filter.called = called;
  const ranges = [['DurationFrom', 'minDuration'], ['DurationTo', 'maxDuration'], ['DialogCountFrom', 'minDialogCount'], ['DialogCountTo', 'maxDialogCount']] as const;
  for (const [param, key] of ranges) {
    const value = optionalCount(p[param], param);
    if (value !== undefined) filter[key] = value;
  }
  checkRange(filter.minDuration, filter.maxDuration, 'DurationFrom', 'DurationTo');
  checkRange(filter.minDialogCount, filter.maxDialogCount, 'DialogCountFrom', 'DialogCountTo');
  // "1" the callee, "0" the robot: the reading of the response tables and the example (robot-task-calls.ts).
  if (p.HangupDirection === '1') filter.hangupDirection = 'user';
  if (p.HangupDirection === '0') filter.hangupDirection = 'robot';
  const code = optionalText(p.CallResult, 'CallResult', 16);
  if (code !== undefined) {
    const results = resultsOfCode(code);
    if (!results) throw new DomainError('InvalidArgument', `CallResult "${code}" is not a call state code such as 200002, 200003, 200005, 200010, 200011, 200012 or 200000`, 'CallResult');
    filter.callResults = results;
  }
  return filter;
}

/** The QueryRobotTaskCallList handler. */
export function queryRobotTaskCallList(r: RobotTaskReads): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'QueryRobotTaskCallList'),
    handle: async (ctx, p) => {
      const view = await r.service.require(ctx.accountId, idParam(p.TaskId, 'TaskId'), 'TaskId');
      const filter = callFilter(p);
      const result = await r.store.pageRobotTaskCalls(ctx.accountId, view.task.id, filter, readPage(p));
      return { ...OK, Data: JSON.stringify(result.items.map((call) => callListItem(call, r.timeZone))) };
    },
  };
}

/** The QueryRobotTaskCallDetail handler: the latest call to Callee on QueryDate's day (platform zone). */
export function queryRobotTaskCallDetail(r: RobotTaskReads): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'QueryRobotTaskCallDetail'),
    handle: async (ctx, p) => {
      const view = await r.service.require(ctx.accountId, idParam(p.TaskId, 'TaskId'), 'TaskId');
      const queryDate = Number(p.QueryDate);
      if (!Number.isSafeInteger(queryDate) || queryDate < 0 || queryDate > MAX_INSTANT_MS) {
        throw new DomainError('InvalidArgument', 'QueryDate must be a Unix time in milliseconds, such as 1562297550000', 'QueryDate');
      }
      const callee = String(p.Callee).trim();
      const { start, end } = dayAround(queryDate, r.timeZone, 'QueryDate');
      const call = await r.store.findRobotTaskCall(ctx.accountId, view.task.id, callee, start, end);
      if (!call) throw new DomainError('NotFound', `Task ${view.task.id} has no ended call to Callee "${callee}" on the day of QueryDate.`, 'Callee');
      return { ...OK, Data: JSON.stringify(callDetailItem(call, r.timeZone, r.recordingUrls)) };
    },
  };
}
