/**
 * Test helpers for running the LLM agent against the real OpenAI adapter: a local node:http endpoint that answers
 * chat-completions requests in OpenAI's SSE format as each test scripts it, and a gate that keeps the virtual clock
 * from jumping while a request is on the wire and nothing is being spoken (real I/O is invisible to the clock).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import type { Llm } from '../../ports/llm.js';
import type { AgentSession } from './agent-flow.js';

/** One request the endpoint received. */
export interface SeenRequest {
  body: { model: string; stream: boolean; messages: Array<Record<string, unknown>>; tools?: Array<{ function: { name: string } }> };
  /** Resolves when the client closed the connection of this request. */
  closed: Promise<void>;
}

/** Answers the `index`-th request (0-based). */
export type ScriptedAnswer = (res: ServerResponse, request: SeenRequest) => void | Promise<void>;

/** A local OpenAI-compatible endpoint answering requests in order with `answers`; closed when the test ends. */
export async function openAiEndpoint(t: TestContext, answers: ScriptedAnswer[]): Promise<{ baseUrl: string; seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const closed = new Promise<void>((resolve) => res.once('close', () => resolve()));
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const request: SeenRequest = { body: JSON.parse(Buffer.concat(parts).toString('utf8')) as SeenRequest['body'], closed };
      seen.push(request);
      const answer = answers[seen.length - 1];
      if (answer) void answer(res, request);
      else res.writeHead(500).end('{"error":{"message":"no scripted answer"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen };
}

/** A tool call the scripted model makes. */
export interface ScriptedToolCall {
  name: string;
  arguments?: Record<string, unknown>;
}

const event = (delta: Record<string, unknown>, finish: string | null = null): string =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/** Starts an SSE answer. */
export function startStream(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.write(event({ role: 'assistant', content: '' }));
}

/** Writes text pieces, each its own event. */
export function writeText(res: ServerResponse, pieces: readonly string[]): void {
  for (const content of pieces) res.write(event({ content }));
}

/** Writes the tool calls (arguments split in two pieces, as real servers do), the finish reason and [DONE]. */
export function finishStream(res: ServerResponse, calls: readonly ScriptedToolCall[] = []): void {
  calls.forEach((call, index) => {
    const args = JSON.stringify(call.arguments ?? {});
    const half = Math.floor(args.length / 2);
    res.write(event({ tool_calls: [{ index, id: `call_${index}`, type: 'function', function: { name: call.name, arguments: args.slice(0, half) } }] }));
    res.write(event({ tool_calls: [{ index, function: { arguments: args.slice(half) } }] }));
  });
  res.write(event({}, calls.length > 0 ? 'tool_calls' : 'stop'));
  res.end('data: [DONE]\n\n');
}

/** A whole answer at once: text pieces, then tool calls. */
export const answerWith = (pieces: readonly string[], calls: readonly ScriptedToolCall[] = []): ScriptedAnswer => (res) => {
  startStream(res);
  writeText(res, pieces);
  finishStream(res, calls);
};

/**
 * Counts model requests in flight and prompts being spoken. The virtual clock may move only while something is being
 * spoken or no request is on the wire; otherwise it would jump to the next timer while the answer is still coming.
 */
export class IoGate {
  private inFlight = 0;
  private speaking = 0;
  /** Every text handed to speech, in order. */
  readonly said: string[] = [];
  private readonly sayWaiters: Array<{ text: string; resolve: () => void }> = [];

  /** The virtual clock's isBusy hook. */
  readonly busy = (): boolean => this.inFlight > 0 && this.speaking === 0;

  /** `llm`, counted. */
  llm(llm: Llm): Llm {
    return {
      description: llm.description,
      complete: (request) => {
        this.inFlight++;
        return llm.complete(request).finally(() => this.inFlight--);
      },
    };
  }

  /** `session`, with its prompts counted. */
  session(session: AgentSession): AgentSession {
    const say: AgentSession['say'] = async (text, options) => {
      this.said.push(text);
      for (const waiter of this.sayWaiters.filter((w) => w.text === text)) waiter.resolve();
      this.speaking++;
      try {
        return await session.say(text, options);
      } finally {
        this.speaking--;
      }
    };
    return new Proxy(session, {
      get: (target, prop) => {
        if (prop === 'say') return say;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** Resolves once `text` has been handed to speech. */
  handedToSpeech(text: string): Promise<void> {
    if (this.said.includes(text)) return Promise.resolve();
    return new Promise((resolve) => this.sayWaiters.push({ text, resolve }));
  }
}
