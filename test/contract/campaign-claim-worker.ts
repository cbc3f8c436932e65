/**
 * A dialer stand-in run as its own process by campaign-sqlite.test.ts: opens the SQLite file, says "ready", waits
 * for a line on stdin (so every worker starts claiming at once), claims until nothing is due, and prints the
 * claimed detail ids as one JSON line.
 */
import { createInterface } from 'node:readline';
import { openStore } from '../../src/store/open-store.js';
import { claimAll, claimRequest, idSource } from './campaign-fixtures.js';

const [file, taskId, node] = process.argv.slice(2);
if (!file || !taskId || !node) throw new Error('usage: campaign-claim-worker <sqlite file> <task id> <node>');

const store = await openStore({ sqliteFile: file });
const lines = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => lines.once('line', () => resolve()));
process.stdout.write('ready\n');
await go;
lines.close();
const ids = idSource(Number(node));
const claimed = await claimAll(store, claimRequest(taskId, ids, { limit: 5, leaseOwner: `worker-${node}` }));
await store.close();
process.stdout.write(`${JSON.stringify(claimed)}\n`);
