/** The HTTP listener: `/` is the RPC gateway (GET, POST, PUT, DELETE), `/health` says whether we are up. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { GatewayError, gatewayErrors } from '../gateway/errors.js';
import type { GatewayRequest } from '../gateway/request.js';
import type { App } from './app.js';

/** A listening server and how to stop it gracefully. */
export interface RunningServer {
  readonly port: number;
  readonly url: string;
  /** Stops accepting, lets in-flight requests finish (up to the configured timeout), then resolves. */
  stop(): Promise<void>;
}

/** Reads the request; the body stays empty when it is over the limit (the caller then rejects it). */
async function toGatewayRequest(raw: Request, maxBodyBytes: number): Promise<{ req: GatewayRequest; tooLarge: boolean }> {
  const url = new URL(raw.url);
  // No prototype: a header named "constructor" must not find Object's members.
  const headers: Record<string, string> = Object.create(null);
  raw.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const req: GatewayRequest = { method: raw.method.toUpperCase(), path: url.pathname, rawQuery: url.search.slice(1), headers, body: Buffer.alloc(0) };
  if (Number(headers['content-length'] ?? 0) > maxBodyBytes) return { req, tooLarge: true };
  const body = raw.body ? await readLimited(raw.body, maxBodyBytes) : Buffer.alloc(0);
  if (body === undefined) return { req, tooLarge: true };
  return { req: { ...req, body }, tooLarge: false };
}

/** Reads a (possibly chunked) body, giving up as soon as it passes the limit instead of buffering it all. */
async function readLimited(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Builds the Hono app around the gateway (no port needed; tests may call `.request()`). */
export function buildHttpApp(app: App): Hono {
  const http = new Hono();
  http.get('/health', (c) => c.json({ status: 'ok' }));
  http.on(['GET', 'POST', 'PUT', 'DELETE'], '/', async (c) => {
    const { req, tooLarge } = await toGatewayRequest(c.req.raw, app.config.maxBodyBytes);
    const res = tooLarge ? app.gateway.reject(req, gatewayErrors.bodyTooLarge(app.config.maxBodyBytes)) : await app.gateway.handle(req);
    return c.body(res.body, res.status as 200, res.headers);
  });
  http.notFound(async (c) => {
    const { req } = await toGatewayRequest(c.req.raw, 0);
    const res = app.gateway.reject(req, new GatewayError('InvalidApi.NotFound', 404, `Nothing is served at ${req.path}; RPC requests go to the path "/".`));
    return c.body(res.body, res.status as 404, res.headers);
  });
  return http;
}

/** Starts listening on the configured host and port (port 0 picks a free one). */
export async function startHttpServer(app: App): Promise<RunningServer> {
  const http = buildHttpApp(app);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: http.fetch, port: app.config.port, hostname: app.config.host }, () => resolve(s as Server));
  });
  server.keepAliveTimeout = 65_000;
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${app.config.host}:${port}`,
    stop: () => stopGracefully(server, app.config.shutdownTimeoutMs),
  };
}

function stopGracefully(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    // close() waits for in-flight requests; idle keep-alive sockets would hold it open, so close those now.
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
