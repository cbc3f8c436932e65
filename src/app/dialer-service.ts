/** Wires and runs the campaign dialer inside a waihu process: the shared carrier and planner, the number directory, the loop. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { SecretBox } from '../core/accounts/secret-box.js';
import type { IdGenerator } from '../core/ids.js';
import { NumberDirectory } from '../core/numbers/number-directory.js';
import { Dialer } from '../dialer/engine/dialer.js';
import { DEFAULT_CALLEE_FREQUENCY_RULES } from '../dialer/policies/index.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import type { CallServices } from './call-services.js';
import type { ReceiptServices } from './receipt-services.js';

/** What the dialer service needs from the app. */
export interface DialerServiceDeps {
  config: Config;
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  secrets: SecretBox;
  logger: Logger;
  /** The carrier and the conversation planner, shared with the single-call actions. */
  calls: Pick<CallServices, 'telephony' | 'planner'>;
  /** Whose calls write receipts (the app's subscription cache); absent: none do. */
  receipts?: Pick<ReceiptServices, 'subscriptions'>;
}

/** A running dialer. */
export interface RunningDialer {
  readonly dialer: Dialer;
  /**
   * Starts nothing new and waits up to `graceMs` for calls in flight; calls still running then are left to lease
   * recovery on the next start (closed as interrupted, then the retry policy).
   */
  stop(graceMs: number): Promise<void>;
}

/** Starts the dialer loop on the shared carrier; each task's calls run the flow the planner gives its agent. */
export function startDialer(deps: DialerServiceDeps): RunningDialer {
  const { config, store, clock, ids, logger } = deps;
  const { telephony, planner } = deps.calls;
  const directory = new NumberDirectory(store, deps.secrets);
  const dialer = new Dialer(
    {
      store, clock, ids, telephony,
      resolveNumber: (accountId, number, type) => directory.resolve(accountId, number, type),
      flowFor: (task) => planner.forTask(task).flow,
      analyze: (task, report, outcome) => planner.forTask(task).analyze(report, outcome),
      calleeLimits: DEFAULT_CALLEE_FREQUENCY_RULES,
      cappedDelayMs: 60_000,
      ...(deps.receipts ? { receiptTypes: (accountId: string) => deps.receipts?.subscriptions.typesFor(accountId) } : {}),
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
    },
  };
}
