// The waihu server of the SingleCallByTts bench, from dist/, as `waihu serve` runs it (SQLite in a fresh data dir,
// the production logger at 'info' on stdout, the simulated carrier), with a caller number and a verification-code
// template set up for the default account. Two settings differ from the defaults, both reported by the bench:
// - throttling is off: the per-key (1000/s) and per-action (4000/s) QPS limits would cap the figure at the target;
// - the simulated carrier runs calls 50x faster, so the calls accepted during the run also ring, answer, speak and
//   hang up during it (their store writes are part of what is measured) instead of piling up for minutes.
import { createApp, ensureDefaultAccount } from '../../dist/app/app.js';
import { applyHeapTuning } from '../../dist/config/heap-tuning.js';
import { startHttpServer } from '../../dist/app/http-server.js';
import { loadConfig } from '../../dist/config/config.js';
import { processStats, serveRequests } from '../lib/child.js';

export const SIM_TIME_SCALE = 0.02;
export const SHOW_NUMBER = '057100000001';

applyHeapTuning({});
const dataDir = process.env.BENCH_WAIHU_DATA_DIR;
if (!dataDir) throw new Error('BENCH_WAIHU_DATA_DIR is not set');

const config = loadConfig({}, dataDir, { host: '127.0.0.1', port: 0, dataDir, logLevel: 'info', throttling: false, simTimeScale: SIM_TIME_SCALE });
const app = await createApp(config);
const key = await ensureDefaultAccount(app);
if (!key) throw new Error(`${dataDir} already had an account; the bench needs a fresh data dir`);
await app.voiceResources.callerNumbers.add(key.AccountId, SHOW_NUMBER);
const template = await app.voiceResources.ttsTemplates.create(key.AccountId, { name: '验证码', content: '您的验证码是${code}，五分钟内有效。', type: 'CODE', publicMode: false });
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
  ttsCode: template.code,
});
