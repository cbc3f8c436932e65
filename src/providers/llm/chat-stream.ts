/**
 * Builds the model's reply from what the endpoint sent: streamed chunks (text deltas passed on as they arrive, tool
 * calls glued together from their pieces) or one non-streamed completion.
 */
import { LlmError, type LlmReply, type LlmToolCall } from '../../ports/llm.js';
import { chatChunkSchema, chatCompletionSchema, errorBodyMessage, type ChatChunk } from './chat-wire.js';

interface PartialToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** The arguments object of a tool call; anything that is not a JSON object becomes `{}`, as the port promises. */
export function parseToolArguments(raw: string | Record<string, unknown> | null | undefined): Record<string, unknown> {
  if (raw === null || raw === undefined) return {};
  if (typeof raw === 'object') return raw;
  if (raw.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function parseJson(data: string, what: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new LlmError(`unreadable ${what}: ${data.slice(0, 120)}`, 'protocol');
  }
}

/** Collects one streamed answer; one instance per attempt, so a retried attempt starts from nothing. */
export class ChatStreamAssembler {
  private text = '';
  private finishReason: string | undefined;
  private readonly calls = new Map<number, PartialToolCall>();
  private events = 0;
  private done = false;

  constructor(private readonly onText?: (delta: string) => void) {}

  /** True once `data: [DONE]` arrived; nothing after it matters. */
  get finished(): boolean {
    return this.done;
  }

  /** Takes the data of one event. */
  accept(data: string): void {
    if (this.done || data.trim() === '') return;
    if (data.trim() === '[DONE]') {
      this.done = true;
      return;
    }
    this.events++;
    const parsed = chatChunkSchema.safeParse(parseJson(data, 'stream event'));
    if (!parsed.success) throw new LlmError(`unexpected stream event: ${data.slice(0, 120)}`, 'protocol');
    if (parsed.data.error !== undefined) {
      throw new LlmError(`the endpoint reported an error mid-answer: ${errorBodyMessage(data)}`, 'http');
    }
    this.acceptChunk(parsed.data);
  }

  private acceptChunk(chunk: ChatChunk): void {
    // Only the first choice is wanted; the final usage-only chunk has none at all.
    const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
    if (!choice) return;
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    const content = choice.delta?.content;
    if (content) {
      this.text += content;
      this.onText?.(content);
    }
    choice.delta?.tool_calls?.forEach((piece, position) => {
      const index = piece.index ?? position;
      const call = this.calls.get(index) ?? { id: '', name: '', arguments: '' };
      // Ids and names come once, in the first piece; a server that repeats them must not double them.
      if (!call.id && piece.id) call.id = piece.id;
      if (!call.name && piece.function?.name) call.name = piece.function.name;
      call.arguments += piece.function?.arguments ?? '';
      this.calls.set(index, call);
    });
  }

  /** The complete reply; a stream that carried no event at all is unreadable. */
  reply(): LlmReply {
    if (this.events === 0) throw new LlmError('the answer stream ended without any event', 'protocol');
    const toolCalls: LlmToolCall[] = [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, call]) => call.name !== '')
      .map(([index, call]) => ({ id: call.id || `call_${index}`, name: call.name, arguments: parseToolArguments(call.arguments) }));
    const finishReason = this.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop');
    return { text: this.text, toolCalls, finishReason };
  }
}

/** The reply of an endpoint that answered with one JSON completion instead of a stream. */
export function replyFromCompletion(body: string, onText?: (delta: string) => void): LlmReply {
  const parsed = chatCompletionSchema.safeParse(parseJson(body, 'completion'));
  if (!parsed.success) throw new LlmError(`unexpected completion: ${body.slice(0, 120)}`, 'protocol');
  const choice = parsed.data.choices[0];
  if (!choice) throw new LlmError('the completion has no choice', 'protocol');
  const message = choice.message;
  const text = message.content ?? '';
  if (text) onText?.(text);
  const toolCalls = (message.tool_calls ?? []).map((call, index) => ({
    id: call.id || `call_${index}`,
    name: call.function.name,
    arguments: parseToolArguments(call.function.arguments),
  }));
  return { text, toolCalls, finishReason: choice.finish_reason ?? (toolCalls.length ? 'tool_calls' : 'stop') };
}
