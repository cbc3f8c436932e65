/** The composition root: Config -> store and adapters -> core services -> gateway. The only place that wires. */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { AccessKeyService, randomText, type NewAccessKey } from '../core/accounts/access-keys.js';
import { ConsoleUsers } from '../core/accounts/console-users.js';
import { KeyCache } from '../core/accounts/key-cache.js';
import { SecretBox } from '../core/accounts/secret-box.js';
import { AgentRegistry } from '../core/agents/agent-registry.js';
import { AgentTestCalls } from '../core/agents/test-calls.js';
import { testCallPlanner } from '../flows/test-call-planner.js';
import { RegistryAgentNames } from '../core/campaigns/agent-names.js';
import { CampaignService } from '../core/campaigns/campaign-service.js';
import { IdGenerator } from '../core/ids.js';
import { VoiceResources } from '../core/media/voice-resources.js';
import type { EncryptionType } from '../core/numbers/encryption-type.js';
import { NumberDirectory } from '../core/numbers/number-directory.js';
import { blobRecordingArchive } from '../core/recordings/call-recording.js';
import { linkSigningKey, RecordingLinks } from '../core/recordings/recording-links.js';
import { EspeakSynthesizer } from '../providers/tts/espeak-synthesizer.js';
import { simulatedRecordingRenderer, type MissingRecording } from './simulated-recordings.js';
import { createHotlineServices, type HotlineServices } from '../core/hotline/hotline-services.js';
import { LogVerificationSender, WebhookVerificationSender } from '../providers/hooks/hotline-code-senders.js';
import { DEFAULT_CALLEE_FREQUENCY_RULES } from '../dialer/policies/index.js';
import type { BlobStore } from '../ports/blob-store.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import { StoredSimModels } from '../providers/telephony/sim/stored-sim-models.js';
import { FsBlobStore } from '../providers/blobs/fs-blob-store.js';
import { SoxMp3Decoder } from '../providers/audio/voice-file-sox.js';
import { openStore } from '../store/open-store.js';
import { authenticate } from '../gateway/auth/authenticate.js';
import { ActionCatalog, generatedActionSpecs } from '../gateway/catalog/catalog.js';
import { renderApiCoverage } from '../gateway/catalog/coverage.js';
import { Gateway, handlerKey } from '../gateway/gateway.js';
import { buildHandlers } from '../gateway/products/handlers.js';
import { Throttler } from '../gateway/throttle.js';
import { createTaskFlows } from '../flows/task-flows/task-flows.js';
import { CallStatistics } from '../core/calls/call-statistics.js';
import { createCallServices, type CallServices } from './call-services.js';
import { createInteractiveCallServices } from './interactive-call-services.js';
import { createLogger } from './logger.js';
import { createReceiptServices, type ReceiptServices } from './receipt-services.js';
import { loadMasterKey } from './master-key.js';
import { runSimulationInWorker } from './simulation-worker.js';

/** A running waihu instance, without its HTTP listener. */
export interface App {
  readonly config: Config;
  readonly store: Store;
  readonly accessKeys: AccessKeyService;
  /** The web console's users, sign-in and sessions. */
  readonly consoleUsers: ConsoleUsers;
  /** AI voice agents, LLM applications and robots, and the profiles calls run with. */
  readonly agents: AgentRegistry;
  /** TTS templates, voice files, caller numbers and receipt settings. */
  readonly voiceResources: VoiceResources;
  /** The carrier, the chat model, the conversation planner and single calls, shared with the dialer. */
  readonly calls: CallServices;
  readonly catalog: ActionCatalog;
  readonly gateway: Gateway;
  /** Keys (`product/action`) of the actions that are built. */
  readonly builtActions: ReadonlySet<string>;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Seals secrets at rest (AccessKey secrets, directory numbers). */
  readonly secrets: SecretBox;
  /** The 400-number registry: qualifications, registrations and their review, transfer pools, verification codes. */
  readonly hotline: HotlineServices;
  /** Receipt subscriptions (asked by the dialer), pull and log use cases, and the push dispatcher (running). */
  readonly receipts: ReceiptServices;
  /** Recordings' blob store and the signed links that serve them. */
  readonly recordings: { readonly blobs: BlobStore; readonly links: RecordingLinks; renderMissing(key: string): Promise<MissingRecording> };
  /** Stops timers and closes the store. */
  close(): Promise<void>;
}

