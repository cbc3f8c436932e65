// Prints the gateway table (each figure next to the bare node:http reference and the ratio) and builds its JSON.
import { machineLine } from '../lib/machine.js';
import { problemsOf } from './run-gateway.js';

/** The issue's target: waihu serves at least this fraction of bare node:http's requests per second. */
export const TARGET_RATIO = 0.4;

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** Verdict and problems of a finished run. */
export function assess(results) {
  const problems = Object.entries(results).flatMap(([name, r]) => problemsOf(name, r));
  const ratio = results.waihu.requestsPerSecond / results.bare.requestsPerSecond;
  const verdict = problems.length > 0 ? 'INVALID' : ratio >= TARGET_RATIO ? 'PASS' : 'FAIL';
  return { ratio, verdict, problems };
}

/** The human-readable report, as lines. */
export function formatReport(machine, options, results, verdict) {
  const head = ['target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'server CPU', 'load CPU', 'other CPU', 'server RSS'];
  const rows = Object.values(results).map((r) => [
    r.label, fmt(r.requestsPerSecond, 0), fmt(r.latencyMs.p50), fmt(r.latencyMs.p99), String(r.non2xx), String(r.errors + r.timeouts),
    `${fmt(r.serverCpuPercent, 0)} %`, `${fmt(r.loadCpuPercent, 0)} %`, `${fmt(r.otherCpuPercent, 0)} %`, `${fmt(r.serverRssMiB, 0)} MiB`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const spread = (r) => r.roundRequestsPerSecond.map((v) => fmt(v, 0)).join(', ');
  const out = [
    '',
    'Gateway: signed V3 (ACS3-HMAC-SHA256) POST / GetCallerIdentity, product waihu 2026-12-01',
    machineLine(machine),
    `load average before the run: ${machine.loadAverage.map((v) => v.toFixed(2)).join(' ')}`,
    `${options.connections} connections, pipelining ${options.pipelining}; ${options.warmupSeconds} s warm-up per target (discarded), then ` +
      `${options.seconds} s measured per target in ${options.rounds} alternating rounds; servers and load generator in separate processes`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `ratio waihu / bare node:http, req/s: ${fmt(verdict.ratio, 3)} (${fmt(verdict.ratio * 100, 1)} %)` +
      `   target >= ${TARGET_RATIO * 100} %   ${verdict.verdict}`,
    `p99 latency, waihu / bare: ${fmt(results.waihu.latencyMs.p99 / results.bare.latencyMs.p99, 2)}x`,
    ...['hono', 'adapter'].filter((n) => results[n]).map((n) =>
      `diagnostic: ${results[n].label} / bare node:http, req/s: ${fmt((results[n].requestsPerSecond / results.bare.requestsPerSecond) * 100, 1)} %`),
    `ratio per round: ${results.waihu.roundRequestsPerSecond.map((w, i) => fmt((w / results.bare.roundRequestsPerSecond[i]) * 100, 1) + ' %').join(', ')}`,
    `req/s per round: ${Object.entries(results).map(([name, r]) => `${name} ${spread(r)}`).join('; ')}`,
    `waihu request log: ${results.waihu.requestLogLines} 'request' lines at level info (one per request, warm-up included)`,
    'CPU columns are % of one core during the measured rounds; "other" is the rest of the machine (noise).',
  ];
  if (results.bare.loadCpuPercent >= 90) {
    out.push('note: the load generator used a whole core against bare node:http, so bare is client-bound and its true ' +
      'capacity is higher; the ratio flatters waihu.');
  }
  if (Object.values(results).some((r) => r.otherCpuPercent >= 50)) {
    out.push('note: other processes used at least half a core during the run; absolute figures are depressed, rerun on a quiet machine.');
  }
  if (verdict.problems.length > 0) {
    const bar = '!'.repeat(78);
    out.push('', bar, '!!! INVALID RUN: the figures above are NOT a result.', ...verdict.problems.map((p) => `!!!   ${p}`), bar);
  }
  return out;
}

/** The JSON written to bench/results/gateway.json. */
export function toJson(machine, options, results, verdict) {
  return {
    bench: 'gateway',
    machine,
    options: { connections: options.connections, pipelining: options.pipelining, warmupSeconds: options.warmupSeconds, seconds: options.seconds, rounds: options.rounds },
    request: 'POST / signed ACS3-HMAC-SHA256, x-acs-action GetCallerIdentity, x-acs-version 2026-12-01, unique nonce per request',
    targets: results,
    ratio: verdict.ratio,
    roundRatios: results.waihu.roundRequestsPerSecond.map((w, i) => w / results.bare.roundRequestsPerSecond[i]),
    p99Ratio: results.waihu.latencyMs.p99 / results.bare.latencyMs.p99,
    target: TARGET_RATIO,
    verdict: verdict.verdict,
    problems: verdict.problems,
  };
}
