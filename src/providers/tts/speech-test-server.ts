/**
 * A loopback HTTP server for the tests of the OpenAI-compatible speech adapters: records every request it receives
 * (path, headers, body) and answers with whatever the test's handler says, so a test can assert both what the adapter
 * sent and how it takes each kind of answer.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpeechError } from '../../ports/speech.js';

/** One request as the server received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What the handler does with a request; it may leave the response unanswered to test timeouts. */
export type TestHandler = (request: ReceivedRequest, response: ServerResponse) => void;

/** A running server. */
export interface SpeechTestServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  received: ReceivedRequest[];
  /** Replaces the handler for the following requests. */
  handle(handler: TestHandler): void;
  /** Stops the server and cuts every open connection, so the test process can exit. */
  close(): Promise<void>;
}

/** Starts a server on a free loopback port. */
export async function startSpeechTestServer(initial: TestHandler): Promise<SpeechTestServer> {
  let handler = initial;
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(parts) };
      received.push(request);
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    received,
    handle: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Parses a multipart/form-data body the way a server would. */
export async function parseMultipart(request: ReceivedRequest): Promise<FormData> {
  return new Response(request.body, { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
}

/** An assert.rejects predicate: a SpeechError of that kind (and HTTP status), its message matching `pattern`. */
export function expectSpeechError(kind: SpeechError['kind'], pattern: RegExp, status?: number) {
  return (error: unknown) => {
    assert.ok(error instanceof SpeechError, String(error));
    assert.equal(error.kind, kind);
    assert.equal(error.status, status);
    assert.match(error.message, pattern);
    return true;
  };
}
