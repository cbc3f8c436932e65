/** The calls of a dyvms robot task: the task's robot script, run with the callee's variables. */
import { basicAnalysis } from '../../core/calls/dialog.js';
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { RobotTaskFlow } from '../../core/robot-tasks/robot-task-flow.js';
import type { PlannedConversation } from '../conversation-planner.js';
import { runRobot } from '../robot-flow.js';
import type { TaskFlowDeps } from './task-flows.js';

/** The plan of a robot task's calls; the script is read once per plan (FlowPlanner caches plans per task). */
export function planRobotTask(deps: TaskFlowDeps, task: TaskRecord, flow: RobotTaskFlow): PlannedConversation {
  const script = deps.agents.robots.script(task.accountId, flow.robotId);
  script.catch(() => undefined);
  return {
    engine: 'script',
    flow: async (session) => {
      await runRobot(session, await script);
    },
    analyze: async (report) => basicAnalysis(report),
  };
}
