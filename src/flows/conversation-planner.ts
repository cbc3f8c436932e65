/**
 * What an answered call will run and how it will be analysed, decided before the call: for a campaign task from its
 * agent, for a single call from the request (LlmSmartCall's ApplicationCode and parameters). The dialer and the
 * single-call service ask this; the flows behind it know nothing of tasks or requests.
 */
import type { TaskRecord } from '../core/campaigns/campaign-records.js';
import type { CallAnalysis, FlowReport } from '../core/calls/dialog.js';
import type { CallOutcome } from '../ports/telephony.js';
import type { RecordingSession } from './recording-session.js';

/** A flow on a recording session. */
export type Flow = (session: RecordingSession) => Promise<void>;

/** Analyses a finished answered call from its flow's report. */
export type Analyzer = (report: FlowReport, outcome: CallOutcome) => Promise<CallAnalysis>;

/** An LlmSmartCall request's part in the conversation. */
export interface ApplicationCallRequest {
  accountId: string;
  applicationCode: string;
  /** Values of the start word's and the prompt's placeholders. */
  startWordParams: Readonly<Record<string, string>>;
  promptParams: Readonly<Record<string, string>>;
  /** Overrides of the application's voice, speed and volume. */
  voice?: string;
  speed?: number;
  volume?: number;
  /** Longest conversation (LlmSmartCall SessionTimeout). */
  sessionTimeoutMs?: number;
}

/** A planned conversation. */
export interface PlannedConversation {
  flow: Flow;
  analyze: Analyzer;
  /** Which engine talks: an LLM, or the deterministic script engine (no LLM configured). */
  engine: 'llm' | 'script';
}

/** Plans conversations; see the module comment. */
export interface ConversationPlanner {
  /** The flow of a task's answered calls (the agent is looked up when the first call is answered, then cached). */
  forTask(task: TaskRecord): PlannedConversation;
  /** The flow of an LlmSmartCall; NotFound naming ApplicationCode when the account has no such application. */
  forApplication(request: ApplicationCallRequest): Promise<PlannedConversation>;
}
