/** The calls of a dyvms CallTask: the task's TTS template filled with the callee's variables, played as a notification. */
import { basicAnalysis } from '../../core/calls/dialog.js';
import type { NotifyTaskFlow } from '../../core/call-tasks/call-task-flow.js';
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { PlannedConversation } from '../conversation-planner.js';
import { runNotify } from '../notify-flow.js';
import type { TaskFlowDeps } from './task-flows.js';

/** The plan of a CallTask's calls; the template is looked up once per plan (FlowPlanner caches plans per task). */
export function planNotifyTask(deps: TaskFlowDeps, task: TaskRecord, flow: NotifyTaskFlow): PlannedConversation {
  const template = deps.voiceResources.ttsTemplates.get(task.accountId, flow.templateCode);
  template.catch(() => undefined);
  return {
    engine: 'script',
    flow: async (session) => {
      const { content } = await template;
      await runNotify(session, { content: { text: content }, ...(flow.playTimes !== undefined ? { playTimes: flow.playTimes } : {}) });
    },
    analyze: async (report) => basicAnalysis(report),
  };
}
