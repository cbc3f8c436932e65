/**
 * The simulated carrier's ledger: one JSON line per dial it received, the tests' witness that no attempt
 * was dialed twice. Each line is written with a synchronous write on a file opened in append mode before
 * the dial proceeds, so it is in the kernel (and survives a SIGKILL of the process) by the time anything
 * happens; it does not fsync, so a power cut may lose the last lines.
 */
import {
  closeSync,
  existsSync,
  fchmodSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { DialRequest } from '../../../ports/telephony.js';

/** File name of the ledger inside the data directory. */
export const SIM_LEDGER_FILE = 'sim-ledger.jsonl';

/** One dial, as the carrier received it. The number is kept in full: the ledger exists to be checked. */
export type LedgerEntry = Pick<DialRequest, 'attemptId' | 'callId' | 'accountId' | 'caller' | 'callee' | 'attempt'> & {
  /** Clock time of the dial, epoch ms. */
  at: number;
};

/** Where dials are recorded; SimLedger in production, an array in a unit test. */
export interface DialLedger {
  /** Records the dial durably (for a process crash) before returning; throws when it cannot. */
  record(entry: LedgerEntry): void;
}

/** The append-only JSON-lines ledger file, mode 0600 (it holds phone numbers). */
export class SimLedger implements DialLedger {
  private fd: number | undefined;

  constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.fd = openSync(file, 'a+', 0o600);
    // The mode argument only applies when the file is created.
    fchmodSync(this.fd, 0o600);
    this.endTornLine(this.fd);
  }

  /** Appends one line with a single synchronous write (looped only if the kernel writes it in parts). */
  record(entry: LedgerEntry): void {
    if (this.fd === undefined) throw new Error(`the ledger ${this.file} is closed`);
    const bytes = Buffer.from(JSON.stringify(entry) + '\n');
    for (let written = 0; written < bytes.length; ) {
      written += writeSync(this.fd, bytes, written, bytes.length - written);
    }
  }

  /** Closes the file; further records throw. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /**
   * A process killed in the middle of a write can leave a line without its newline; ending it here keeps the
   * next entry on a line of its own (the torn line then fails to parse and the reader skips it).
   */
  private endTornLine(fd: number): void {
    const size = fstatSync(fd).size;
    if (size === 0) return;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] !== 0x0a) writeSync(fd, '\n');
  }
}

function isEntry(value: unknown): value is LedgerEntry {
  const v = value as Partial<LedgerEntry> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.at === 'number' &&
    typeof v.attemptId === 'string' &&
    typeof v.callee === 'string' &&
    typeof v.callId === 'string'
  );
}

/**
 * Reads every complete entry of a ledger, oldest first. A line that was torn by a killed process (the tail
 * without a newline, or a torn line that a restart closed) is skipped: its dial never left. A missing file
 * reads as empty.
 */
export function readLedger(file: string): LedgerEntry[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.pop(); // after the last newline: empty, or a torn tail
  const entries: LedgerEntry[] = [];
  for (const line of lines) {
    try {
      const value: unknown = JSON.parse(line);
      if (isEntry(value)) entries.push(value);
    } catch {
      // a torn line; see above
    }
  }
  return entries;
}