/** Options that tests and tools may override. */
export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
}

const NONCE_PURGE_INTERVAL_MS = 60_000;

/** Opens the store (running migrations) and builds every service from the config. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openStore({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'waihu.db') });
  await store.migrate();
  const masterKey = loadMasterKey(config.dataDir, config.masterKey);
  const secrets = new SecretBox(masterKey);
  const recordingLinks = new RecordingLinks(linkSigningKey(masterKey), config.publicUrl ?? `http://${config.host}:${config.port}`, config.recordingLinkTtlSeconds * 1000);
  const recordingUrls = recordingLinks.urls(clock);
  const ids = new IdGenerator(clock);
  // The cache and the service refer to each other: lookups go through the service, changes invalidate the cache.
  const keyCache = new KeyCache((id) => accessKeys.resolveForAuth(id), clock);
  const accessKeys = new AccessKeyService(store, secrets, ids, clock, (id) => keyCache.invalidate(id));
  const consoleUsers = new ConsoleUsers(store, ids, clock);
  const agents = new AgentRegistry({ store, tasks: store, ids, clock, newId: randomUUID, randomBytes: (size) => randomBytes(size) });
  const campaigns = new CampaignService({ store, ids, clock, agents: new RegistryAgentNames(store) });
  const numberLists = { directory: new NumberDirectory(store, secrets), store, clock };
  const simulatorModels = { models: new StoredSimModels(store, clock), clock };
  const media = { blobs: new FsBlobStore(path.join(config.dataDir, 'blobs')), mp3: new SoxMp3Decoder(), newId: randomUUID };
  const voiceResources = new VoiceResources({ store, clock, randomBytes: (size) => randomBytes(size), media });
  const taskFlows = createTaskFlows({ agents, voiceResources, store, clock, onWarning: (message, context) => logger.warn(context, message) });
  const calls = createCallServices({
    config, store, clock, ids, logger, taskFlows,
    media: { recordings: blobRecordingArchive(media.blobs), voiceFileSamples: (accountId, code) => voiceResources.voiceFiles.samples(accountId, code) },
    profiles: { agent: (accountId, id) => agents.voiceAgents.profile(accountId, id), application: (accountId, code) => agents.applications.profile(accountId, code) },
  });
  const engine = {
    ...calls, clock, resolveNumber: (accountId: string, number: string, type: EncryptionType) => numberLists.directory.resolve(accountId, number, type),
  };
  const codeSender = config.verificationWebhookUrl ? new WebhookVerificationSender(config.verificationWebhookUrl, logger) : new LogVerificationSender(logger);
  const hotline = createHotlineServices({ store, clock, ids, sender: codeSender, secrets });
  const receipts = createReceiptServices({ config, store, clock, secrets, logger, recordingUrls });
  voiceResources.receiptConfigs.onChange(() => void receipts.subscriptions.refresh().catch((err: unknown) => logger.warn({ err }, 'receipt subscription refresh failed')));
  await receipts.start();
  const handlers = buildHandlers({
    hotline, accessKeys, campaigns, numberLists, simulatorModels, agents, voiceResources, timeZone: config.timeZone, engine, receipts: receipts.service,
    consoleUsers,
    speech: calls.speech,
    runForecast: runSimulationInWorker,
    speechPreview: calls.synthesizer,
    recordingUrls,
    callStatistics: new CallStatistics({ store, live: calls.callStates, clock }),
    agentTestCalls: new AgentTestCalls({ plan: testCallPlanner({ planner: calls.planner, agents, clock }), clock }),
    thirdswaicall: { calls: calls.calls, clock, timeZone: config.timeZone, recordingUrls },
    dyvms: { store, clock, ids, dataDir: config.dataDir, secrets },
    dyvmsCalls: { singleCalls: calls.singleCalls, templates: voiceResources.ttsTemplates, callerNumbers: voiceResources.callerNumbers, calleeLog: store, calleeLimits: DEFAULT_CALLEE_FREQUENCY_RULES, clock },
    dyvmsInteractive: createInteractiveCallServices({ calls, store, carrier: config.telephony, voiceFiles: voiceResources.voiceFiles, receiptConfigs: voiceResources.receiptConfigs, ...(config.timeZone !== undefined ? { timeZone: config.timeZone } : {}) }),
  });
  const catalog = new ActionCatalog(generatedActionSpecs(), [...handlers.values()].map((h) => h.spec));
  const maxSkewMs = config.maxClockSkewSeconds * 1000;
  const gateway = new Gateway({
    catalog,
    handlers,
    authenticate: (input) =>
      authenticate({ clock, maxSkewMs, lookupKey: (id) => keyCache.get(id), claimNonce: (...a) => store.claimNonce(...a) }, input),
    throttler: config.throttling ? new Throttler(clock) : undefined,
    onRequest: (entry) => logger.info(entry, 'request'),
    onUnexpectedError: (err, requestId) => logger.error({ err, requestId }, 'unexpected error'),
  });
  const purge = setInterval(() => {
    store.purgeExpiredNonces(clock.now()).catch((err: unknown) => logger.warn({ err }, 'nonce purge failed'));
    consoleUsers.purgeExpired().catch((err: unknown) => logger.warn({ err }, 'console session purge failed'));
  }, NONCE_PURGE_INTERVAL_MS);
  purge.unref();
  return {
    config, store, accessKeys, consoleUsers, agents, voiceResources, catalog, gateway, logger, clock, ids, secrets, hotline, receipts,
    recordings: {
      blobs: media.blobs, links: recordingLinks,
      // Simulated calls name a recording that is spoken from the transcript only when someone downloads it.
      renderMissing: simulatedRecordingRenderer({ dialogs: store, blobs: media.blobs, synthesizer: new EspeakSynthesizer(), timeScale: config.simTimeScale }),
    },
    builtActions: new Set(handlers.keys()),
    calls,
    close: async () => {
      await calls.close(config.shutdownTimeoutMs);
      clearInterval(purge);
      await receipts.stop();
      await store.close();
    },
  };
}

/** What a first start created: the default account's key and its console user, secrets in plain text this once. */
export interface FirstStartCredentials extends NewAccessKey {
  ConsoleUser: string;
  ConsolePassword: string;
}

