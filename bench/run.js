// `npm run bench` (after `npm run build`): runs the benchmarks (gateway, dialog; `node bench/run.js dialog` for one), prints each figure next to a reference measured in
// the same run, and writes bench/results/<name>.json. Reports only: a FAIL does not change the exit code.
// Environment: BENCH_SECONDS (measured per target, default 10), BENCH_ROUNDS (the measured time is split into this
// many rounds alternating between targets, default 5), BENCH_WARMUP_SECONDS (default 2), BENCH_CONNECTIONS
// (default 50), BENCH_PROFILE=1 (write a CPU profile of the waihu server to bench/results/profiles/),
// BENCH_DIAGNOSTIC=1 (add a Hono hello-world target: how much of the gap is the framework).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assess, formatReport, toJson } from './gateway/report.js';
import { runGatewayBench } from './gateway/run-gateway.js';
import { formatDialog, runDialogBench } from './dialog/dialog.js';
import { formatSingleCalls, runSingleCallBench } from './single-calls/run-single-calls.js';
import { formatReceipts, runReceiptBench } from './receipts/run-receipts.js';
import { formatConsole, runConsoleBench } from './console/run-console.js';
import { formatMedia, runMediaBench } from './media/run-media.js';
import { envNumber, machineInfo, machineLine } from './lib/machine.js';

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

function gatewayOptions() {
  const connections = envNumber('BENCH_CONNECTIONS', 50);
  if (!Number.isInteger(connections)) throw new Error('BENCH_CONNECTIONS must be a whole number');
  const rounds = envNumber('BENCH_ROUNDS', 5);
  if (!Number.isInteger(rounds)) throw new Error('BENCH_ROUNDS must be a whole number');
  const profile = process.env.BENCH_PROFILE === '1' || process.env.BENCH_PROFILE === 'true';
  return {
    seconds: envNumber('BENCH_SECONDS', 10),
    warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 2),
    rounds,
    connections,
    pipelining: 1,
    diagnostic: process.env.BENCH_DIAGNOSTIC === '1' || process.env.BENCH_DIAGNOSTIC === 'true',
    profileDir: profile ? path.join(resultsDir, 'profiles') : undefined,
  };
}

async function gateway() {
  const options = gatewayOptions();
  const machine = machineInfo();
  console.log(`gateway benchmark: bare node:http and waihu, ${options.warmupSeconds} s warm-up + ${options.seconds} s measured each`);
  const results = await runGatewayBench(options);
  const verdict = assess(results);
  console.log(formatReport(machine, options, results, verdict).join('\n'));
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'gateway.json');
  writeFileSync(file, JSON.stringify(toJson(machine, options, results, verdict), null, 2) + '\n');
  console.log(`\nwritten: ${path.relative(process.cwd(), file)}`);
  if (options.profileDir) console.log(`CPU profile of the waihu server: ${path.relative(process.cwd(), options.profileDir)}/`);
}

async function dialog() {
  const options = { calls: envNumber('BENCH_DIALOG_CALLS', 300), concurrent: envNumber('BENCH_DIALOG_CONCURRENT', 1000) };
  const machine = machineInfo();
  const results = await runDialogBench(options);
  console.log(`\n${machineLine(machine)}\n${formatDialog(results).join('\n')}`);
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'dialog.json');
  writeFileSync(file, JSON.stringify({ machine, options, results }, null, 2) + '\n');
  console.log(`\nwritten: ${path.relative(process.cwd(), file)}`);
}

async function singleCalls() {
  const options = { ...gatewayOptions() };
  const machine = machineInfo();
  console.log(`SingleCallByTts benchmark: bare node:http and waihu, ${options.warmupSeconds} s warm-up + ${options.seconds} s measured each`);
  const results = await runSingleCallBench(options);
  console.log(`\n${machineLine(machine)}\n${formatSingleCalls(results).join('\n')}`);
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'single-calls.json');
  writeFileSync(file, JSON.stringify({ machine, options, results }, null, 2) + '\n');
  console.log(`\nwritten: ${path.relative(process.cwd(), file)}`);
}

async function receipts() {
  const options = { calls: envNumber('BENCH_RECEIPT_CALLS', 20_000) };
  const machine = machineInfo();
  const results = await runReceiptBench(options);
  console.log(`\n${machineLine(machine)}\n${formatReceipts(results).join('\n')}`);
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'receipts.json');
  writeFileSync(file, JSON.stringify({ machine, options, results }, null, 2) + '\n');
  console.log(`\nwritten: ${path.relative(process.cwd(), file)}`);
}

async function media() {
  const seconds = envNumber('BENCH_MEDIA_SECONDS', 20);
  const profile = process.env.BENCH_MEDIA_PROFILE === '1' || process.env.BENCH_MEDIA_PROFILE === 'true';
  const options = {
    calls: envNumber('BENCH_MEDIA_CALLS', 500), seconds, idleSeconds: envNumber('BENCH_MEDIA_IDLE_SECONDS', seconds),
    record: process.env.BENCH_MEDIA_RECORD !== '0' && process.env.BENCH_MEDIA_RECORD !== 'false', rate: envNumber('BENCH_MEDIA_RATE', 50), sippProcesses: process.env.BENCH_MEDIA_SIPP ? envNumber('BENCH_MEDIA_SIPP', 1) : undefined,
    profileDir: profile ? path.join(resultsDir, 'profiles') : undefined,
  };
  const machine = machineInfo();
  const results = await runMediaBench(options);
  console.log(`\n${machineLine(machine)}\n${formatMedia(results).join('\n')}`);
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'media.json');
  writeFileSync(file, JSON.stringify({ machine, options, results }, null, 2) + '\n');
  console.log(`\nwritten: ${path.relative(process.cwd(), file)}`);
}

async function consoleLoad() {
  const options = { loads: envNumber('BENCH_CONSOLE_LOADS', 5) };
  const machine = machineInfo();
  const results = await runConsoleBench(options);
  console.log(`\n${machineLine(machine)}\n${formatConsole(results).join('\n')}`);
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'console.json');
  writeFileSync(file, JSON.stringify({ machine, options, results }, null, 2) + '\n');
  console.log(`\nwritten: ${path.relative(process.cwd(), file)}`);
}

const benches = { gateway, dialog, 'single-calls': singleCalls, receipts, console: consoleLoad, media };
const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  const bench = benches[name];
  if (!bench) throw new Error(`unknown bench "${name}"; known: ${Object.keys(benches).join(', ')}`);
  await bench();
}
