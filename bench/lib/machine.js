// What the figures were measured on; printed above every table and stored with every JSON result.
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Node version, CPU model, core count, memory, OS, the date of the run and the load average before it. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverage: os.loadavg(),
  };
}

/** One line: `node v22.x · AMD EPYC · 2 cores · 23.5 GiB · Linux … · 2026-…Z`. */
export function machineLine(m) {
  return `node ${m.node} · ${m.cpuModel} · ${m.cores} cores · ${m.memoryGiB} GiB · ${m.os} · ${m.date}`;
}

/** Reads a positive number from the environment, or the default; anything else is an error, not a silent default. */
export function envNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** Cumulative busy and total CPU ticks of the whole machine (all processes), from /proc/stat; undefined elsewhere. */
export function machineCpuTicks() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    const busy = user + nice + system + irq + softirq + (steal ?? 0);
    return { busy, total: busy + idle + iowait };
  } catch {
    return undefined;
  }
}

/** Busy CPU of the whole machine between two machineCpuTicks() readings, in % of one core (200 % = 2 cores busy). */
export function machineBusyPercent(before, after) {
  if (!before || !after || after.total === before.total) return NaN;
  return ((after.busy - before.busy) / (after.total - before.total)) * os.cpus().length * 100;
}
