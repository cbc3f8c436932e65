/**
 * CreateAiCallTask: creates a task; `Data` is the new TaskId (int64). The task's calls are AI voice agent
 * conversations, so a server that cannot understand callees refuses it before anything is stored (docs/speech.md).
 */
import type { CampaignService } from '../../../core/campaigns/campaign-service.js';
import type { SpeechCapability } from '../../../core/calls/speech-capability.js';
import type { ActionHandler } from '../../action.js';
import { requireRecognition } from '../../speech-refusal.js';
import { aiccsSpec } from './aiccs-spec.js';
import { int64Id, okData } from './envelope.js';
import { TASK_EXTENSIONS } from './task-extensions.js';

/** What an aiccs task's calls run, in the words of the refusal. */
export const AGENT_TASK_FLOW = 'AI voice agent conversations, driven by what the callee says';

/** The CreateAiCallTask handler. */
export function createAiCallTask(campaigns: CampaignService, speech: SpeechCapability): ActionHandler {
  return {
    spec: aiccsSpec('CreateAiCallTask', TASK_EXTENSIONS),
    handle: async (ctx, params) => {
      requireRecognition(speech, 'CreateAiCallTask', AGENT_TASK_FLOW);
      return okData(int64Id((await campaigns.createTask(ctx.accountId, params)).id));
    },
  };
}
