// Import benchmark: BENCH_IMPORT_ROWS recipients (default 1 000 000) through ImportTaskNumberDatas over HTTP in
// 1000-row calls, signed V3 by the official @alicloud/openapi-core client (form body, as the generated aiccs SDK
// sends PhoneNumberList), against a waihu server on SQLite. The same-run reference is a raw batched insert of the
// same rows (prepared multi-row INSERTs, 1000 rows per transaction) into a fresh, migrated store of the same schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import OpenApiCoreModule from '@alicloud/openapi-core';
import { RuntimeOptions } from '@alicloud/tea-util';
import BetterSqlite3 from 'better-sqlite3';
import { createApp, ensureDefaultAccount } from '../../dist/app/app.js';
import { startHttpServer } from '../../dist/app/http-server.js';
import { createLogger } from '../../dist/app/logger.js';
import { loadConfig } from '../../dist/config/config.js';
import { openStore } from '../../dist/store/open-store.js';

const OpenApiCore = OpenApiCoreModule.default;
const CONCURRENCY = 4;

function client(port, key) {
  const config = new OpenApiCoreModule.$OpenApiUtil.Config({ accessKeyId: key.AccessKeyId, accessKeySecret: key.AccessKeySecret, endpoint: `127.0.0.1:${port}`, protocol: 'HTTP', readTimeout: 60_000 });
  const api = new OpenApiCore(config);
  return async (action, body) => {
    const params = new OpenApiCoreModule.$OpenApiUtil.Params({ action, version: '2019-10-15', protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', bodyType: 'json', reqBodyType: 'formData' });
    return (await api.callApi(params, new OpenApiCoreModule.$OpenApiUtil.OpenApiRequest({ body }), new RuntimeOptions({}))).body;
  };
}

const rowsOf = (call) => Array.from({ length: 1000 }, (_, i) => ({ calleeNumber: `13${String(call * 1000 + i).padStart(9, '0')}`, name: `c${i}` }));

async function viaHttp(totalRows) {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-import-'));
  const app = await createApp(loadConfig({}, dir, { port: 0, dataDir: dir, logLevel: 'silent', dialer: false, throttling: false }), { logger: createLogger('silent') });
  const key = await ensureDefaultAccount(app);
  const server = await startHttpServer(app);
  const call = client(server.port, key);
  await call('CreateAiCallTask', { TaskName: 'import-bench', StartType: 'SCHEDULE', TaskStartTime: String(Date.now() + 86_400_000),
    CallTime: JSON.stringify(['{"startTime":"09:00:00","endTime":"18:00:00"}']), CallDay: JSON.stringify(['MONDAY']), TaskCps: '10' });
  const page = await call('QueryAiCallTaskPage', { TaskName: 'import-bench' });
  const taskId = page.Data.List[0].TaskId;
  const calls = totalRows / 1000;
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < calls) {
      const n = next++;
      const res = await call('ImportTaskNumberDatas', { TaskId: taskId, DataType: 'JSON', PhoneNumberList: JSON.stringify(rowsOf(n)) });
      if (res.Code !== 'OK') throw new Error(`import ${n} failed: ${JSON.stringify(res)}`);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const query = await queryLatencies(call, taskId, calls);
  const rawQuery = rawQueryLatencies(path.join(dir, 'waihu.db'), taskId);
  const stored = new BetterSqlite3(path.join(dir, 'waihu.db'), { readonly: true });
  const count = stored.prepare('select count(*) as n from campaign_details').get().n;
  const template = stored.prepare('select * from campaign_details limit 1').get();
  stored.close();
  await server.stop();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  return { rowsPerSecond: totalRows / seconds, seconds, count, template, query, rawQuery };
}

const QUERIES = 300;

/** QueryAiCallDetailPage with filters, one at a time: by status page, by number, by OutId-less batch, by imported time. */
async function queryLatencies(call, taskId, calls) {
  const filters = (i) => [
    { Status: '0', PageNo: String(1 + (i % 50)), PageSize: '20' },
    { Status: '0', CalledNumber: `13${String(i * 997 % (calls * 1000)).padStart(9, '0')}` },
    { Status: '0', PageNo: String(1 + (i % 20)), PageSize: '50', StartImportedTime: '0', EndImportedTime: String(Date.now() + 60_000) },
  ][i % 3];
  const times = [];
  for (let i = 0; i < QUERIES; i++) {
    const t = performance.now();
    const res = await call('QueryAiCallDetailPage', { TaskId: taskId, ...filters(i) });
    times.push(performance.now() - t);
    if (res.Code !== 'OK') throw new Error(`query failed: ${JSON.stringify(res)}`);
  }
  return percentiles(times);
}

function percentiles(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

/** The reference: the same pages read straight from SQLite (indexed select, newest first). */
function rawQueryLatencies(file, taskId) {
  const db = new BetterSqlite3(file, { readonly: true });
  const page = db.prepare('select * from campaign_details where task_id = ? and state in (0, 1, 2, 3) order by created_at desc, id desc limit ? offset ?');
  const count = db.prepare('select count(*) as n from campaign_details where task_id = ? and state in (0, 1, 2, 3)');
  const times = [];
  for (let i = 0; i < QUERIES; i++) {
    const t = performance.now();
    count.get(taskId);
    page.all(taskId, 20, 20 * (i % 50));
    times.push(performance.now() - t);
  }
  db.close();
  return percentiles(times);
}

async function rawInsert(totalRows, template) {
  const dir = mkdtempSync(path.join(tmpdir(), 'waihu-raw-'));
  const file = path.join(dir, 'waihu.db');
  const store = await openStore({ sqliteFile: file });
  await store.migrate();
  await store.close();
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  const columns = Object.keys(template);
  const perStatement = 100;
  const insert = db.prepare(`insert into campaign_details (${columns.join(',')}) values ${Array(perStatement).fill(`(${columns.map(() => '?').join(',')})`).join(',')}`);
  const started = performance.now();
  const batch = db.transaction((call) => {
    const rows = rowsOf(call);
    for (let i = 0; i < 1000; i += perStatement) {
      const values = [];
      rows.slice(i, i + perStatement).forEach((row, j) => {
        for (const c of columns) values.push(c === 'id' ? `${call}-${i + j}` : c === 'number' ? row.calleeNumber : c === 'variables' ? JSON.stringify({ name: row.name }) : template[c]);
      });
      insert.run(values);
    }
  });
  for (let call = 0; call < totalRows / 1000; call++) batch(call);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { rowsPerSecond: totalRows / seconds, seconds };
}

/** Runs both and returns the figures. */
export async function runImportBench(totalRows) {
  const http = await viaHttp(totalRows);
  if (http.count !== totalRows) throw new Error(`stored ${http.count} rows, expected ${totalRows}`);
  const raw = await rawInsert(totalRows, http.template);
  return { totalRows, http, raw, ratio: http.rowsPerSecond / raw.rowsPerSecond };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const r = await runImportBench(rows);
  console.log(`Import: ${rows} recipients via ImportTaskNumberDatas (1000-row calls, ${CONCURRENCY} concurrent, openapi-core V3) vs raw batched insert`);
  console.log(`  waihu over HTTP   ${r.http.rowsPerSecond.toFixed(0)} rows/s (${r.http.seconds.toFixed(1)} s)`);
  console.log(`  raw insert        ${r.raw.rowsPerSecond.toFixed(0)} rows/s (${r.raw.seconds.toFixed(1)} s)`);
  console.log(`  ratio             ${(r.ratio * 100).toFixed(1)} %   target >= 50 %   ${r.ratio >= 0.5 ? 'PASS' : 'FAIL'}`);
  const q = r.http.query;
  console.log(`QueryAiCallDetailPage over ${rows} details (${QUERIES} calls: status pages, CalledNumber, imported-time range)`);
  console.log(`  waihu over HTTP   p50 ${q.p50.toFixed(2)} ms, p99 ${q.p99.toFixed(2)} ms   target p99 <= 20 ms   ${q.p99 <= 20 ? 'PASS' : 'FAIL'}`);
  console.log(`  raw SQLite page   p50 ${r.http.rawQuery.p50.toFixed(2)} ms, p99 ${r.http.rawQuery.p99.toFixed(2)} ms (count + 20-row page, no HTTP)`);
}
