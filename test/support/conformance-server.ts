/** Starts the real waihu app and HTTP listener on a free loopback port, for tests that talk to it over the wire. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { createApp, ensureDefaultAccount, type App } from '../../src/app/app.js';
import { startHttpServer } from '../../src/app/http-server.js';
import { createLogger } from '../../src/app/logger.js';
import { loadConfig } from '../../src/config/config.js';
import type { NewAccessKey } from '../../src/core/accounts/access-keys.js';
import { systemClock, type Clock } from '../../src/ports/clock.js';

/** A running server with the default account's first key. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `127.0.0.1:PORT`, what the Alibaba clients take as `endpoint`. */
  readonly host: string;
  readonly port: number;
  /** The default account's key, created on this fresh data directory. */
  readonly key: NewAccessKey;
  readonly app: App;
  /** Stops the listener, closes the app and removes the data directory. */
  stop(): Promise<void>;
}

/** What a test may change about the server. */
export interface TestServerOptions {
  /** The server's clock (e.g. shifted so that real client timestamps look expired). */
  clock?: Clock;
  /** Config overrides on top of port 0, a fresh data dir and silent logs. */
  config?: Record<string, unknown>;
  /** Where the app logs (e.g. to read the request log); silent by default. */
  logger?: Logger;
}

/** A clock running `offsetMs` ahead of (or, negative, behind) the wall clock. */
export function shiftedClock(offsetMs: number): Clock {
  return { now: () => Date.now() + offsetMs, sleep: systemClock.sleep, after: systemClock.after };
}

/** Starts a server on a fresh data directory; call `stop()` in an `after` hook. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-conf-'));
  const config = loadConfig({}, dir, { port: 0, dataDir: dir, logLevel: 'silent', ...options.config });
  const app = await createApp(config, { logger: options.logger ?? createLogger('silent'), ...(options.clock ? { clock: options.clock } : {}) });
  const key = await ensureDefaultAccount(app);
  if (!key) throw new Error('a fresh data directory should have produced the default key');
  const server = await startHttpServer(app);
  const host = `127.0.0.1:${server.port}`;
  return {
    url: `http://${host}`,
    host,
    port: server.port,
    key,
    app,
    stop: async () => {
      await server.stop();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
