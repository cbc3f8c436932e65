/** `waihu simulate numbers.csv [options]`: forecast a campaign on the virtual clock with the real engine. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config.js';
import { DomainError } from '../core/errors.js';
import { parseSimModel } from '../providers/telephony/sim/sim-model.js';
import { runSimulation } from '../app/simulation.js';
import type { Forecast } from '../app/forecast.js';
import type { Output } from './output.js';

const USAGE = `usage: waihu simulate FILE.csv [--cps N] [--call-time 09:00-12:00,13:30-18:00] [--days MONDAY,...]
         [--retry-times N] [--retry-interval MINUTES] [--retry-reasons USER_BUSY,NO_ANSWER] [--time-zone TZ]
         [--start 2026-12-01T09:00:00+08:00] [--seed N] [--speed N] [--model FILE.json] [--json]
The CSV has a header row: a number column (calleeNumber, number, phone or PhoneNumber), an optional outId, and
any other columns as variables. --model replaces the simulated carrier's default outcome model (docs/simulator.md).`;

const NUMBER_COLUMNS = new Set(['calleenumber', 'number', 'phone', 'phonenumber']);
const ALL_DAYS = 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY';

/** Reads a simple CSV (no quoted commas) into import rows. */
export function readCsvRows(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim());
  if (!header.some((h) => NUMBER_COLUMNS.has(h.toLowerCase()))) throw new Error('the CSV header needs a number column (calleeNumber, number, phone or PhoneNumber)');
  return lines.map((line) => {
    const cells = line.split(',');
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      const key = NUMBER_COLUMNS.has(name.toLowerCase()) ? 'calleeNumber' : name;
      row[key] = (cells[i] ?? '').trim();
    });
    return row;
  });
}

function callTimeItems(spec: string): string[] {
  return spec.split(',').map((w) => {
    const [start, end] = w.split('-').map((t) => (t.trim().length === 5 ? `${t.trim()}:00` : t.trim()));
    return JSON.stringify({ startTime: start, endTime: end });
  });
}

function describe(f: Forecast): string {
  const hours = (f.durationMs / 3_600_000).toFixed(2);
  const outcomes = Object.entries(f.outcomes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `    ${k.padEnd(22)} ${v}`).join('\n');
  return [
    `forecast for ${f.recipients} recipients${f.completed ? '' : ' (NOT complete: the time limit ended the run)'}`,
    `  time to complete   ${hours} h (from ${new Date(f.startAt).toISOString()} to ${new Date(f.endAt).toISOString()})`,
    `  attempts           ${f.attempts}`,
    `  answer rate        ${(f.answerRate * 100).toFixed(1)} %`,
    `  achieved CPS       ${f.achievedCps.toFixed(2)} during continuous dialing (TaskCps ${f.taskCps})`,
    `  busiest hour       ${f.busiestHour ? `${f.busiestHour.hour} (${f.busiestHour.dials} dials)` : '-'}`,
    '  final outcome per recipient:',
    outcomes,
  ].join('\n');
}

/** Runs the command; returns the exit code. */
export async function simulateCommand(config: Config, argv: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      cps: { type: 'string' }, 'call-time': { type: 'string' }, days: { type: 'string' }, 'retry-times': { type: 'string' },
      'retry-interval': { type: 'string' }, 'retry-reasons': { type: 'string' }, 'time-zone': { type: 'string' },
      start: { type: 'string' }, seed: { type: 'string' }, speed: { type: 'string' }, model: { type: 'string' }, json: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file) {
    out.error(USAGE);
    return 2;
  }
  const retry = values['retry-times'] !== undefined;
  const forecast = await runSimulation({
    rows: readCsvRows(readFileSync(file, 'utf8')),
    settings: {
      TaskName: 'simulation', CallTime: callTimeItems(values['call-time'] ?? '00:00-24:00'), CallDay: (values.days ?? ALL_DAYS).split(','),
      TaskCps: Number(values.cps ?? 10), TimeZone: values['time-zone'] ?? config.timeZone, MissCallRetry: retry,
      ...(retry ? { CallRetryTimes: Number(values['retry-times']), CallRetryInterval: Number(values['retry-interval'] ?? 5) } : {}),
      ...(values['retry-reasons'] ? { CallRetryReason: values['retry-reasons'].split(',') } : {}),
    },
    startAt: values.start ? Date.parse(values.start) : Date.now(),
    seed: Number(values.seed ?? config.simSeed),
    speed: Number(values.speed ?? 0),
    ...(values.model !== undefined ? { model: readModelFile(values.model) } : {}),
    onProgress: values.json ? undefined : progressReporter(),
  });
  if (!values.json) process.stderr.write('\n');
  out.print(values.json ? JSON.stringify(forecast, null, 2) : describe(forecast));
  return 0;
}

/** The outcome model in a JSON file, validated now so a bad one is named before anything runs. */
export function readModelFile(file: string): unknown {
  const fail = (why: string): never => {
    throw new DomainError('InvalidArgument', `--model ${file}: ${why}`);
  };
  let model: unknown;
  try {
    model = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  try {
    parseSimModel(model);
  } catch (error) {
    if (error instanceof DomainError) fail(error.message);
    throw error;
  }
  return model;
}

/** Redraws the bar when the count changes (or every virtual hour), so a long wait does not flood the terminal. */
function progressReporter(): (done: number, total: number, now: number) => void {
  let last = -1;
  let lastHour = -1;
  return (done, total, now) => {
    const hour = Math.floor(now / 3_600_000);
    if (done === last && hour === lastHour) return;
    last = done;
    lastHour = hour;
    process.stderr.write(progressLine(done, total, now));
  };
}

function progressLine(done: number, total: number, now: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} recipients settled, virtual time ${new Date(now).toISOString().slice(0, 16)}`;
}
