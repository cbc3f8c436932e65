/**
 * Two dialers on one PostgreSQL (two pools, as two processes would have) share one campaign: no recipient is claimed
 * twice, both get work, and every recipient ends terminal.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newTaskRecord } from '../../src/core/campaigns/new-task.js';
import { parseTaskSettings } from '../../src/core/campaigns/task-settings.js';
import { taskInput } from '../contract/campaign-fixtures.js';
import { IdGenerator } from '../../src/core/ids.js';
import { Dialer } from '../../src/dialer/engine/dialer.js';
import { runOpeningLine } from '../../src/flows/opening-line.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import type { LedgerEntry } from '../../src/providers/telephony/sim/sim-ledger.js';
import { SimTelephony } from '../../src/providers/telephony/sim/sim-telephony.js';
import { openStore } from '../../src/store/open-store.js';
import { SchemaSource } from '../support/pg-schemas.js';

const baseUrl = process.env.WAIHU_TEST_DATABASE_URL;
const ACCOUNT = '900000000000000003';

function dialerOn(store: Store, ledger: LedgerEntry[], owner: string, node: number, errors: unknown[]): Dialer {
  const telephony = new SimTelephony({ clock: systemClock, ledger: { record: (e) => void ledger.push(e) }, timeScale: 0.005, seed: 5 });
  return new Dialer({
    store, clock: systemClock, ids: new IdGenerator(systemClock, node), telephony,
    resolveNumber: async (_a, number) => ({ ok: true, plain: number }),
    flowFor: () => async (session) => { await runOpeningLine(session, { template: '您好', listenTimeoutMs: 50 }); },
    calleeLimits: [], cappedDelayMs: 1000, onError: (err) => errors.push(err),
  }, { owner, tickMs: 20, leaseMs: 30_000 });
}

describe('two dialers on one PostgreSQL', { skip: baseUrl ? false : 'WAIHU_TEST_DATABASE_URL is not set (scripts/test.sh provides it)' }, () => {
  const schemas = new SchemaSource(baseUrl ?? 'postgres://unused');
  const stores: Store[] = [];
  after(async () => {
    for (const s of stores) await s.close();
    await schemas.dropAll();
  });

  test('share the work without double claims', { timeout: 60_000 }, async () => {
    const url = await schemas.freshUrl();
    const [a, b] = [await openStore({ databaseUrl: url, sqliteFile: ':memory:' }), await openStore({ databaseUrl: url, sqliteFile: ':memory:' })];
    stores.push(a, b);
    await a.migrate();
    const now = Date.now();
    await a.insertAccount({ id: ACCOUNT, name: 'pg', createdAt: now });
    const ids = new IdGenerator(systemClock, 100);
    const task = newTaskRecord(ids.next(), ACCOUNT, parseTaskSettings(taskInput('shared', { TaskCps: 100 })), now);
    await a.insertTask(task);
    const details = Array.from({ length: 200 }, (_, i) => ({
      id: ids.next(), number: `137${String(i).padStart(8, '0')}`, encryptionType: 0 as const, outId: null, variables: {},
    }));
    await a.importDetails({ accountId: ACCOUNT, taskId: task.id, batchId: ids.next(), encryptionType: 0, at: now, details });

    const ledgerA: LedgerEntry[] = [];
    const ledgerB: LedgerEntry[] = [];
    const errors: unknown[] = [];
    const stop = new AbortController();
    const runs = [dialerOn(a, ledgerA, 'dialer-a', 1, errors).run(stop.signal), dialerOn(b, ledgerB, 'dialer-b', 2, errors).run(stop.signal)];
    while ((await a.getTask(ACCOUNT, task.id))?.status !== 'COMPLETED') await new Promise((r) => setTimeout(r, 100));
    stop.abort();
    await Promise.all(runs);

    assert.deepEqual(errors, []);
    assert.ok(ledgerA.length > 0 && ledgerB.length > 0, `both dialers dialed (a: ${ledgerA.length}, b: ${ledgerB.length})`);
    const callees = [...ledgerA, ...ledgerB].map((e) => e.callee);
    assert.equal(callees.length, 200, 'one dial per recipient (no retries configured)');
    assert.equal(new Set(callees).size, 200, 'no recipient dialed by both');
    const page = await a.pageDetails(ACCOUNT, task.id, {}, { pageNo: 1, pageSize: 500 });
    assert.ok(page.items.every((d) => d.state === 4), 'every recipient ended');
  });
});
