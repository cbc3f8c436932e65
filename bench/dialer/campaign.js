// Campaign engine benchmark: a BENCH_RECIPIENTS-recipient campaign (default 100 000) at TaskCps 500 on the virtual
// clock, through the real store (SQLite), dialer and simulated carrier (dist/app/simulation.js, the code behind
// `waihu simulate`). Reports engine CPU per attempt, achieved CPS against TaskCps and peak RSS, each next to its
// target. The same-run reference is the simulated carrier alone placing the same number of calls on the same
// virtual clock, so the engine's own cost is the difference.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { applyHeapTuning } from '../../dist/config/heap-tuning.js';
import { runSimulation } from '../../dist/app/simulation.js';
import { VirtualClock } from '../../dist/ports/clock.js';
import { SimTelephony } from '../../dist/providers/telephony/sim/sim-telephony.js';

const TASK_CPS = 500;

/** The recipients, made as they are read (the simulation reads its input once), so the input is not held in memory. */
function* rows(n) {
  // Numbers ending 0000 always answer (docs/simulator.md), so every recipient takes exactly one attempt.
  for (let i = 0; i < n; i++) yield { calleeNumber: `13${String(i).padStart(5, '0')}0000`, name: `c${i}` };
}

async function carrierAlone(n) {
  const clock = new VirtualClock(Date.parse('2026-12-01T09:00:00+08:00'));
  const sim = new SimTelephony({ clock, ledger: { record() {} }, timeScale: 1, seed: 1 });
  let ended = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const listener = { ringing() {}, answered: async (s) => { await s.say('您好'); }, ended() { ended++; } };
    await sim.originate({ attemptId: `a${i}`, callId: `1^${i}`, accountId: 'x', caller: 'c', callee: `13${String(i).padStart(5, '0')}0000` }, listener);
    if (i % 500 === 499) await clock.advanceAsync(1000);
  }
  await clock.runUntil(() => ended === n);
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / n;
}

/** Runs the campaign bench; returns the figures. */
export async function runDialerBench(n) {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const forecast = await runSimulation({
    rows: rows(n),
    settings: { TaskName: 'bench', CallTime: ['{"startTime":"00:00:00","endTime":"24:00:00"}'], CallDay: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'], TaskCps: TASK_CPS },
    startAt: Date.parse('2026-12-01T09:00:00+08:00'), seed: 1, speed: 0,
  });
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const engineUs = (used.user + used.system) / forecast.attempts;
  const carrierUs = await carrierAlone(Math.min(n, 20_000));
  return { recipients: n, attempts: forecast.attempts, completed: forecast.completed, wallSeconds: (performance.now() - wall) / 1000,
    cpuPerAttemptUs: engineUs, carrierAloneUs: carrierUs, achievedCps: forecast.achievedCps, taskCps: TASK_CPS,
    peakRssMb: peakRss / 1048576, virtualSeconds: forecast.durationMs / 1000 };
}

/** Lines of the report. */
export function formatDialer(r) {
  const cpsErr = Math.abs(r.achievedCps - r.taskCps) / r.taskCps;
  return [
    `Campaign engine: ${r.recipients} recipients, TaskCps ${r.taskCps}, virtual clock, SQLite (${r.wallSeconds.toFixed(1)} s real, ${r.virtualSeconds.toFixed(0)} s virtual)`,
    `  engine CPU per attempt   ${r.cpuPerAttemptUs.toFixed(0)} µs (carrier alone: ${r.carrierAloneUs.toFixed(0)} µs, ratio ${(r.cpuPerAttemptUs / r.carrierAloneUs).toFixed(1)}x)   target <= 200 µs   ${r.cpuPerAttemptUs <= 200 ? 'PASS' : 'FAIL'}`,
    `  achieved CPS             ${r.achievedCps.toFixed(1)} vs TaskCps ${r.taskCps} (${(cpsErr * 100).toFixed(2)} % off)   target within 1 %   ${cpsErr <= 0.01 ? 'PASS' : 'FAIL'}`,
    `  peak RSS                 ${r.peakRssMb.toFixed(0)} MB   target <= 300 MB   ${r.peakRssMb <= 300 ? 'PASS' : 'FAIL'}`,
    `  completed                ${r.completed ? 'yes' : 'NO'} (${r.attempts} attempts)`,
  ];
}

/**
 * Several runs, each in a fresh process (so one run's heap does not inflate the next one's RSS); the report gives the
 * median CPU figures and the highest RSS. This machine's CPU speed wanders by ±10 % from one minute to the next, so
 * a single run can pass or fail a target by luck.
 */
function runInChildren(n, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_RECIPIENTS: String(n), BENCH_CAMPAIGN_CHILD: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`campaign run ${i + 1} failed (exit ${child.status})`);
    results.push(JSON.parse(child.stdout));
  }
  const median = (key) => [...results.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(results.length / 2)];
  return {
    ...results[0],
    runs: results,
    cpuPerAttemptUs: median('cpuPerAttemptUs'), carrierAloneUs: median('carrierAloneUs'), achievedCps: median('achievedCps'),
    wallSeconds: median('wallSeconds'), peakRssMb: Math.max(...results.map((r) => r.peakRssMb)), completed: results.every((r) => r.completed),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
  if (process.env.BENCH_CAMPAIGN_CHILD === '1') {
    // Each run is a waihu process as bin/waihu.js starts one, with the same heap tuning (docs/adr/0005).
    applyHeapTuning();
    process.stdout.write(JSON.stringify(await runDialerBench(n)));
  } else {
    const runs = Number(process.env.BENCH_CAMPAIGN_RUNS ?? 3);
    const r = runInChildren(n, runs);
    console.log(formatDialer(r).join('\n'));
    console.log(`  runs                     ${r.runs.map((x) => `${x.cpuPerAttemptUs.toFixed(0)} µs / ${x.peakRssMb.toFixed(0)} MB`).join(', ')} (median CPU, highest RSS above)`);
  }
}
