// Orchestrates the gateway benchmark: one load-generator process and each target server in its own process;
// every target is probed, warmed up (discarded) and measured in alternating rounds with the same signed
// GetCallerIdentity request shape.
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from '../lib/child.js';
import { machineBusyPercent, machineCpuTicks } from '../lib/machine.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** What every request asks for: the cheapest signed read of waihu's own product. */
const CALL = { action: 'GetCallerIdentity', version: '2026-12-01' };

/** A key of the same shape as a real one, for the bare target (which checks nothing) so signing costs the same. */
const FAKE_KEY = { accessKeyId: 'LTAI00000000000000000000', accessKeySecret: '000000000000000000000000000000' };

/** Target A: bare node:http. */
const bare = {
  name: 'bare',
  label: 'bare node:http',
  start: () => ({ handle: startChild(path.join(here, 'bare-server.js')), cleanup: () => ({}) }),
  key: () => FAKE_KEY,
  checkProbe(res, _key) {
    if (res.status !== 200 || res.body !== '{"ok":true}') throw new Error(`bare server answered ${res.status} ${res.body}`);
  },
};

/** Diagnostic target: Hono + @hono/node-server hello-world, the framework ceiling for waihu. */
const hono = {
  name: 'hono',
  label: 'hono hello (diag.)',
  start: () => ({ handle: startChild(path.join(here, 'hono-server.js')), cleanup: () => ({}) }),
  key: () => FAKE_KEY,
  checkProbe(res, _key) {
    if (res.status !== 200 || res.body !== '{"ok":true}') throw new Error(`hono server answered ${res.status} ${res.body}`);
  },
};

/** Diagnostic target: waihu's HTTP layer from dist/ over a stub gateway (no auth, store or log). */
const adapter = {
  name: 'adapter',
  label: 'waihu http, stub gateway (diag.)',
  start: () => ({ handle: startChild(path.join(here, 'adapter-server.js')), cleanup: () => ({}) }),
  key: () => FAKE_KEY,
  checkProbe(res, _key) {
    if (res.status !== 200 || !res.body.includes('"Code":"OK"')) throw new Error(`adapter server answered ${res.status} ${res.body}`);
  },
};

/** Target B: the real waihu server; its stdout (the request log) goes to a file in its temporary data dir. */
function waihu(profileDir) {
  return {
    name: 'waihu',
    label: 'waihu GetCallerIdentity',
    start() {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'waihu-bench-'));
      const logFile = path.join(dataDir, 'waihu.log');
      const logFd = openSync(logFile, 'w');
      const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
      const handle = startChild(path.join(here, 'waihu-server.js'), {
        stdio: ['ignore', logFd, 'inherit', 'ipc'],
        env: { ...process.env, BENCH_WAIHU_DATA_DIR: dataDir },
        execArgv,
      });
      closeSync(logFd);
      return {
        handle,
        cleanup() {
          if (!existsSync(dataDir)) return {};
          const lines = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : [];
          const requestLines = lines.filter((l) => l.includes('"msg":"request"')).length;
          const sample = lines.find((l) => l.includes('"msg":"request"'));
          rmSync(dataDir, { recursive: true, force: true });
          return { logLines: lines.length, requestLogLines: requestLines, logSample: sample };
        },
      };
    },
    /** The key the server created with ensureDefaultAccount and sent in its ready message. */
    key: (ready) => ({ accessKeyId: ready.accessKeyId, accessKeySecret: ready.accessKeySecret }),
    checkProbe(res, key) {
      let data;
      try {
        data = JSON.parse(res.body).Data;
      } catch {
        data = undefined;
      }
      if (res.status !== 200 || data?.AccessKeyId !== key.accessKeyId) {
        throw new Error(`waihu answered the probe with ${res.status} ${res.body}`);
      }
    },
  };
}

/** Starts a target's server, probes it with one signed request and returns what the load generator needs. */
async function startTarget(load, target) {
  const started = target.start();
  try {
    const ready = await started.handle.ready;
    const key = target.key(ready);
    const spec = {
      url: `http://127.0.0.1:${ready.port}`,
      // A target may ask for another action and its parameters (`callOf`); the gateway bench's targets do not.
      call: { ...CALL, ...target.callOf?.(ready), host: ready.host, accessKeyId: key.accessKeyId, secret: key.accessKeySecret },
    };
    target.checkProbe(await load.request('probe', { target: spec }), key);
    return { target, spec, ...started };
  } catch (err) {
    started.handle.kill();
    await started.handle.exit;
    started.cleanup();
    throw err;
  }
}

/** Stops a target's server and returns what its cleanup found (the waihu log line counts). */
async function stopTarget(running) {
  try {
    await running.handle.request('stop');
  } catch {
    running.handle.kill();
  }
  await running.handle.exit;
  return running.cleanup();
}

/** One measured round against one target: server and machine CPU around a load run of `seconds`. */
async function measureRound(load, running, options) {
  const before = await running.handle.request('stats');
  const ticksBefore = machineCpuTicks();
  const t0 = performance.now();
  const round = await load.request('load', { target: running.spec, options, record: running.target.name });
  const wallMs = performance.now() - t0;
  const ticksAfter = machineCpuTicks();
  const after = await running.handle.request('stats');
  return {
    ...strip(round),
    wallMs,
    serverCpuMicros: after.cpuMicros - before.cpuMicros,
    machineBusyPercent: machineBusyPercent(ticksBefore, ticksAfter),
    serverRssMiB: after.rssBytes / 2 ** 20,
    serverMaxRssMiB: after.maxRssBytes / 2 ** 20,
  };
}

