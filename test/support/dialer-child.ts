// A dialer process for the crash test: runs the real Dialer on a SQLite file with the simulated carrier (fast time
// scale, short leases) until killed. Argv: <sqlite file> <ledger file> <lease ms>.
import { IdGenerator } from '../../src/core/ids.js';
import { Dialer } from '../../src/dialer/engine/dialer.js';
import { runOpeningLine } from '../../src/flows/opening-line.js';
import { systemClock } from '../../src/ports/clock.js';
import { SimLedger } from '../../src/providers/telephony/sim/sim-ledger.js';
import { SimTelephony } from '../../src/providers/telephony/sim/sim-telephony.js';
import { openStore } from '../../src/store/open-store.js';

const [file, ledgerFile, leaseMs] = process.argv.slice(2) as [string, string, string];
const store = await openStore({ sqliteFile: file });
await store.migrate();
const telephony = new SimTelephony({ clock: systemClock, ledger: new SimLedger(ledgerFile), timeScale: 0.01, seed: 3 });
const dialer = new Dialer(
  {
    store, clock: systemClock, ids: new IdGenerator(systemClock), telephony,
    resolveNumber: async (_a, number) => ({ ok: true, plain: number }),
    flowFor: () => async (session) => { await runOpeningLine(session, { template: '您好', listenTimeoutMs: 200 }); },
    calleeLimits: [], cappedDelayMs: 1000,
    onError: (err, context) => process.stderr.write(`dialer error (${context}): ${String(err)}\n`),
  },
  { owner: `child-${process.pid}`, leaseMs: Number(leaseMs), tickMs: 20 },
);
process.stdout.write('ready\n');
await dialer.run(new AbortController().signal);
