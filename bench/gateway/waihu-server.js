// Target B: the real waihu server from dist/, as `waihu serve` runs it: SQLite in a fresh data dir, logger at the
// default level 'info' writing JSON lines to stdout (the parent points stdout at a file), throttling on.
import { createApp, ensureDefaultAccount } from '../../dist/app/app.js';
import { applyHeapTuning } from '../../dist/config/heap-tuning.js';
import { startHttpServer } from '../../dist/app/http-server.js';
import { loadConfig } from '../../dist/config/config.js';
import { processStats, serveRequests } from '../lib/child.js';

// The heap tuning bin/waihu.js applies (docs/adr/0005).
applyHeapTuning({});
const dataDir = process.env.BENCH_WAIHU_DATA_DIR;
if (!dataDir) throw new Error('BENCH_WAIHU_DATA_DIR is not set');

// An empty environment and the data dir as cwd: no WAIHU_* variable or waihu.config.json of the caller leaks in.
const config = loadConfig({}, dataDir, { host: '127.0.0.1', port: 0, dataDir, logLevel: 'info', throttling: true });
// No logger option: createApp builds the production logger (pino on stdout), exactly what `waihu serve` uses.
const app = await createApp(config);
const key = await ensureDefaultAccount(app);
if (!key) throw new Error(`${dataDir} already had an account; the bench needs a fresh data dir`);
const server = await startHttpServer(app);

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
  config: { logLevel: config.logLevel, throttling: config.throttling, store: app.store.engine },
});
