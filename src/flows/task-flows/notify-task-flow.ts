/**
 * The calls of a dyvms CallTask: the task's TTS template filled with the callee's variables, or its voice file,
 * played as a notification. A template deleted after the task was created cannot be spoken: the call hangs up
 * without a word and the planner warns, rather than the call failing as an error.
 */
import { basicAnalysis } from '../../core/calls/dialog.js';
import type { NotifyTaskFlow } from '../../core/call-tasks/call-task-flow.js';
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import { CallHungUpError } from '../../ports/call-session.js';
import type { PlannedConversation } from '../conversation-planner.js';
import { runNotify, type PromptContent } from '../notify-flow.js';
import type { TaskFlowDeps } from './task-flows.js';

/** The prompt of a TTS-template flow, looked up once; undefined when the template is gone. */
function templatePrompt(deps: TaskFlowDeps, task: TaskRecord, flow: NotifyTaskFlow): Promise<PromptContent | undefined> {
  return deps.voiceResources.ttsTemplates.get(task.accountId, flow.templateCode).then(
    (template) => ({ text: template.content }),
    (error: unknown) => {
      deps.onWarning('the TTS template of a call task cannot be read; its calls hang up silently', {
        taskId: task.id, templateCode: flow.templateCode, error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    },
  );
}

/** The plan of a CallTask's calls; the template is looked up once per plan (FlowPlanner caches plans per task). */
export function planNotifyTask(deps: TaskFlowDeps, task: TaskRecord, flow: NotifyTaskFlow): PlannedConversation {
  const prompt: Promise<PromptContent | undefined> = flow.media === 'voice-file'
    ? Promise.resolve({ mediaId: flow.templateCode })
    : templatePrompt(deps, task, flow);
  return {
    engine: 'script',
    flow: async (session) => {
      const content = await prompt;
      if (content === undefined) {
        await session.hangup().catch((error: unknown) => {
          if (!(error instanceof CallHungUpError)) throw error;
        });
        return;
      }
      await runNotify(session, { content, ...(flow.playTimes !== undefined ? { playTimes: flow.playTimes } : {}) });
    },
    analyze: async (report) => basicAnalysis(report),
  };
}
