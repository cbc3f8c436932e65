/**
 * Picks the brain of one agent call: the model when an Llm is configured (with the script brain behind it for when
 * the model fails), the script brain alone when not. brainKind() tells beforehand which one calls will get.
 */
import type { AgentProfile } from '../../core/agents/agent-profile.js';
import type { Llm } from '../../ports/llm.js';
import type { AgentBrain } from './agent-brain.js';
import { LlmAgentBrain, type LlmAgentBrainOptions } from './llm-agent-brain.js';
import { ScriptAgentBrain } from './script-agent-brain.js';

/** Model settings of the LLM brain. */
export type LlmBrainSettings = Pick<LlmAgentBrainOptions, 'temperature' | 'maxTokens' | 'onFallback'>;

/** A fresh brain for one call of `profile`; `variables` fill the placeholders of the start word and the prompt. */
export function createAgentBrain(
  profile: AgentProfile,
  variables: Readonly<Record<string, string>>,
  llm?: Llm,
  settings: LlmBrainSettings = {},
): AgentBrain {
  const script = new ScriptAgentBrain(profile, variables);
  if (!llm) return script;
  return new LlmAgentBrain({ llm, profile, variables, fallback: script, ...settings });
}
