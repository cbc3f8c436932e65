/**
 * Runs one sipp UAS scenario of this folder for one call, in the foreground, on loopback UDP, so a test can dial
 * it and then read sipp's verdict: exit code 0 means every message of the scenario was exchanged as written.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCENARIO_DIR = dirname(fileURLToPath(import.meta.url));

/** True when a sipp binary is on PATH. */
export function sippAvailable(): boolean {
  return spawnSync('sipp', ['-v'], { stdio: 'ignore' }).error === undefined;
}

/** A free UDP port on 127.0.0.1 (bound, read, released). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/** A running sipp. */
export interface SippRun {
  port: number;
  /** sipp's exit code (null when killed), with what it printed, for failure messages. */
  exited: Promise<{ code: number | null; output: string }>;
  kill(): void;
}

/** Starts `scenario` (file name without .xml) answering one call on a free port; gives up after `timeoutS`. */
export async function startSipp(scenario: string, timeoutS = 30): Promise<SippRun> {
  return startSippWith(scenario, { timeoutS });
}

/** How startSippWith runs sipp. */
export interface SippStartOptions {
  timeoutS?: number;
  /** sipp's media port ([media_port] in scenarios); a free one by default. */
  mediaPort?: number;
  /** More command-line options, e.g. `-rtp_echo`. */
  extraArgs?: readonly string[];
}

/** startSipp with more of sipp's options. */
export async function startSippWith(scenario: string, options: SippStartOptions = {}): Promise<SippRun> {
  const port = await freeUdpPort();
  const args = [
    '-sf', join(SCENARIO_DIR, `${scenario}.xml`), '-i', '127.0.0.1', '-p', String(port), '-t', 'u1', '-m', '1',
    '-nostdin', '-timeout', `${options.timeoutS ?? 30}s`, '-timeout_error', '-mp', String(options.mediaPort ?? (await freeUdpPort())),
    ...(options.extraArgs ?? []),
  ];
  const child = spawn('sipp', args, { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output = (output + chunk.toString()).slice(-4000); });
  child.stderr.on('data', (chunk: Buffer) => { output = (output + chunk.toString()).slice(-4000); });
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, output }));
  });
  // sipp binds within milliseconds; an INVITE sent before that is retransmitted anyway (timer A).
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { port, exited, kill: () => { if (child.exitCode === null) child.kill('SIGKILL'); } };
}
