// A waihu server from dist/ for a bench target, as `waihu serve` runs it: the heap tuning bin/waihu.js applies
// (docs/adr/0005), a fresh data dir (BENCH_WAIHU_DATA_DIR) as cwd with an empty environment, so no WAIHU_* variable
// or waihu.config.json of the caller leaks in, and the production logger (pino on stdout) at 'info'.
import { createApp, ensureDefaultAccount } from '../../dist/app/app.js';
import { applyHeapTuning } from '../../dist/config/heap-tuning.js';
import { startHttpServer } from '../../dist/app/http-server.js';
import { loadConfig } from '../../dist/config/config.js';
import { processStats, serveRequests } from './child.js';

/** Starts the app and its HTTP listener with `overrides` over the bench defaults; returns them and the default key. */
export async function startBenchWaihu(overrides = {}) {
  applyHeapTuning({});
  const dataDir = process.env.BENCH_WAIHU_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_WAIHU_DATA_DIR is not set');
  const config = loadConfig({}, dataDir, { host: '127.0.0.1', port: 0, dataDir, logLevel: 'info', throttling: true, ...overrides });
  const app = await createApp(config);
  const key = await ensureDefaultAccount(app);
  if (!key) throw new Error(`${dataDir} already had an account; the bench needs a fresh data dir`);
  const server = await startHttpServer(app);
  return { app, config, key, server };
}

/** Answers the parent's `stats` and `stop`, then tells it the server is ready (with `extra` in the message). */
export function serveBenchWaihu({ app, key, server }, extra = {}) {
  serveRequests({
    stats: () => processStats(),
    stop: async () => {
      await server.stop();
      await app.close();
      setImmediate(() => process.disconnect());
      return {};
    },
  });
  process.send({
    type: 'ready',
    port: server.port,
    host: `127.0.0.1:${server.port}`,
    accessKeyId: key.AccessKeyId,
    accessKeySecret: key.AccessKeySecret,
    accountId: key.AccountId,
    ...extra,
  });
}
