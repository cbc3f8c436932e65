import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { SIM_LEDGER_FILE, SimLedger, readLedger, type LedgerEntry } from './sim-ledger.js';

const freshFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'waihu-ledger-')), 'data', SIM_LEDGER_FILE);
const entry = (i: number): LedgerEntry => ({
  at: 1_700_000_000_000 + i,
  attemptId: `a${i}`,
  callId: `1^${i}`,
  accountId: 'acct',
  caller: '057100001111',
  callee: `138${String(i).padStart(8, '0')}`,
});

test('the ledger is created with mode 0600 (also when the file existed) and reads back in order', () => {
  const file = freshFile();
  const ledger = new SimLedger(file);
  ledger.record(entry(1));
  ledger.record({ ...entry(2), attempt: 2 });
  ledger.close();
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(readLedger(file), [entry(1), { ...entry(2), attempt: 2 }]);
  assert.throws(() => ledger.record(entry(3)), /closed/);

  chmodSync(file, 0o644);
  new SimLedger(file).close();
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(readLedger(path.join(path.dirname(file), 'missing.jsonl')), []);
});

test('a torn last line is skipped, and a restarted writer starts on a fresh line', () => {
  const file = freshFile();
  const first = new SimLedger(file);
  first.record(entry(1));
  first.close();
  appendFileSync(file, JSON.stringify(entry(2)).slice(0, 25)); // killed in the middle of a line
  assert.deepEqual(readLedger(file), [entry(1)]);

  const restarted = new SimLedger(file);
  restarted.record(entry(3));
  restarted.close();
  assert.deepEqual(readLedger(file), [entry(1), entry(3)]);
  assert.equal(readFileSync(file, 'utf8').split('\n').length, 4, 'three lines and the final newline');
});

test('lines that are not dials are skipped', () => {
  const file = freshFile();
  new SimLedger(file).close();
  writeFileSync(file, `${JSON.stringify(entry(1))}\n{"at":1}\nnot json\n[]\n${JSON.stringify(entry(2))}\n`);
  assert.deepEqual(readLedger(file), [entry(1), entry(2)]);
});

/** A child process that dials 1000 calls on the simulated carrier, pausing a little between them. */
function dialingChild(file: string) {
  const module = (name: string) => new URL(name, import.meta.url).href;
  const script = `
    import { SimLedger } from '${module('./sim-ledger.ts')}';
    import { SimTelephony } from '${module('./sim-telephony.ts')}';
    import { VirtualClock } from '${module('../../../ports/clock.ts')}';
    const sim = new SimTelephony({ clock: new VirtualClock(0), ledger: new SimLedger(process.argv[1]), timeScale: 0, seed: 1 });
    const listener = { ringing() {}, async answered() {}, ended() {} };
    for (let i = 0; i < 1000; i++) {
      const callee = '138' + String(i).padStart(8, '0');
      await sim.originate({ attemptId: 'a' + i, callId: '1^' + i, accountId: 'x', caller: '0571', callee }, listener);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file], { stdio: 'inherit' });
}

test('a dialing process killed with SIGKILL leaves only whole, distinct entries behind', { timeout: 60_000 }, async () => {
  const file = freshFile();
  const child = dialingChild(file);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const lines = () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0);
  while (lines() < 200) {
    if (child.exitCode !== null) assert.fail('the child finished before it could be killed');
    await delay(5);
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');

  const raw = readFileSync(file, 'utf8').split('\n');
  raw.pop();
  for (const line of raw) assert.doesNotThrow(() => JSON.parse(line), `complete line ${line} parses`);
  const entries = readLedger(file);
  assert.equal(entries.length, raw.length);
  assert.ok(entries.length >= 200 && entries.length < 1000, `${entries.length} entries: killed mid-way`);
  assert.equal(new Set(entries.map((e) => e.attemptId)).size, entries.length, 'no duplicates');
  assert.deepEqual(
    entries.map((e) => e.attemptId),
    entries.map((_, i) => `a${i}`),
    'every dial up to the kill, in order',
  );
});
