/**
 * The only reader of process.env and config files. Settings come, lowest priority first, from the
 * embedded defaults, `waihu.config.json` (or the file named by WAIHU_CONFIG), then WAIHU_* env vars.
 * Everything else receives the frozen Config this module returns.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_RECEIPT_RETRY_SCHEDULE, isRetrySchedule } from '../core/receipts/retry-schedule.js';

const port = z.coerce.number().int().min(0).max(65535);
const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

/** A key inside a URL would be printed wherever the URL is; zod also runs this on strings that are not URLs. */
const withoutCredentials = (value: string) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === '');

/** An API root of a speech or model endpoint: http(s), with any key set apart from it so it is never printed. */
const apiRoot = (keyVar: string) => z.url({ protocol: /^https?$/ }).refine(withoutCredentials, `must not carry credentials; set ${keyVar}`);

/** `host:port` or `[v6 address]:port`, as written in WAIHU_SIP_PROXY and WAIHU_SIP_BIND. */
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):(\d{1,5})$/;

/** Splits a host:port setting (already validated by the schema); IPv6 brackets are dropped. */
export function parseHostPort(value: string): { host: string; port: number } {
  const match = HOST_PORT.exec(value);
  if (!match || Number(match[2]) > 65535) throw new Error(`"${value}" is not host:port`);
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port: Number(match[2]) };
}

const hostPort = (portFrom: number) => z.string().refine((v) => {
  const match = HOST_PORT.exec(v);
  return match !== null && Number(match[2]) >= portFrom && Number(match[2]) <= 65535;
}, `must be host:port with a port from ${portFrom} to 65535`);

/** Every setting, its type and its embedded default. Keys are camelCase; env vars are WAIHU_ + UPPER_SNAKE. */
export const configSchema = z.object({
  port: port.default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).default('./data'),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** The carrier: the built-in simulator, or a SIP trunk (the sip* and speech settings below). */
  telephony: z.enum(['sim', 'sip']).default('sim'),
  timeZone: z.string().min(1).default('Asia/Shanghai'),
  masterKey: z.string().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  maxClockSkewSeconds: z.coerce.number().int().min(1).max(86_400).default(900),
  throttling: bool.default(true),
  maxBodyBytes: z.coerce.number().int().min(1024).default(8 * 1024 * 1024),
  shutdownTimeoutMs: z.coerce.number().int().min(0).default(10_000),
  /** Run the campaign dialer in this process (turn off on API-only nodes sharing a PostgreSQL). */
  dialer: bool.default(true),
  simTimeScale: z.coerce.number().finite().min(0).default(1),
  /**
   * Give answered simulated calls a recording, rendered from the transcript with espeak-ng the first time it is
   * downloaded (docs/recordings.md).
   */
  simRecordings: bool.default(true),
  simSeed: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(20_260_101),
  /** Calls in flight per account in this dialer process; unset: no cap beyond each task's Concurrency. */
  accountConcurrency: z.coerce.number().int().min(1).optional(),
  /** Calls in flight per caller line in this dialer process; unset: no cap. */
  lineConcurrency: z.coerce.number().int().min(1).optional(),
  /** OpenAI-compatible chat-completions API root; unset: no model, agents run on their deterministic scripts. */
  llmBaseUrl: z
    .url({ protocol: /^https?$/ })
    .refine(withoutCredentials, 'must not carry credentials; set WAIHU_LLM_API_KEY')
    .optional(),
  /** Bearer token for the LLM endpoint; a secret, like masterKey, so it is never printed. */
  llmApiKey: z.string().optional(),
  llmModel: z.string().min(1).default('qwen-plus'),
  /** Longest wait for the model's first bytes and between streamed pieces, not for the whole answer. */
  llmTimeoutMs: z.coerce.number().int().min(1).default(15_000),
  llmMaxRetries: z.coerce.number().int().min(0).max(5).default(2),
  /** Delays before each re-push of a receipt batch that failed (docs/receipts.md); then the messages are kept as failed. */
  receiptRetrySchedule: z.string().refine(isRetrySchedule, 'must list delays such as 1m,5m,10m (units ms, s, m, h)').default(DEFAULT_RECEIPT_RETRY_SCHEDULE),
  /** Days a delivered (pushed and acknowledged, or pulled and deleted) receipt stays in the delivery log; then it is purged. */
  receiptRetentionDays: z.coerce.number().int().min(1).max(3650).default(7),
  /** Where SendVerification POSTs each code (an SMS gateway); unset: codes go to the log (development, docs/hotline.md). */
  verificationWebhookUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** The trunk's proxy, SBC or gateway (host:port) every SIP request goes to; required when telephony is sip. */
  sipProxy: hostPort(1).optional(),
  /** The local SIP socket (address:port); port 0 picks a free one. */
  sipBind: hostPort(0).default('0.0.0.0:5060'),
  sipUsername: z.string().min(1).optional(),
  /** Digest password of the trunk; a secret, like llmApiKey, so it is never printed. */
  sipPassword: z.string().optional(),
  /** Domain of the From/To URIs; the proxy's host when unset. */
  sipDomain: z.string().min(1).optional(),
  /** User part of From/Contact when a call names no caller; sipUsername, else `waihu`, when unset. */
  sipFromUser: z.string().min(1).optional(),
  /** Address written into Via, Contact and SDP when the trunk reaches this host at another address (static NAT). */
  sipAdvertisedAddress: z.string().min(1).optional(),
  /** RTP ports (even ones are used, one per call in progress); below 1024 is refused as the pool refuses it. */
  rtpPortMin: z.coerce.number().int().min(1024).max(65535).default(20000),
  rtpPortMax: z.coerce.number().int().min(1024).max(65535).default(20999),
  sipRingTimeoutSeconds: z.coerce.number().int().min(1).max(600).default(60),
  sipMaxCallSeconds: z.coerce.number().int().min(1).default(3600),
  /** What speaks the prompts of SIP calls: espeak-ng (offline) or an OpenAI-compatible /audio/speech endpoint. */
  ttsProvider: z.enum(['espeak', 'openai']).default('espeak'),
  ttsBaseUrl: apiRoot('WAIHU_TTS_API_KEY').optional(),
  /** A secret, never printed. */
  ttsApiKey: z.string().optional(),
  ttsModel: z.string().min(1).default('tts-1'),
  /** The voice when a request names none; the provider's first voice when unset. */
  ttsVoice: z.string().min(1).optional(),
  /** OpenAI-compatible /audio/transcriptions root for SIP calls; unset: no recognition (speech-driven flows hear nothing). */
  asrBaseUrl: apiRoot('WAIHU_ASR_API_KEY').optional(),
  /** A secret, never printed. */
  asrApiKey: z.string().optional(),
  asrModel: z.string().min(1).default('whisper-1'),
  /** Record answered calls on carriers that have audio (SIP): both legs, stereo WAV in the blob store. */
  recordCalls: bool.default(true),
  /** How long a recording link (RecordUrl, RecordingFileDownloadUrl) works after the response that gave it. */
  recordingLinkTtlSeconds: z.coerce.number().int().min(60).max(7 * 86_400).default(3600),
  /** Where clients reach this server (links in responses); the listening address when unset. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
});

/** The parsed, frozen configuration handed to the composition root. */
export type Config = Readonly<z.infer<typeof configSchema>>;

type Source = Record<string, string | undefined>;

/** camelCase key -> WAIHU_UPPER_SNAKE env var name. */
export function envName(key: string): string {
  return 'WAIHU_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

/** Reads the optional JSON file; its keys may be camelCase (`port`) or the env var names (`WAIHU_PORT`). */
function readFileSettings(file: string): Record<string, unknown> {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`${file}: expected a JSON object of settings`);
  }
  const out: Record<string, unknown> = {};
  const byEnv = new Map(Object.keys(configSchema.shape).map((k) => [envName(k), k]));
  for (const [k, v] of Object.entries(raw)) out[byEnv.get(k) ?? k] = v;
  return out;
}

