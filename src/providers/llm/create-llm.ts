/** Picks the chat model from the configuration: the OpenAI-compatible endpoint when one is named, else none. */
import type { Config } from '../../config/config.js';
import type { Llm } from '../../ports/llm.js';
import { OpenAiLlm } from './openai-llm.js';

/** The settings createLlm reads; a subset of Config so tests and tools need not build a whole one. */
export type LlmSettings = Pick<Config, 'llmBaseUrl' | 'llmApiKey' | 'llmModel' | 'llmTimeoutMs' | 'llmMaxRetries'>;

/** The configured model, or undefined when no base URL is set (agents then run on their script engines). */
export function createLlm(config: LlmSettings): Llm | undefined {
  if (!config.llmBaseUrl) return undefined;
  return new OpenAiLlm({
    baseUrl: config.llmBaseUrl,
    apiKey: config.llmApiKey,
    model: config.llmModel,
    timeoutMs: config.llmTimeoutMs,
    maxRetries: config.llmMaxRetries,
  });
}
