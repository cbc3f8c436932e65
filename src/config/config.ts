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

/** Every setting, its type and its embedded default. Keys are camelCase; env vars are WAIHU_ + UPPER_SNAKE. */
export const configSchema = z.object({
  port: port.default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).default('./data'),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  telephony: z.enum(['sim']).default('sim'),
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
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.length ? envName(String(i.path[0])) : 'config'}: ${i.message}`);
    throw new Error(`invalid waihu configuration:\n${lines.join('\n')}`);
  }
  const config = { ...parsed.data, dataDir: path.resolve(cwd, parsed.data.dataDir) };
  return Object.freeze(config);
}
