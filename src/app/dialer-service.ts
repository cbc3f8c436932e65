/** Wires and runs the campaign dialer inside a waihu process: the configured carrier, the number directory, the loop. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { SecretBox } from '../core/accounts/secret-box.js';
import type { IdGenerator } from '../core/ids.js';
import { NumberDirectory } from '../core/numbers/number-directory.js';
import { Dialer } from '../dialer/engine/dialer.js';
import { DEFAULT_CALLEE_FREQUENCY_RULES } from '../dialer/policies/index.js';
import { runOpeningLine } from '../flows/opening-line.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import { SIM_LEDGER_FILE, SimLedger } from '../providers/telephony/sim/sim-ledger.js';
import { SimTelephony } from '../providers/telephony/sim/sim-telephony.js';
import { StoredSimModels } from '../providers/telephony/sim/stored-sim-models.js';

/** What the dialer service needs from the app. */
export interface DialerServiceDeps {
  config: Config;
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  secrets: SecretBox;
  logger: Logger;
}

/** A running dialer. */
export interface RunningDialer {
  readonly dialer: Dialer;
  /**
   * Starts nothing new and waits up to `graceMs` for calls in flight; calls still running then are left to lease
   * recovery on the next start (closed as interrupted, then the retry policy). Closes the carrier's ledger.
   */
  stop(graceMs: number): Promise<void>;
}

// Until agents exist (issue 4) every answered call hears this line, with the recipient's variables filled in.
const OPENING_LINE = '您好${name}，这里是语音通知，请留意相关信息。';

/** Starts the dialer loop on the simulated carrier (the only telephony so far). */
export function startDialer(deps: DialerServiceDeps): RunningDialer {
  const { config, store, clock, ids, logger } = deps;
  const ledger = new SimLedger(path.join(config.dataDir, SIM_LEDGER_FILE));
  // Each account's model as set through SetSimulatorModel, re-read at most every few seconds (SIM_MODEL_CACHE_MS).
  const models = new StoredSimModels(store, clock);
  const telephony = new SimTelephony({ clock, ledger, models, timeScale: config.simTimeScale, seed: config.simSeed });
  const directory = new NumberDirectory(store, deps.secrets);
  const dialer = new Dialer(
    {
      store, clock, ids, telephony,
      resolveNumber: (accountId, number, type) => directory.resolve(accountId, number, type),
      flowFor: () => (session) => runOpeningLine(session, { template: OPENING_LINE }).then(() => undefined),
      calleeLimits: DEFAULT_CALLEE_FREQUENCY_RULES,
      cappedDelayMs: 60_000,
      onError: (err, context) => logger.error({ err, context }, 'dialer error'),
    },
    // A fresh owner per process start: leases of a crashed predecessor expire and are recovered, never reused.
    {
      owner: `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
      ...(config.accountConcurrency !== undefined ? { accountConcurrency: config.accountConcurrency } : {}),
      ...(config.lineConcurrency !== undefined ? { lineConcurrency: config.lineConcurrency } : {}),
    },
  );
  const abort = new AbortController();
  const loop = dialer.run(abort.signal);
  return {
    dialer,
    stop: async (graceMs) => {
      abort.abort();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([loop, grace]);
      clearTimeout(timer);
      ledger.close();
    },
  };
}