/** Name of the console user a first start creates. */
export const FIRST_CONSOLE_USER = 'admin';

/**
 * On a first start (no accounts yet) creates the default account, its key and its console user `admin` with a random
 * password; returns them so they can be shown once.
 */
export async function ensureDefaultAccount(app: App): Promise<FirstStartCredentials | undefined> {
  if ((await app.store.countAccounts()) > 0) return undefined;
  const account = await app.accessKeys.createAccount('default');
  const key = await app.accessKeys.createAccessKey(account.id, 'created on first start');
  const password = randomText(16);
  await app.consoleUsers.create(account.id, FIRST_CONSOLE_USER, password);
  return { ...key, ConsoleUser: FIRST_CONSOLE_USER, ConsolePassword: password };
}

/** The lines that show first-start credentials once (serve prints them; CLI commands that first-start too). */
export function firstStartLines(created: FirstStartCredentials): string[] {
  return [
    `  AccountId:       ${created.AccountId}`,
    `  AccessKeyId:     ${created.AccessKeyId}`,
    `  AccessKeySecret: ${created.AccessKeySecret}`,
    `  ConsoleUser:     ${created.ConsoleUser}`,
    `  ConsolePassword: ${created.ConsolePassword}`,
  ];
}

/** The text of docs/api-coverage.md for this build. */
export function apiCoverageOf(app: App): string {
  return renderApiCoverage(app.catalog, (product, action) => app.builtActions.has(handlerKey(product, action)));
}
