/**
 * A chat model: the LLM agent, the LLM-driven simulated callee and the post-call analysis ask it for the next words.
 * Implemented by OpenAiLlm (any OpenAI-compatible chat-completions endpoint: DashScope/Qwen, vLLM, Ollama, OpenAI).
 * With no model configured there is no Llm at all: callers fall back to their deterministic script engines.
 */

/** A function the model may call instead of (or besides) speaking: hang up, transfer, set a tag. */
export interface LlmTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

/** A call of a tool the model asked for. */
export interface LlmToolCall {
  /** The id the model gave the call; echoed back in the `tool` message that answers it. */
  id: string;
  name: string;
  /** The parsed arguments; `{}` when the model sent none or sent text that is not a JSON object. */
  arguments: Record<string, unknown>;
}

/** One message of the conversation handed to the model. */
export type LlmMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: LlmToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

/** One request for the model's next turn. */
export interface LlmRequest {
  messages: LlmMessage[];
  tools?: LlmTool[];
  /** Sampling temperature; the adapter's default when absent. */
  temperature?: number;
  /** Longest answer in tokens; the adapter's default when absent. */
  maxTokens?: number;
  /**
   * Aborting stops the request at once (barge-in: the callee spoke, the answer is no longer wanted); the call then
   * rejects with an AbortError and is not retried.
   */
  signal?: AbortSignal;
  /** Called with each piece of text as it streams in, so speech can start before the answer is complete. */
  onText?: (delta: string) => void;
}

/** The model's complete answer. */
export interface LlmReply {
  /** Everything the model said (the concatenation of the streamed pieces). */
  text: string;
  toolCalls: LlmToolCall[];
  /** Why the model stopped: 'stop', 'tool_calls', 'length', ... as the endpoint reports it. */
  finishReason: string;
}

/** Why a model call failed, so callers can tell an outage from a bad request. */
export class LlmError extends Error {
  constructor(
    message: string,
    /** 'timeout' (no answer in time, after retries), 'http' (the endpoint answered an error), 'protocol' (unreadable answer), 'network'. */
    readonly kind: 'timeout' | 'http' | 'protocol' | 'network',
    /** The HTTP status, when the endpoint answered one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

/** A chat model. */
export interface Llm {
  /** What is in use, for logs and the console: e.g. `openai-compatible qwen-plus at https://dashscope.aliyuncs.com/compatible-mode/v1`. */
  readonly description: string;
  /** Asks for the next turn; streams text through `onText`; rejects with LlmError or, when aborted, an AbortError. */
  complete(request: LlmRequest): Promise<LlmReply>;
}
