// Splits the per-request cost of the waihu gateway into its phases, in one process without HTTP, to say where the
// time of `npm run bench` goes. Usage (after npm run build): node bench/tools/gateway-phases.js [iterations]
// Prints microseconds per call for each phase; compare with 1e6 / (req/s) of the HTTP benchmark.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createApp, ensureDefaultAccount } from '../../dist/app/app.js';
import { createLogger } from '../../dist/app/logger.js';
import { loadConfig } from '../../dist/config/config.js';
import { readClaims, verifySignature } from '../../dist/gateway/auth/authenticate.js';
import { extractParams } from '../../dist/gateway/params/extract.js';
import { openSqliteFile } from '../../dist/store/sqlite-database.js';
import { signedRpcHeaders } from '../gateway/sign-v3.js';

const iterations = Number(process.argv[2] ?? 20_000);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'waihu-phases-'));

/** Runs fn(i) `iterations` times after a warm-up of the same length; returns µs per call. */
async function time(label, fn, results) {
  for (let i = 0; i < iterations; i++) await fn(i, 'w');
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) await fn(i, 'm');
  const us = ((performance.now() - t0) * 1000) / iterations;
  results.push([label, us]);
  console.log(`${us.toFixed(1).padStart(8)} µs  ${label}`);
}

/** `count` GatewayRequests with distinct nonces, signed with the given key (signing kept out of the timings). */
function signedRequests(count, key) {
  const call = { host: '127.0.0.1:8080', action: 'GetCallerIdentity', version: '2026-12-01', accessKeyId: key.AccessKeyId, secret: key.AccessKeySecret };
  return Array.from({ length: count }, () => {
    const headers = { ...signedRpcHeaders(call), connection: 'keep-alive' };
    return { method: 'POST', path: '/', rawQuery: '', headers, body: Buffer.alloc(0) };
  });
}

const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: true }));
const config = loadConfig({}, dataDir, { dataDir, port: 0, logLevel: 'info', throttling: true });
const app = await createApp(config, { logger });
const key = await ensureDefaultAccount(app);
const results = [];
try {
  console.log(`${iterations} calls per phase (after as many warm-up calls), µs per call:`);
  // Fresh requests for each timed phase that claims nonces: a replayed nonce would take the cheap rejection path.
  let reqs = signedRequests(iterations * 2, key);
  const at = (i, phase) => reqs[phase === 'w' ? i : iterations + i];
  await time('gateway.handle, whole request without HTTP (real store, logger to /dev/null)', (i, p) => app.gateway.handle(at(i, p)), results);
  reqs = signedRequests(iterations * 2, key);
  await time('  extractParams + readClaims + verifySignature (pure CPU)', (i, p) => {
    const req = at(i, p);
    const params = extractParams(req);
    const input = { req, queryPairs: params.queryPairs, formPairs: params.formPairs };
    verifySignature(input, readClaims(input), key.AccessKeySecret);
  }, results);
  await time('  store.claimNonce (Kysely: build, compile, prepare, run)', (i, p) => app.store.claimNonce(key.AccessKeyId, at(i, p).headers['x-acs-signature-nonce'], Date.now(), Date.now() + 960_000), results);
  const db = app.store.db;
  const claimQuery = (nonce) => db.insertInto('request_nonces').values({ access_key_id: key.AccessKeyId, nonce, expires_at: Date.now() + 960_000 })
    .onConflict((oc) => oc.columns(['access_key_id', 'nonce']).doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') }).where('request_nonces.expires_at', '<=', Date.now()));
  await time('    of which Kysely build + compile only (no database)', (i, p) => claimQuery(at(i, p).headers['x-acs-signature-nonce']).compile(), results);
  reqs = signedRequests(iterations * 2, key);
  const compiled = reqs.map((r) => claimQuery(r.headers['x-acs-signature-nonce']).compile());
  await time('    of which db.executeQuery(precompiled) (Kysely executor + prepare + run)', (i, p) => db.executeQuery(compiled[p === 'w' ? i : iterations + i]), results);
  const log = { requestId: '0F3E6A1B-2C4D-4E5F-8A9B-0C1D2E3F4A5B', product: 'waihu', action: 'GetCallerIdentity', accessKeyId: key.AccessKeyId, status: 200, latencyMs: 0.42 };
  await time('  logger.info(request line) to /dev/null (pino + maskValue)', () => logger.info(log, 'request'), results);

  // What the same nonce claim costs without Kysely, and with several claims per transaction (same SQL as Kysely's).
  // A second connection to waihu's own database file: same schema, same indexes, same table size.
  const raw = openSqliteFile(path.join(dataDir, 'waihu.db'));
  const sql = 'insert into request_nonces (access_key_id, nonce, expires_at) values (?, ?, ?) on conflict (access_key_id, nonce) do update set expires_at = excluded.expires_at where request_nonces.expires_at <= ?';
  const stmt = raw.prepare(sql);
  const nonce = (i, p) => `${p}${i}-${Math.random()}`;
  await time('  raw better-sqlite3, prepared once, one statement per call', (i, p) => stmt.run(key.AccessKeyId, nonce(i, p), Date.now() + 960_000, Date.now()), results);
  await time('  raw better-sqlite3, prepare + run per call (what Kysely does)', (i, p) => raw.prepare(sql).run(key.AccessKeyId, nonce(i, p), Date.now() + 960_000, Date.now()), results);
  const batch = raw.transaction((rows) => { for (const r of rows) stmt.run(...r); });
  const pending = [];
  await time('  raw better-sqlite3, prepared once, 50 claims per transaction (per claim)', (i, p) => {
    pending.push([key.AccessKeyId, nonce(i, p), Date.now() + 960_000, Date.now()]);
    if (pending.length === 50) batch(pending.splice(0));
  }, results);
  const seen = new Map();
  await time('  in-memory Map claim (no database)', (i, p) => {
    const k = `${key.AccessKeyId}|${nonce(i, p)}`;
    if (!seen.has(k)) seen.set(k, Date.now() + 960_000);
  }, results);
  raw.close();
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
