/**
 * Runs a program as a filter: input on stdin, output collected from stdout, stderr kept for messages. The child is
 * killed (SIGKILL) past its deadline, past the output cap, or when the caller aborts, so an external tool can never
 * hold the server; the caller says which error each of those ends is reported as. Used for sox (MP3 voice files) and
 * espeak-ng (speech).
 */
import { spawn } from 'node:child_process';

/** How one run goes and how its failures read. */
export interface PipedRun {
  command: string;
  args: readonly string[];
  input: Uint8Array | string;
  timeoutMs: number;
  maxOutputBytes: number;
  signal?: AbortSignal;
  /** The error each way a run is cut short is reported as. */
  errors: {
    /** The program is not installed (spawn ENOENT). */
    missing(): Error;
    timeout(): Error;
    tooLarge(): Error;
    aborted(): Error;
  };
}

/** How the program ended: its exit code (null when killed by a signal), what it wrote. */
export interface PipedResult {
  code: number | null;
  killedBy: NodeJS.Signals | null;
  stdout: Buffer;
  /** The first 4 KiB of stderr. */
  stderr: string;
}

const STDERR_KEPT = 4096;

/** Runs the program; rejects only for the cut-short ends of PipedRun.errors (or another spawn error). */
export function runPiped(run: PipedRun): Promise<PipedResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, run.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let failure: Error | undefined;
    const fail = (error: Error) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const onAbort = () => fail(run.errors.aborted());
    if (run.signal?.aborted) onAbort();
    run.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => fail(run.errors.timeout()), run.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > run.maxOutputBytes) fail(run.errors.tooLarge());
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_KEPT) stderr += chunk.toString('utf8');
    });
    // A child that stops reading early (input it rejects, or it died) breaks the pipe; its exit tells what happened.
    child.stdin.on('error', () => {});
    child.on('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ENOENT' ? run.errors.missing() : error));
    child.on('close', (code, killedBy) => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else resolve({ code, killedBy, stdout: Buffer.concat(out), stderr: stderr.slice(0, STDERR_KEPT) });
    });
    child.stdin.end(run.input);
  });
}
