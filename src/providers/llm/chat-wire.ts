/**
 * The OpenAI chat-completions wire format: the request body built from the port's types, and lenient schemas of what
 * comes back. Lenient because DashScope, vLLM and Ollama each leave out or null different fields.
 */
import { z } from 'zod';
import type { LlmMessage, LlmRequest, LlmTool } from '../../ports/llm.js';

/** Settings the adapter adds to every request. */
export interface ChatDefaults {
  model: string;
  temperature?: number;
}

type WireMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; tool_calls?: WireToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

function toWireMessage(message: LlmMessage): WireMessage {
  switch (message.role) {
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
    case 'assistant': {
      if (!message.toolCalls?.length) return { role: 'assistant', content: message.content };
      const calls = message.toolCalls.map((call): WireToolCall => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      }));
      return { role: 'assistant', content: message.content, tool_calls: calls };
    }
    default:
      return { role: message.role, content: message.content };
  }
}

function toWireTool(tool: LlmTool) {
  return { type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.parameters } };
}

/** The JSON body of a streamed chat-completions request. */
export function chatRequestBody(request: LlmRequest, defaults: ChatDefaults): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: defaults.model,
    messages: request.messages.map(toWireMessage),
    stream: true,
  };
  // Some servers reject an empty tools array, so it is sent only when there is a tool.
  if (request.tools?.length) body.tools = request.tools.map(toWireTool);
  const temperature = request.temperature ?? defaults.temperature;
  if (temperature !== undefined) body.temperature = temperature;
  if (request.maxTokens !== undefined) body.max_tokens = request.maxTokens;
  return body;
}

const text = z.string().nullish();

/** One tool-call piece of a streamed delta; every field may be missing from a continuation piece. */
const toolCallDelta = z.object({
  index: z.number().int().min(0).optional(),
  id: text,
  function: z.object({ name: text, arguments: text }).nullish(),
});

/** One `data:` event of a streamed answer. */
export const chatChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        index: z.number().optional(),
        delta: z.object({ content: text, tool_calls: z.array(toolCallDelta).nullish() }).nullish(),
        finish_reason: text,
      }),
    )
    .nullish(),
  // vLLM and DashScope report a failure inside a 200 stream this way.
  error: z.unknown().optional(),
});

/** A parsed stream event. */
export type ChatChunk = z.infer<typeof chatChunkSchema>;

/** A tool call of a non-streamed answer; Ollama has been seen sending the arguments as an object. */
const completedToolCall = z.object({
  id: text,
  function: z.object({ name: z.string(), arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish() }),
});

/** A whole answer, for endpoints that ignore `stream: true`. */
export const chatCompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: text, tool_calls: z.array(completedToolCall).nullish() }),
        finish_reason: text,
      }),
    )
    .min(1),
});

/** A parsed non-streamed answer. */
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;

/** The human-readable message of an error body: OpenAI's `{error:{message}}`, Ollama's `{error:"…"}`, or raw text. */
export function errorBodyMessage(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body.trim().slice(0, 200);
  }
  const error = (parsed as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | null | undefined)?.message;
  if (typeof message === 'string') return message;
  return body.trim().slice(0, 200);
}
