/**
 * How a robot task reads in QueryRobotTaskList and QueryRobotTaskDetail. Ids are written as strings (18-19 digits
 * would lose precision as JSON numbers; the doc's QueryRobotv2AllList example quotes its id too). Times follow each
 * action's example: `yyyy.MM.dd HH:mm:ss` in the list, `yyyy-MM-dd HH:mm:ss` in the detail, "" when not yet known.
 * fireTime is when the task first ran, or for a READY task when it will; completeTime is when it finished or was
 * terminated. Each upload is one entry of `called`, named `<upload id>--robotCallApi` like the doc's file names; waihu
 * keeps the numbers in its database, not in a file, so ossFilePath is "" and `count` (waihu's) says how many it held.
 */
import { formatDateTime } from '../local-time.js';
import type { TaskProgress } from '../../ports/campaign-store.js';
import type { RobotTaskUpload, RobotTaskView } from '../../ports/robot-task-store.js';
import { robotTaskStatusOf } from './robot-task-status.js';

function time(at: number | null, zone: string, dotted: boolean): string {
  if (at === null) return '';
  const text = formatDateTime(at, zone);
  return dotted ? text.replace(/-/g, '.') : text;
}

/** The fields the list and the detail share. */
function common(view: RobotTaskView, progress: TaskProgress | undefined, zone: string, dotted: boolean) {
  const { task, robotTask } = view;
  const status = robotTaskStatusOf(task);
  const ended = status === 'FINISH' || status === 'CANCEL';
  return {
    id: task.id,
    taskName: robotTask.taskName,
    robotId: robotTask.dialogId,
    robotName: view.currentRobotName ?? robotTask.robotName,
    status,
    scheduleType: robotTask.scheduleType,
    createTime: time(robotTask.createdAt, zone, dotted),
    completeTime: ended ? time(task.updatedAt, zone, dotted) : '',
    fireTime: time(task.realStartTime ?? task.scheduledStartAt, zone, dotted),
    totalCount: progress?.total ?? 0,
    finishCount: (progress?.byState[4] ?? 0) + (progress?.byState[5] ?? 0),
  };
}

/** One entry of QueryRobotTaskList's Data. */
export function taskListItem(view: RobotTaskView, progress: TaskProgress | undefined, zone: string): Record<string, unknown> {
  return common(view, progress, zone, true);
}

/** QueryRobotTaskDetail's Data. */
export function taskDetail(view: RobotTaskView, progress: TaskProgress | undefined, uploads: readonly RobotTaskUpload[], zone: string): Record<string, unknown> {
  const { robotTask } = view;
  return {
    ...common(view, progress, zone, false),
    corpName: robotTask.corpName,
    caller: robotTask.caller,
    numberStatusIdent: robotTask.numberStatusIdent,
    retryType: robotTask.retryType,
    recallStateCodes: robotTask.recallStateCodes,
    recallTimes: robotTask.recallTimes,
    recallInterval: robotTask.recallInterval,
    isSelfLine: robotTask.isSelfLine,
    called: uploads.map((u) => ({ fileName: `${u.batchId}--robotCallApi`, ossFilePath: '', count: u.rowCount })),
  };
}