/** Settings that are valid alone but not together, one line each as the schema's problems are printed. */
function combinationProblems(config: z.infer<typeof configSchema>): string[] {
  const problems: string[] = [];
  if (config.telephony === 'sip' && config.sipProxy === undefined) problems.push(`${envName('sipProxy')}: required when ${envName('telephony')} is sip (the trunk's host:port)`);
  if (config.rtpPortMin > config.rtpPortMax) problems.push(`${envName('rtpPortMin')}: must not be above ${envName('rtpPortMax')}`);
  if (config.ttsProvider === 'openai' && config.ttsBaseUrl === undefined) problems.push(`${envName('ttsBaseUrl')}: required when ${envName('ttsProvider')} is openai`);
  return problems;
}

/** Builds the Config from an environment (process.env by default) and the working directory. */
export function loadConfig(env: Source = process.env, cwd: string = process.cwd(), overrides: Record<string, unknown> = {}): Config {
  const explicitFile = env.WAIHU_CONFIG;
  const file = path.resolve(cwd, explicitFile ?? 'waihu.config.json');
  if (explicitFile && !existsSync(file)) throw new Error(`WAIHU_CONFIG names ${file}, which does not exist`);
  const merged: Record<string, unknown> = existsSync(file) ? readFileSettings(file) : {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[envName(key)];
    if (value !== undefined && value !== '') merged[key] = value;
  }
  Object.assign(merged, overrides);
  const parsed = configSchema.strict().safeParse(merged);
  const lines = parsed.success
    ? combinationProblems(parsed.data)
    : parsed.error.issues.map((i) => `  ${i.path.length ? envName(String(i.path[0])) : 'config'}: ${i.message}`);
  if (!parsed.success || lines.length > 0) throw new Error(`invalid waihu configuration:\n${lines.join('\n')}`);
  const config = { ...parsed.data, dataDir: path.resolve(cwd, parsed.data.dataDir) };
  return Object.freeze(config);
}
