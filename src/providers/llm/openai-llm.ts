/**
 * The Llm port over any OpenAI-compatible chat-completions endpoint (DashScope/Qwen, vLLM, Ollama, OpenAI). Answers
 * stream, so an agent can start speaking the first sentence while the model is still writing the rest.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { LlmError, type Llm, type LlmReply, type LlmRequest } from '../../ports/llm.js';
import { AttemptWatch, abortError } from './attempt-watch.js';
import { ChatStreamAssembler, replyFromCompletion } from './chat-stream.js';
import { chatRequestBody, errorBodyMessage } from './chat-wire.js';
import { SseDecoder } from './sse-events.js';

/** How to reach the endpoint and how patient to be with it. */
export interface OpenAiLlmOptions {
  /** The API root, e.g. `https://dashscope.aliyuncs.com/compatible-mode/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  /** Sent as a Bearer token when set; local servers usually need none. */
  apiKey?: string;
  model: string;
  /** Longest wait for the response headers and for each following chunk; not a limit on the whole answer. */
  timeoutMs: number;
  /** Further attempts after a timeout, network fault, 429 or 5xx, made only while nothing has been spoken. */
  maxRetries: number;
  /** Sampling temperature when a request names none; the endpoint's own default when both are absent. */
  temperature?: number;
  /** The fetch implementation; the platform's by default. */
  fetch?: typeof fetch;
}

const BACKOFF_MS = 200;

/** Whether trying again could help: the endpoint was slow, unreachable, overloaded or broken. */
function retryable(error: LlmError): boolean {
  if (error.kind === 'timeout' || error.kind === 'network') return true;
  return error.kind === 'http' && error.status !== undefined && (error.status === 429 || error.status >= 500);
}

/** The API root without trailing slashes; credentials in it would leak into fetch's error messages, so they are refused. */
function apiRoot(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.username || url.password) throw new Error('the LLM base URL must not carry a user name or password; pass the key as apiKey');
  return baseUrl.replace(/\/+$/, '');
}

/** Waits before the next attempt; a barge-in during the wait ends it at once. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    throw signal?.aborted ? abortError(signal) : error;
  }
}

/** Reads a body chunk by chunk, each wait bounded by the attempt's idle timer. */
async function* chunks(body: ReadableStream<Uint8Array>, watch: AttemptWatch): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      watch.arm();
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Leaving early (after [DONE], or on an error) must not leave the connection open.
    await reader.cancel().catch(() => undefined);
  }
}

async function readText(body: ReadableStream<Uint8Array>, watch: AttemptWatch): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks(body, watch)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

async function readStream(body: ReadableStream<Uint8Array>, watch: AttemptWatch, onText?: (d: string) => void): Promise<LlmReply> {
  const sse = new SseDecoder();
  const assembler = new ChatStreamAssembler(onText);
  for await (const chunk of chunks(body, watch)) {
    for (const data of sse.push(chunk)) assembler.accept(data);
    if (assembler.finished) return assembler.reply();
  }
  for (const data of sse.end()) assembler.accept(data);
  return assembler.reply();
}

/** Chat completions over HTTP, streamed, with idle timeouts, retries before the first word and barge-in. */
export class OpenAiLlm implements Llm {
  readonly description: string;
  private readonly endpoint: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: OpenAiLlmOptions) {
    const base = apiRoot(options.baseUrl);
    this.endpoint = `${base}/chat/completions`;
    this.description = `openai-compatible ${options.model} at ${base}`;
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Asks for the next turn; retries only while nothing has reached `onText`, so no words are ever spoken twice. */
  async complete(request: LlmRequest): Promise<LlmReply> {
    const { signal } = request;
    if (signal?.aborted) throw abortError(signal);
    const body = JSON.stringify(chatRequestBody(request, this.options));
    let spoke = false;
    const callerOnText = request.onText;
    const onText = callerOnText
      ? (delta: string) => {
          spoke = true;
          callerOnText(delta);
        }
      : undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(body, signal, onText);
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        if (!(error instanceof LlmError)) throw error;
        if (spoke || !retryable(error) || attempt > this.options.maxRetries) throw finalError(error, attempt);
        await pause(BACKOFF_MS * attempt, signal);
      }
    }
  }

  private async attempt(body: string, signal: AbortSignal | undefined, onText?: (d: string) => void): Promise<LlmReply> {
    const watch = new AttemptWatch(this.options.timeoutMs, signal);
    try {
      const response = await this.fetch(this.endpoint, { method: 'POST', headers: this.headers(), body, signal: watch.signal });
      watch.gotHeaders();
      if (!response.ok) throw await this.httpError(response, watch);
      if (!response.body) throw new LlmError(`${this.endpoint}: the answer has no body`, 'protocol');
      if ((response.headers.get('content-type') ?? '').includes('json')) {
        return replyFromCompletion(await readText(response.body, watch), onText);
      }
      return await readStream(response.body, watch, onText);
    } catch (error) {
      throw watch.explain(error, this.endpoint);
    } finally {
      watch.dispose();
    }
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream, application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    return headers;
  }

  private async httpError(response: Response, watch: AttemptWatch): Promise<LlmError> {
    // The error body is a courtesy: when it cannot be read, the status alone still says what happened.
    const text = response.body ? await readText(response.body, watch).catch(() => '') : '';
    const detail = errorBodyMessage(text) || response.statusText;
    return new LlmError(`${this.endpoint} answered HTTP ${response.status}${detail ? `: ${detail}` : ''}`, 'http', response.status);
  }
}

/** The error to give up with, saying how many attempts it took when there was more than one. */
function finalError(error: LlmError, attempts: number): LlmError {
  if (attempts === 1) return error;
  return new LlmError(`${error.message} (${attempts} attempts)`, error.kind, error.status);
}
