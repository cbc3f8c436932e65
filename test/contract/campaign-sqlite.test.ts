/**
 * The CampaignStore contract on the embedded engine, and claims from several processes on one SQLite file. One
 * process cannot stand in for several here: better-sqlite3 waits for the write lock synchronously, which would
 * block the event loop that the lock holder needs to finish its transaction.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/open-store.js';
import { campaignContract } from './campaign-contract.js';
import { ACC_A, createTask, createTenants, idSource, importBatch } from './campaign-fixtures.js';
import { assertPartition } from './campaign-shared-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'waihu-campaign-'));
let files = 0;
const nextFile = (): string => join(dir, `campaign-${++files}.db`);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const worker = fileURLToPath(new URL('./campaign-claim-worker.ts', import.meta.url));

after(() => rmSync(dir, { recursive: true, force: true }));

campaignContract('SQLite file', () => openStore({ sqliteFile: nextFile() }));

campaignContract('SQLite in memory', () => openStore({ sqliteFile: ':memory:' }));

/** A worker process and the lines it prints. */
function startWorker(file: string, taskId: string, node: number): { child: ChildProcessWithoutNullStreams; lines: AsyncIterator<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, file, taskId, String(node)], { cwd: repoRoot });
  child.stderr.pipe(process.stderr);
  return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

async function nextLine(lines: AsyncIterator<string>): Promise<string> {
  const { value, done } = await lines.next();
  assert.ok(!done, 'the worker exited early');
  return value;
}

describe('claims from several processes on one SQLite file', () => {
  test('three worker processes claim disjoint sets that together cover every due detail', { timeout: 60_000 }, async () => {
    const file = nextFile();
    const store = await openStore({ sqliteFile: file });
    await store.migrate();
    await createTenants(store);
    const ids = idSource(51);
    const task = await createTask(store, ids, ACC_A, 'multi-process');
    const { details } = await importBatch(store, ids, task, 3000);
    await store.close();
    const workers = [52, 53, 54].map((node) => startWorker(file, task.id, node));
    try {
      for (const w of workers) assert.equal(await nextLine(w.lines), 'ready');
      for (const w of workers) w.child.stdin.write('go\n');
      const claimed = await Promise.all(workers.map(async (w) => JSON.parse(await nextLine(w.lines)) as string[]));
      assertPartition(claimed, details.map((d) => d.id));
    } finally {
      for (const w of workers) w.child.kill();
    }
  });
});
