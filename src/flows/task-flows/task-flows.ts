/**
 * The flows of non-aiccs tasks (dyvms CallTasks and robot tasks): FlowPlanner.forTask hands a task that carries a
 * TaskFlow here, and each flow kind is planned by its own module. Plans are cached by FlowPlanner like agent plans.
 */
import type { AgentRegistry } from '../../core/agents/agent-registry.js';
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { VoiceResources } from '../../core/media/voice-resources.js';
import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import type { PlannedConversation } from '../conversation-planner.js';
import { planNotifyTask } from './notify-task-flow.js';
import { planRobotTask } from './robot-task-flow.js';

/** What the task flows are built from. */
export interface TaskFlowDeps {
  agents: AgentRegistry;
  voiceResources: VoiceResources;
  store: Store;
  clock: Clock;
  onWarning(message: string, context: Record<string, unknown>): void;
}

/** Plans the calls of a task that carries a flow. */
export type TaskFlowPlanner = (task: TaskRecord & { flow: NonNullable<TaskRecord['flow']> }) => PlannedConversation;

/** The planner of every TaskFlow kind. */
export function createTaskFlows(deps: TaskFlowDeps): TaskFlowPlanner {
  return (task) => {
    switch (task.flow.kind) {
      case 'notify':
        return planNotifyTask(deps, task, task.flow);
      case 'robot':
        return planRobotTask(deps, task, task.flow);
    }
  };
}
