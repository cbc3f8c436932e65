/** What the CallTask use cases are built from; wired in src/gateway/products/dyvmsapi/call-tasks. */
import type { CallTaskStore } from '../../ports/call-task-store.js';
import type { CampaignTaskStore, CampaignDetailStore } from '../../ports/campaign-store.js';
import type { Clock } from '../../ports/clock.js';
import type { CallerNumberStore } from '../../ports/voice-resource-store.js';
import type { IdSource } from '../campaigns/campaign-deps.js';
import type { TtsTemplateService } from '../media/tts-templates.js';

/** A voice file as a CallTask needs it: that it exists, and its name for TemplateName. */
export interface CallTaskVoiceFile {
  name?: string;
}

/** Finds one of the account's voice files by its code; undefined when it has none of that code. */
export type CallTaskVoiceFileLookup = (accountId: string, code: string) => Promise<CallTaskVoiceFile | undefined>;

/** Dependencies of the CallTask use cases. */
export interface CallTaskDeps {
  store: CallTaskStore
    & Pick<CampaignTaskStore, 'insertTask' | 'changeTaskStatus' | 'taskProgress'>
    & Pick<CampaignDetailStore, 'importDetails'>
    & Pick<CallerNumberStore, 'hasCallerNumber'>;
  /** Ids of the callees (campaign details). */
  ids: IdSource;
  /** Ids of the CallTasks themselves, which must stay below 2^53 (CallTaskIds). */
  taskIds: IdSource;
  clock: Clock;
  templates: Pick<TtsTemplateService, 'get'>;
  voiceFiles: CallTaskVoiceFileLookup;
  /** The platform's zone: FireTime is read in it, and the tasks' calendars use it. */
  timeZone: string;
}
