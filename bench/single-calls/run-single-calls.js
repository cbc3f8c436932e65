// The SingleCallByTts bench: calls accepted per second by a real waihu server (signed V3 requests, a fresh callee
// number each, the simulated carrier, SQLite), measured in alternating rounds against bare node:http answering the
// same signed requests, the reference. Target (issue 5): at least 4,000 accepted calls per second, the service-wide
// limit Alibaba documents for this action.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from '../lib/child.js';
import { bareTarget, runAlternating } from '../gateway/run-gateway.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const TARGET_CALLS_PER_SECOND = 4000;
const SHOW_NUMBER = '057100000001';

/** SingleCallByTts with a verification code; the callee number is drawn from a sequence per request. */
function singleCallOf(ttsCode) {
  return {
    action: 'SingleCallByTts',
    version: '2017-05-25',
    params: { CalledShowNumber: SHOW_NUMBER, TtsCode: ttsCode, TtsParam: '{"code":"4821"}', PlayTimes: '1' },
    sequence: { param: 'CalledNumber', base: 13_000_000_000 },
  };
}

/** The waihu target; with `profileDir` its server writes a CPU profile there. */
const waihu = (profileDir) => ({
  name: 'waihu',
  label: 'waihu SingleCallByTts',
  start() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'waihu-bench-calls-'));
    const handle = startChild(path.join(here, 'server.js'), {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, BENCH_WAIHU_DATA_DIR: dataDir },
      execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    return { handle, cleanup: () => (rmSync(dataDir, { recursive: true, force: true }), {}) };
  },
  key: (ready) => ({ accessKeyId: ready.accessKeyId, accessKeySecret: ready.accessKeySecret }),
  callOf: (ready) => singleCallOf(ready.ttsCode),
  checkProbe(res) {
    let body;
    try {
      body = JSON.parse(res.body);
    } catch {
      body = undefined;
    }
    if (res.status !== 200 || body?.Code !== 'OK' || !body.CallId) throw new Error(`waihu answered the probe with ${res.status} ${res.body}`);
  },
});

/** Runs the bench; returns { waihu, bare } figures as runAlternating measures them. */
export function runSingleCallBench(options, log = console.log) {
  return runAlternating([bareTarget(() => singleCallOf('TTS_000000')), waihu(options.profileDir)], options, log);
}

/** The report lines: accepted calls per second next to the reference, the ratio and the verdict. */
export function formatSingleCalls(results) {
  const w = results.waihu;
  const b = results.bare;
  const pass = w.requestsPerSecond >= TARGET_CALLS_PER_SECOND && w.non2xx === 0 && w.errors === 0;
  const f = (n) => n.toFixed(0);
  return [
    'SingleCallByTts accepted per second (signed V3, sim carrier, SQLite, throttling off):',
    `  ${w.label.padEnd(28)} ${f(w.requestsPerSecond).padStart(7)} calls/s  p50 ${w.latencyMs.p50.toFixed(2)} ms  p99 ${w.latencyMs.p99.toFixed(2)} ms  server CPU ${w.serverCpuPercent.toFixed(0)} %  RSS ${w.serverMaxRssMiB.toFixed(0)} MiB`,
    `  ${b.label.padEnd(28)} ${f(b.requestsPerSecond).padStart(7)} req/s    p50 ${b.latencyMs.p50.toFixed(2)} ms  p99 ${b.latencyMs.p99.toFixed(2)} ms  (reference)`,
    `  ratio waihu / bare: ${((w.requestsPerSecond / b.requestsPerSecond) * 100).toFixed(1)} %;  non-2xx ${w.non2xx}, errors ${w.errors}, timeouts ${w.timeouts}`,
    `  target >= ${TARGET_CALLS_PER_SECOND} calls/s: ${pass ? 'PASS' : 'FAIL'}`,
  ];
}
