/**
 * Wires receipts inside a waihu process: the subscription cache the dialer asks per call, the signing secrets, the
 * pull/log/re-push use cases, the push dispatcher over HTTP, and the hourly purge of delivered receipts past their
 * retention. The app starts them and stops them on close.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { SecretBox } from '../core/accounts/secret-box.js';
import { ReceiptDispatcher, type ReceiptDispatcherOptions } from '../core/receipts/receipt-dispatcher.js';
import { startReceiptRetention } from '../core/receipts/receipt-retention.js';
import { ReceiptSecrets } from '../core/receipts/receipt-secrets.js';
import { ReceiptService } from '../core/receipts/receipt-service.js';
import { ReceiptSubscriptions } from '../core/receipts/receipt-subscriptions.js';
import { parseRetrySchedule } from '../core/receipts/retry-schedule.js';
import type { RecordingUrls } from '../core/recordings/recording-links.js';
import type { Clock } from '../ports/clock.js';
import type { ReceiptPusher, ReceiptStore } from '../ports/receipt-store.js';
import { HttpReceiptPusher } from '../providers/receipts/http-receipt-pusher.js';

/** What the receipt services are built from. */
export interface ReceiptServicesDeps {
  config: Pick<Config, 'timeZone' | 'receiptRetrySchedule' | 'receiptRetentionDays'>;
  store: ReceiptStore;
  clock: Clock;
  secrets: SecretBox;
  logger: Logger;
  /** Links put into recording receipts when they are delivered. */
  recordingUrls?: RecordingUrls;
  /** Tests and benches swap the HTTP pusher or tune the loop. */
  pusher?: ReceiptPusher;
  dispatcher?: ReceiptDispatcherOptions;
}

/** The wired receipt services. */
export interface ReceiptServices {
  readonly subscriptions: ReceiptSubscriptions;
  readonly service: ReceiptService;
  readonly dispatcher: ReceiptDispatcher;
  /** Loads the subscriptions and starts the dispatcher. */
  start(): Promise<void>;
  /** Stops the dispatcher (after its pass in progress) and the cache refresh. */
  stop(): Promise<void>;
}

/** Wires them; see the module comment. */
export function createReceiptServices(deps: ReceiptServicesDeps): ReceiptServices {
  const { config, store, clock, logger } = deps;
  const subscriptions = new ReceiptSubscriptions(store);
  const secrets = new ReceiptSecrets(store, deps.secrets, clock, (size) => randomBytes(size));
  const dispatcher = new ReceiptDispatcher(
    {
      store, subscriptions, secrets, clock, timeZone: config.timeZone, pusher: deps.pusher ?? new HttpReceiptPusher(),
      ...(deps.recordingUrls ? { recordingUrls: deps.recordingUrls } : {}),
      retrySchedule: parseRetrySchedule(config.receiptRetrySchedule),
      // A fresh owner per start: a crashed predecessor's leases expire and are claimed again, never reused.
      owner: `receipts-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
      onError: (err, context) => logger.error({ err, context }, 'receipt delivery error'),
    },
    deps.dispatcher,
  );
  let stopRetention: (() => Promise<void>) | undefined;
  return {
    subscriptions, dispatcher, service: new ReceiptService(store, secrets, clock),
    start: async () => {
      await subscriptions.start((err) => logger.warn({ err }, 'receipt subscription refresh failed'));
      dispatcher.start();
      stopRetention = startReceiptRetention({
        store, clock, retentionDays: config.receiptRetentionDays, onError: (err) => logger.warn({ err }, 'receipt retention purge failed'),
      });
    },
    stop: async () => {
      await stopRetention?.();
      await dispatcher.stop();
      subscriptions.stop();
    },
  };
}
