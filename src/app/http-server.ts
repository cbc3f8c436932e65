/**
 * The HTTP listener: `/` is the RPC gateway (GET, POST, PUT, DELETE), `/health` says whether we are up, `/recordings/`
 * serves signed recording links, `/console/api/` is the web console's JSON API and `/console/` its pages, the rest is
 * Hono's.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { GatewayError } from '../gateway/errors.js';
import type { GatewayRequest } from '../gateway/request.js';
import type { App } from './app.js';
import { addConsoleApi } from './console/console-api.js';
import { addConsoleEvents } from './console/console-events.js';
import { addConsoleStatic } from './console-static.js';
import { addRecordingRoute } from './recording-route.js';
import { RPC_METHODS, serveRpc } from './rpc-listener.js';

/** The built console (`npm run build:console`): dist/console of the package, from src/app as from dist/app. */
const CONSOLE_DIR = fileURLToPath(new URL('../../dist/console', import.meta.url));

/** A listening server and how to stop it gracefully. */
export interface RunningServer {
  readonly port: number;
  readonly url: string;
  /** Stops accepting, lets in-flight requests finish (up to the configured timeout), then resolves. */
  stop(): Promise<void>;
}

/** The Hono app for everything but the RPC endpoint: /health, recordings, the console's JSON API and its pages. */
export function buildHttpApp(app: Pick<App, 'gateway' | 'recordings' | 'clock' | 'consoleUsers' | 'config' | 'logger'>, onStop: (() => void)[] = []): Hono {
  const http = new Hono();
  http.get('/health', (c) => c.json({ status: 'ok' }));
  const events = addConsoleEvents(http, { consoleUsers: app.consoleUsers, gateway: app.gateway });
  // Long-lived streams end when the server stops, so they do not hold the graceful stop back.
  onStop.push(() => events.close());
  addConsoleApi(http, { consoleUsers: app.consoleUsers, gateway: app.gateway, maxBodyBytes: app.config.maxBodyBytes, onUnexpectedError: (err) => app.logger.error({ err }, 'console API failure') });
  addRecordingRoute(http, { ...app.recordings, clock: app.clock, gateway: app.gateway });
  addConsoleStatic(http, CONSOLE_DIR);
  http.notFound((c) => {
    const url = new URL(c.req.url);
    const req: GatewayRequest = { method: c.req.method, path: url.pathname, rawQuery: url.search.slice(1), headers: {}, body: Buffer.alloc(0) };
    const res = app.gateway.reject(req, new GatewayError('InvalidApi.NotFound', 404, `Nothing is served at ${req.path}; RPC requests go to the path "/".`));
    return c.body(res.body, res.status as 404, res.headers);
  });
  return http;
}

/** Starts listening on the configured host and port (port 0 picks a free one). */
export async function startHttpServer(app: App): Promise<RunningServer> {
  const onStop: (() => void)[] = [];
  const others = getRequestListener(buildHttpApp(app, onStop).fetch);
  const { gateway, config } = app;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if ((url === '/' || url.startsWith('/?')) && RPC_METHODS.has(req.method ?? '')) void serveRpc(gateway, config.maxBodyBytes, req, res);
    else void others(req, res);
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  server.keepAliveTimeout = 65_000;
  const port = (server.address() as AddressInfo).port;
  const url = `http://${app.config.host}:${port}`;
  // Without a configured public URL, links in responses point at where we listen (with the port really taken).
  if (app.config.publicUrl === undefined) app.recordings.links.setBaseUrl(url);
  return {
    port,
    url,
    stop: () => {
      for (const stop of onStop) stop();
      return stopGracefully(server, app.config.shutdownTimeoutMs);
    },
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
