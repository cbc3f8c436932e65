// Target B: the real waihu server from dist/, as `waihu serve` runs it: SQLite in a fresh data dir, logger at the
// default level 'info' writing JSON lines to stdout (the parent points stdout at a file), throttling on.
import { serveBenchWaihu, startBenchWaihu } from '../lib/waihu-app.js';

const started = await startBenchWaihu();
const { config, app } = started;
serveBenchWaihu(started, { config: { logLevel: config.logLevel, throttling: config.throttling, store: app.store.engine } });
