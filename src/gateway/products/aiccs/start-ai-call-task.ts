/**
 * StartAiCallTask: runs a task that is INIT, STOPPED or FAILED; `Data` is true. A server that cannot understand
 * callees refuses it (the task may have been created before the carrier changed), after the TaskId is checked.
 */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { SpeechCapability } from '../../../core/calls/speech-capability.js';
import type { ActionHandler } from '../../action.js';
import { requireRecognition } from '../../speech-refusal.js';
import { aiccsSpec } from './aiccs-spec.js';
import { AGENT_TASK_FLOW } from './create-ai-call-task.js';
import { okData } from './envelope.js';

/** The StartAiCallTask handler. */
export function startAiCallTask(campaigns: CampaignService, speech: SpeechCapability): ActionHandler {
  return {
    spec: aiccsSpec('StartAiCallTask'),
    handle: async (ctx, params) => {
      if (!speech.recognition) {
        await campaigns.describeTask(ctx.accountId, params.TaskId);
        requireRecognition(speech, 'StartAiCallTask', AGENT_TASK_FLOW);
      }
      await campaigns.startTask(ctx.accountId, params.TaskId);
      return okData(true);
    },
  };
}
