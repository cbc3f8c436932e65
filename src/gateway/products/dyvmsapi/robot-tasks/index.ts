/** The dyvms robot-task actions (CreateRobotTask ... DeleteRobotTask), over the campaign engine (docs/robot-tasks.md). */
import { RobotTaskService } from '../../../../core/robot-tasks/robot-task-service.js';
import type { ActionHandler } from '../../../action.js';
import type { DyvmsServices } from '../index.js';
import { createRobotTask, startRobotTask, taskCommands, uploadRobotTaskCalledFile } from './robot-task-commands.js';
import { queryRobotTaskCallDetail, queryRobotTaskCallList, queryRobotTaskDetail, queryRobotTaskList } from './robot-task-reads.js';

/** The platform zone when none is configured. */
const DEFAULT_ZONE = 'Asia/Shanghai';

/** Handlers of this area. */
export function robotTaskHandlers(services: DyvmsServices): ActionHandler[] {
  const { store, clock, ids } = services.dyvms;
  const timeZone = services.timeZone ?? DEFAULT_ZONE;
  const service = new RobotTaskService({ store, robots: services.agents.robots, ids, clock, timeZone });
  const reads = { service, store, timeZone, recordingUrls: services.recordingUrls };
  const speech = { speech: services.speech, robots: services.agents.robots };
  return [
    createRobotTask(service, speech),
    uploadRobotTaskCalledFile(service),
    startRobotTask(service, speech),
    ...taskCommands(service),
    queryRobotTaskList(reads),
    queryRobotTaskDetail(reads),
    queryRobotTaskCallList(reads),
    queryRobotTaskCallDetail(reads),
  ];
}
