/**
 * The robot-task actions that change something: CreateRobotTask, UploadRobotTaskCalledFile, StartRobotTask,
 * CancelOrderRobotTask, StopRobotTask, CancelRobotTask, DeleteRobotTask (docs/robot-tasks.md). Success is Code "OK";
 * Create and Upload answer the task id as `Data`, the others `Data: true` as the doc's JSON examples do (the SDK
 * model types it string and turns it into "true"; DeleteRobotTask's XML example shows <TaskId> instead, and waihu
 * answers the same `Data` in both formats).
 */
import type { RobotTaskService } from '../../../../core/robot-tasks/robot-task-service.js';
import type { ActionHandler } from '../../../action.js';
import { gatewayErrors } from '../../../errors.js';
import { catalogSpec } from '../../catalog-spec.js';
import { requireRunnableRobot, type RobotSpeechCheck } from './robot-speech-check.js';

const OK = { Code: 'OK', Message: 'OK' };

/** A Long id parameter as text (the gateway keeps Longs as decimal strings). */
export function idParam(value: unknown, name: string): string {
  if (value === undefined || value === null || String(value).trim() === '') throw gatewayErrors.missingParameter(name);
  return String(value).trim();
}

/** The CreateRobotTask handler; a robot that needs speech the server cannot understand is refused first. */
export function createRobotTask(service: RobotTaskService, speech: RobotSpeechCheck): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'CreateRobotTask'),
    handle: async (ctx, p) => {
      const dialogId = p.DialogId === undefined || p.DialogId === null ? '' : String(p.DialogId).trim();
      if (dialogId !== '') await requireRunnableRobot(speech, ctx.accountId, dialogId, 'CreateRobotTask');
      return { ...OK, Data: await service.create(ctx.accountId, p) };
    },
  };
}

/** The UploadRobotTaskCalledFile handler. */
export function uploadRobotTaskCalledFile(service: RobotTaskService): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'UploadRobotTaskCalledFile'),
    handle: async (ctx, p) => {
      const taskId = idParam(p.Id, 'Id');
      await service.upload(ctx.accountId, taskId, p);
      return { ...OK, Data: taskId };
    },
  };
}

/**
 * The StartRobotTask handler. The robot's script is checked again (it may have been changed, or the server
 * reconfigured, since the task was created): the task's calls read it when they run.
 */
export function startRobotTask(service: RobotTaskService, speech: RobotSpeechCheck): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'StartRobotTask'),
    handle: async (ctx, p) => {
      const scheduleTime = typeof p.ScheduleTime === 'string' && p.ScheduleTime.trim() !== '' ? p.ScheduleTime : undefined;
      const taskId = idParam(p.TaskId, 'TaskId');
      if (!speech.speech.recognition) {
        const view = await service.require(ctx.accountId, taskId, 'TaskId');
        await requireRunnableRobot(speech, ctx.accountId, view.robotTask.dialogId, 'StartRobotTask');
      }
      await service.start(ctx.accountId, taskId, scheduleTime);
      return { ...OK, Data: true };
    },
  };
}

/** A handler whose only parameter is TaskId. */
function taskCommand(action: string, run: (accountId: string, taskId: string) => Promise<void>): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', action),
    handle: async (ctx, p) => {
      // CancelRobotTask's doc marks TaskId optional, but without it there is no task to act on.
      await run(ctx.accountId, idParam(p.TaskId, 'TaskId'));
      return { ...OK, Data: true };
    },
  };
}

/** The CancelOrderRobotTask, StopRobotTask, CancelRobotTask and DeleteRobotTask handlers. */
export function taskCommands(service: RobotTaskService): ActionHandler[] {
  return [
    taskCommand('CancelOrderRobotTask', (a, t) => service.cancelOrder(a, t)),
    taskCommand('StopRobotTask', (a, t) => service.stop(a, t)),
    taskCommand('CancelRobotTask', (a, t) => service.cancel(a, t)),
    taskCommand('DeleteRobotTask', (a, t) => service.delete(a, t)),
  ];
}
