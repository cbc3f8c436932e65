/**
 * The post-call analysis of an answered call, stored once with its outcome: by the chat model when one is configured
 * (llm-call-analysis.ts), by rules otherwise or when the model fails (call-analysis-rules.ts).
 */
import type { AgentProfile } from '../agents/agent-profile.js';
import type { Llm } from '../../ports/llm.js';
import { analyzeByRules, type CallEnding } from './call-analysis-rules.js';
import type { CallAnalysis, FlowReport } from './dialog.js';
import { analyzeWithLlm, type LlmAnalysisOptions } from './llm-call-analysis.js';

/** How the call ended, as the analysis needs it (a CallOutcome is one). */
export type { CallEnding } from './call-analysis-rules.js';

/** Analyzes a call from what its flow reported and how it ended; `agent` gives the intent and tag definitions. */
export function analyzeCall(
  report: FlowReport,
  ending: CallEnding,
  agent?: AgentProfile,
  llm?: Llm,
  options: LlmAnalysisOptions = {},
): Promise<CallAnalysis> {
  if (!llm) return Promise.resolve(analyzeByRules(report, ending, agent));
  return analyzeWithLlm(report, ending, llm, agent, options);
}
