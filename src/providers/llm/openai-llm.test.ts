import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { LlmError, type LlmRequest } from '../../ports/llm.js';
import { OpenAiLlm, type OpenAiLlmOptions } from './openai-llm.js';

/** What the endpoint received in one request. */
interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Resolves when the client's connection for this request closes. */
  closed: Promise<void>;
}

type Handler = (res: ServerResponse, attempt: number) => void | Promise<void>;

/** A local OpenAI-compatible endpoint whose answers the test scripts, closed when the test ends. */
async function endpoint(t: TestContext, handler: Handler): Promise<{ baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const closed = new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(parts).toString('utf8')), closed });
      void handler(res, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen };
}

const sse = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;
const piece = (delta: Record<string, unknown>, finish: string | null = null) =>
  sse({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] });

function startStream(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
}

/** Streams the pieces as separate writes with a pause between, so they reach the client as separate chunks. */
async function streamWrites(res: ServerResponse, writes: Array<string | Buffer>, gapMs = 15): Promise<void> {
  startStream(res);
  for (const write of writes) {
    res.write(write);
    await sleep(gapMs);
  }
  res.end();
}

const llmAt = (baseUrl: string, options: Partial<OpenAiLlmOptions> = {}) =>
  new OpenAiLlm({ baseUrl, model: 'qwen-plus', timeoutMs: 2000, maxRetries: 2, ...options });

const ask = (text: string, extra: Partial<LlmRequest> = {}): LlmRequest => ({ messages: [{ role: 'user', content: text }], ...extra });

const isLlmError = (kind: LlmError['kind'], status?: number, message?: RegExp) => (error: unknown) =>
  error instanceof LlmError && error.kind === kind && error.status === status && (!message || message.test(error.message));

test('streamed text reaches onText piece by piece, a Chinese character cut between two writes intact', async (t) => {
  const split = Buffer.from(piece({ content: '我是小王' }));
  const cut = split.indexOf(Buffer.from('小')) + 1; // inside the three bytes of 小
  const { baseUrl } = await endpoint(t, (res) =>
    streamWrites(res, [
      ': keep-alive\n\n',
      piece({ role: 'assistant', content: '' }),
      piece({ content: '您好，' }).replace(/\n/g, '\r\n'),
      split.subarray(0, cut),
      split.subarray(cut),
      piece({}, 'stop'),
      'data: [DONE]\n\n',
    ]),
  );
  const heard: string[] = [];
  const reply = await llmAt(baseUrl).complete(ask('喂？', { onText: (d) => heard.push(d) }));
  assert.deepEqual(heard, ['您好，', '我是小王']);
  assert.deepEqual(reply, { text: '您好，我是小王', toolCalls: [], finishReason: 'stop' });
});

test('the request carries model, mapped messages, tools, options and the bearer key', async (t) => {
  const { baseUrl, seen } = await endpoint(t, (res) => streamWrites(res, [piece({ content: '好' }, 'stop'), 'data: [DONE]\n\n']));
  const llm = llmAt(`${baseUrl}/`, { apiKey: 'sk-secret-1', temperature: 0.3 });
  await llm.complete({
    messages: [
      { role: 'system', content: '你是客服' },
      { role: 'user', content: '我要投诉' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'set_tag', arguments: { tag: '投诉' } }] },
      { role: 'tool', toolCallId: 'call_1', content: 'ok' },
    ],
    tools: [{ name: 'hang_up', description: '结束通话', parameters: { type: 'object', properties: { reason: { type: 'string' } } } }],
    maxTokens: 200,
  });
  assert.equal(seen.length, 1);
  assert.equal(seen[0]!.url, '/v1/chat/completions');
  assert.equal(seen[0]!.headers.authorization, 'Bearer sk-secret-1');
  assert.deepEqual(seen[0]!.body, {
    model: 'qwen-plus',
    stream: true,
    temperature: 0.3,
    max_tokens: 200,
    messages: [
      { role: 'system', content: '你是客服' },
      { role: 'user', content: '我要投诉' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'set_tag', arguments: '{"tag":"投诉"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'ok' },
    ],
    tools: [
      { type: 'function', function: { name: 'hang_up', description: '结束通话', parameters: { type: 'object', properties: { reason: { type: 'string' } } } } },
    ],
  });
  assert.equal(llm.description, `openai-compatible qwen-plus at ${baseUrl}`);
  assert.ok(!llm.description.includes('sk-secret-1'));
});

test('a tool call streamed in pieces, its arguments cut mid-string, arrives whole and parsed', async (t) => {
  const args = '{"reason":"客户明确拒绝"}';
  const { baseUrl, seen } = await endpoint(t, (res) =>
    streamWrites(res, [
      piece({ content: '好的，' }),
      piece({ tool_calls: [{ index: 0, id: 'call_9', type: 'function', function: { name: 'hang_up', arguments: '' } }] }),
      piece({ tool_calls: [{ index: 0, function: { arguments: args.slice(0, 14) } }] }),
      piece({ tool_calls: [{ index: 0, function: { arguments: args.slice(14) } }] }),
      piece({}, 'tool_calls'),
      'data: [DONE]\n\n',
    ]),
  );
  const reply = await llmAt(baseUrl).complete(ask('不要了'));
  assert.deepEqual(reply, {
    text: '好的，',
    toolCalls: [{ id: 'call_9', name: 'hang_up', arguments: { reason: '客户明确拒绝' } }],
    finishReason: 'tool_calls',
  });
  assert.equal(seen[0]!.headers.authorization, undefined);
});

