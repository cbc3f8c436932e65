// Diagnostic target (BENCH_DIAGNOSTIC=1): waihu's real HTTP layer (dist/app/http-server.js: Hono, the request
// adapter, the response path) in front of a stub gateway that answers a canned GetCallerIdentity body at once.
// Its row separates the cost of the HTTP adapter from that of the gateway (auth, nonce store, log).
import { randomUUID } from 'node:crypto';
import { startHttpServer } from '../../dist/app/http-server.js';
import { processStats, serveRequests } from '../lib/child.js';

const stubGateway = {
  async handle(req) {
    // Touch what a real request needs from the adapter's output, so nothing is optimised away.
    if (req.headers['x-acs-action'] !== 'GetCallerIdentity') return { status: 400, headers: {}, body: '{}' };
    const body = JSON.stringify({
      RequestId: randomUUID().toUpperCase(), Code: 'OK', Message: 'OK', Success: true,
      Data: { AccountId: '913444798358769664', AccessKeyId: 'LTAI00000000000000000000' },
    });
    return { status: 200, headers: { 'content-type': 'application/json;charset=utf-8' }, body };
  },
  /** Early rejections (body too large, wrong path); the benchmark never sends such requests. */
  reject(_req, err) {
    return { status: err.status ?? 400, headers: { 'content-type': 'application/json;charset=utf-8' }, body: JSON.stringify({ Code: err.code }) };
  },
};
const app = {
  config: { host: '127.0.0.1', port: 0, maxBodyBytes: 8 * 1024 * 1024, shutdownTimeoutMs: 10_000 },
  gateway: stubGateway,
};
const server = await startHttpServer(app);

serveRequests({
  stats: () => processStats(),
  stop: async () => {
    await server.stop();
    setImmediate(() => process.disconnect());
    return {};
  },
});
process.send({ type: 'ready', port: server.port, host: `127.0.0.1:${server.port}` });