/** Sums a target's rounds into its figures: req/s over all measured time, CPU shares, failures. */
function combine(rounds, latency) {
  const sum = (f) => rounds.reduce((acc, r) => acc + f(r), 0);
  const wallMs = sum((r) => r.wallMs);
  const serverCpuPercent = (sum((r) => r.serverCpuMicros) / 1000 / wallMs) * 100;
  const loadCpuPercent = (sum((r) => r.loadCpuMicros) / 1000 / wallMs) * 100;
  const machinePercent = sum((r) => r.machineBusyPercent * r.wallMs) / wallMs;
  const statusCodes = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    requestsPerSecond: sum((r) => r.responses) / sum((r) => r.seconds),
    roundRequestsPerSecond: rounds.map((r) => r.responses / r.seconds),
    seconds: sum((r) => r.seconds),
    responses: sum((r) => r.responses),
    ...latency,
    statusCodes,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    serverCpuPercent,
    loadCpuPercent,
    // What the rest of the machine used meanwhile: other people's processes make a run noisy.
    otherCpuPercent: Math.max(0, machinePercent - serverCpuPercent - loadCpuPercent),
    serverRssMiB: rounds.at(-1).serverRssMiB,
    serverMaxRssMiB: rounds.at(-1).serverMaxRssMiB,
  };
}

/** An IPC reply without its request id. */
function strip(reply) {
  const { id: _id, ...rest } = reply;
  return rest;
}

/** Problems that make a target's figures meaningless; an empty list means the run is valid. */
export function problemsOf(name, r) {
  const problems = [];
  if (r.non2xx > 0) problems.push(`${name}: ${r.non2xx} non-2xx responses (${JSON.stringify(r.statusCodes)})`);
  if (r.errors > 0) problems.push(`${name}: ${r.errors} connection errors`);
  if (r.timeouts > 0) problems.push(`${name}: ${r.timeouts} timeouts`);
  if (r.responses === 0) problems.push(`${name}: no responses at all`);
  if (r.warmup.non2xx + r.warmup.errors + r.warmup.timeouts > 0) problems.push(`${name}: failures during warm-up ${JSON.stringify(r.warmup)}`);
  if (r.requestLogLines !== undefined && r.requestLogLines < r.responses) {
    problems.push(`${name}: only ${r.requestLogLines} request log lines for ${r.responses} responses (logging is not on?)`);
  }
  return problems;
}

/**
 * Runs the whole gateway benchmark. Both servers run side by side; after a warm-up of each, the measured time is
 * split into rounds that alternate between the targets (ABBA order), so a change in background load during the
 * run hits both alike. `options` = { seconds, warmupSeconds, rounds, connections, pipelining, profileDir, diagnostic }.
 */
export function runGatewayBench(options, log = console.log) {
  const targets = options.diagnostic ? [bare, hono, adapter, waihu(options.profileDir)] : [bare, waihu(options.profileDir)];
  return runAlternating(targets, options, log);
}

/** The bare node:http reference target, sending the requests `callOf` describes (for benches of other actions). */
export function bareTarget(callOf) {
  return { ...bare, callOf };
}

/**
 * Runs `targets` side by side (see runGatewayBench); each target is { name, label, start(), key(ready), checkProbe(res,
 * key), callOf?(ready) }. Returns the figures per target name.
 */
export async function runAlternating(targets, options, log = console.log) {
  const loadOptions = { connections: options.connections, pipelining: options.pipelining };
  const load = startChild(path.join(here, 'load.js'));
  const running = [];
  try {
    await load.ready;
    for (const target of targets) running.push(await startTarget(load, target));
    const warmups = {};
    for (const r of running) {
      log(`  ${r.target.label}: probe OK; warm-up ${options.warmupSeconds} s`);
      warmups[r.target.name] = strip(await load.request('load', { target: r.spec, options: { ...loadOptions, seconds: options.warmupSeconds } }));
    }
    const rounds = Object.fromEntries(running.map((r) => [r.target.name, []]));
    const perRound = options.seconds / options.rounds;
    log(`  measuring ${options.rounds} rounds of ${perRound} s per target, alternating`);
    for (let i = 0; i < options.rounds; i++) {
      const order = i % 2 === 0 ? running : [...running].reverse();
      for (const r of order) rounds[r.target.name].push(await measureRound(load, r, { ...loadOptions, seconds: perRound }));
    }
    const results = {};
    for (const r of running) {
      const latency = strip(await load.request('summary', { record: r.target.name }));
      const w = warmups[r.target.name];
      results[r.target.name] = {
        label: r.target.label,
        ...combine(rounds[r.target.name], latency),
        warmup: { responses: w.responses, non2xx: w.non2xx, errors: w.errors, timeouts: w.timeouts },
      };
    }
    while (running.length) {
      const r = running.pop();
      Object.assign(results[r.target.name], await stopTarget(r));
    }
    return results;
  } finally {
    for (const r of running) {
      r.handle.kill();
      await r.handle.exit;
      r.cleanup();
    }
    if (load.child.connected) load.child.disconnect();
    else load.kill();
    await load.exit;
  }
}