test('an endpoint that answers one JSON completion instead of a stream works too', async (t) => {
  const { baseUrl } = await endpoint(t, (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: '稍后回电。' }, finish_reason: 'stop' }] }));
  });
  const heard: string[] = [];
  const reply = await llmAt(baseUrl).complete(ask('忙', { onText: (d) => heard.push(d) }));
  assert.deepEqual(reply, { text: '稍后回电。', toolCalls: [], finishReason: 'stop' });
  assert.deepEqual(heard, ['稍后回电。']);
});

test('a long answer is not cut while its pieces keep coming within the idle timeout', async (t) => {
  const words = ['一', '二', '三', '四', '五', '六'];
  const { baseUrl } = await endpoint(t, (res) => streamWrites(res, [...words.map((w) => piece({ content: w })), 'data: [DONE]\n\n'], 100));
  const reply = await llmAt(baseUrl, { timeoutMs: 400 }).complete(ask('数数'));
  assert.equal(reply.text, words.join(''));
});

test('a 500 before any text is retried and the caller hears the answer once', async (t) => {
  const { baseUrl, seen } = await endpoint(t, (res, attempt) => {
    if (attempt === 1) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'upstream busy' } }));
      return;
    }
    return streamWrites(res, [piece({ content: '您好' }), piece({ content: '！' }, 'stop'), 'data: [DONE]\n\n']);
  });
  const heard: string[] = [];
  const reply = await llmAt(baseUrl).complete(ask('喂', { onText: (d) => heard.push(d) }));
  assert.equal(seen.length, 2);
  assert.deepEqual(heard, ['您好', '！']);
  assert.equal(reply.text, '您好！');
});

test("a 400 fails at once with the endpoint's own message", async (t) => {
  const { baseUrl, seen } = await endpoint(t, (res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'bad model', type: 'invalid_request_error' } }));
  });
  await assert.rejects(llmAt(baseUrl).complete(ask('喂')), isLlmError('http', 400, /bad model/));
  assert.equal(seen.length, 1);
});

test('headers that never come time out on every attempt, then fail as a timeout', async (t) => {
  const { baseUrl, seen } = await endpoint(t, () => undefined);
  await assert.rejects(llmAt(baseUrl, { timeoutMs: 150, maxRetries: 2 }).complete(ask('喂')), isLlmError('timeout'));
  assert.equal(seen.length, 3);
});

test('a stream that stalls after text was spoken fails as a timeout without a retry', async (t) => {
  const { baseUrl, seen } = await endpoint(t, (res) => {
    startStream(res);
    res.write(piece({ content: '您好，' }));
  });
  const heard: string[] = [];
  const llm = llmAt(baseUrl, { timeoutMs: 150, maxRetries: 2 });
  await assert.rejects(llm.complete(ask('喂', { onText: (d) => heard.push(d) })), isLlmError('timeout'));
  assert.deepEqual(heard, ['您好，']);
  assert.equal(seen.length, 1);
});

test('a connection cut after text was spoken fails as a network error without a retry', async (t) => {
  const { baseUrl, seen } = await endpoint(t, async (res) => {
    startStream(res);
    res.write(piece({ content: '您好，' }));
    await sleep(30);
    res.socket?.destroy();
  });
  const heard: string[] = [];
  await assert.rejects(llmAt(baseUrl).complete(ask('喂', { onText: (d) => heard.push(d) })), isLlmError('network'));
  assert.deepEqual(heard, ['您好，']);
  assert.equal(seen.length, 1);
});

test('barge-in mid-answer rejects with an AbortError at once and closes the connection', { timeout: 5000 }, async (t) => {
  const { baseUrl, seen } = await endpoint(t, (res) => {
    startStream(res);
    res.write(piece({ content: '我们的新套餐' }));
  });
  const bargeIn = new AbortController();
  // The idle timeout is far beyond the test's own timeout: only the abort can end this call in time.
  const llm = llmAt(baseUrl, { timeoutMs: 60_000 });
  const call = llm.complete(ask('喂', { signal: bargeIn.signal, onText: () => bargeIn.abort() }));
  await assert.rejects(call, (error: unknown) => error instanceof Error && error.name === 'AbortError' && !(error instanceof LlmError));
  await seen[0]!.closed;
  assert.equal(seen.length, 1);
});

test('barge-in before the answer starts is not retried', { timeout: 5000 }, async (t) => {
  const { baseUrl, seen } = await endpoint(t, () => undefined);
  const bargeIn = new AbortController();
  const call = llmAt(baseUrl, { timeoutMs: 60_000 }).complete(ask('喂', { signal: bargeIn.signal }));
  while (seen.length === 0) await sleep(5);
  bargeIn.abort();
  await assert.rejects(call, { name: 'AbortError' });
  await seen[0]!.closed;
  assert.equal(seen.length, 1);
});

test('a refused connection fails as a network error after the retries', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const llm = llmAt(`http://127.0.0.1:${port}/v1`, { maxRetries: 1 });
  await assert.rejects(llm.complete(ask('喂')), isLlmError('network', undefined, /ECONNREFUSED/));
});
