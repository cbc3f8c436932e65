// The load generator process, the same one for every target: autocannon with a freshly signed V3 request per
// request (unique nonce, current x-acs-date), so the client-side cost is identical whatever answers.
import { request as httpRequest } from 'node:http';
import autocannon from 'autocannon';
import { serveRequests } from '../lib/child.js';
import { acsDate, canonicalQuery, newNonce, signedRpcHeaders } from './sign-v3.js';

/**
 * The next request of a target: signed headers, and the path with the action's parameters when the call has any.
 * `call.params` values are sent as given, except `call.sequence` = { param, base }: that parameter takes base + n for
 * the n-th request of this process (a fresh callee number per call, so per-callee caps never refuse one).
 */
function nextRequest(call, counter) {
  if (!call.params && !call.sequence) return { path: '/', headers: signedRpcHeaders(call) };
  const params = { ...call.params };
  if (call.sequence) params[call.sequence.param] = String(call.sequence.base + counter.n++);
  const query = canonicalQuery(params);
  return { path: `/?${query}`, headers: signedRpcHeaders(call, acsDate(), newNonce(), query) };
}

/** Requests made so far per target URL, for nextRequest's sequences. */
const counters = new Map();
function counterOf(target) {
  return counters.get(target.url) ?? counters.set(target.url, { n: 0 }).get(target.url);
}

/** A growable list of float latencies (ms); autocannon's own histogram only keeps whole milliseconds. */
class Samples {
  constructor() {
    this.values = new Float64Array(1 << 16);
    this.length = 0;
  }

  push(v) {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = v;
  }

  /** Nearest-rank percentiles of everything recorded, e.g. percentiles([50, 99]). */
  percentiles(ps) {
    const sorted = this.values.slice(0, this.length).sort();
    return ps.map((p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN));
  }
}

/** One signed request sent with node:http, to check the target answers what we expect before loading it. */
function probe(target) {
  return new Promise((resolve, reject) => {
    const url = new URL(target.url);
    const { path, headers } = nextRequest(target.call, counterOf(target));
    const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Latencies of every measured round, per target name, until `summary` reads and forgets them. */
const recorded = new Map();

/**
 * Runs autocannon against the target for `seconds`; returns its counts and this process's CPU use. Latencies are
 * kept under `record` (a target name) when given, so percentiles can cover all rounds of a target.
 */
async function load(target, { seconds, connections, pipelining }, record) {
  const samples = record ? (recorded.get(record) ?? recorded.set(record, new Samples()).get(record)) : new Samples();
  const before = samples.length;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const counter = counterOf(target);
  const instance = autocannon({
    url: target.url,
    connections,
    pipelining,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/',
        setupRequest: (req) => ({ ...req, ...nextRequest(target.call, counter) }),
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => samples.push(responseTime));
  const result = await instance;
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    seconds: result.duration,
    responses: samples.length - before,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    loadCpuMicros: cpu.user + cpu.system,
    wallMs,
  };
}

/** Latency percentiles (ms) over every recorded round of one target. */
function summary(record) {
  const samples = recorded.get(record) ?? new Samples();
  recorded.delete(record);
  const [p50, p90, p99, max] = samples.percentiles([50, 90, 99, 100]);
  return { latencyMs: { p50, p90, p99, max }, latencySamples: samples.length };
}

serveRequests({
  probe: ({ target }) => probe(target),
  load: ({ target, options, record }) => load(target, options, record),
  summary: ({ record }) => summary(record),
});
process.send({ type: 'ready' });
