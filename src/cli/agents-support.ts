/**
 * The plumbing the `apps`, `robots` and `agents` commands share: how a verb is declared, how its arguments are
 * checked before anything is opened, and how files the user names are read. No business rule lives here.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Config } from '../config/config.js';
import { createApp, ensureDefaultAccount, firstStartLines, type App } from '../app/app.js';
import { createLogger } from '../app/logger.js';
import { DomainError } from '../core/errors.js';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import type { Output } from './output.js';

/** A mistake in something the user handed the CLI (a missing or non-JSON file); printed as is, exit code 1. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

/** Wrong arguments or flags: the command prints the message and its usage, exit code 2. */
class UsageError extends Error {}

/** What a verb gets to work with. */
export interface VerbContext {
  /** String flags by name (boolean flags are handled by the dispatcher). */
  flags: Readonly<Record<string, string | undefined>>;
  /** The positional arguments, as many as the verb declared. */
  args: readonly string[];
  /** The app, opened on first use and closed when the verb is done, and the account to act on. */
  account(): Promise<{ app: App; accountId: string }>;
  /** Prints `data` as JSON under --json, else `text` (nothing when it is empty). */
  show(data: unknown, text: string): void;
  out: Output;
}

/** One subcommand: what it takes and what it does. */
export interface Verb {
  /** Names of the positional arguments (all required), as the usage shows them. */
  args?: readonly string[];
  /** String flags it accepts besides --account and --json. */
  flags?: readonly string[];
  /** Flags it cannot do without. */
  required?: readonly string[];
  /** Flags of which it needs at least one (an update that changes nothing is a slip, not a request). */
  someOf?: readonly string[];
  run(ctx: VerbContext): Promise<void>;
}

/** A command area (`waihu apps ...`): its usage text and verbs by name. */
export interface CommandArea {
  name: string;
  usage: string;
  verbs: Readonly<Record<string, Verb>>;
}

/** Runs `waihu <area> <verb> ...`; returns the exit code. Usage problems are caught before the app is opened. */
export async function runArea(config: Config, area: CommandArea, argv: string[], out: Output): Promise<number> {
  const [verbName, ...rest] = argv;
  if (verbName === 'help' || verbName === '--help' || verbName === '-h') {
    out.print(area.usage);
    return 0;
  }
  // hasOwn: a verb named like an Object.prototype member ("constructor") must not resolve to it.
  const verb = verbName !== undefined && Object.hasOwn(area.verbs, verbName) ? area.verbs[verbName] : undefined;
  if (!verb) {
    out.error(`${verbName === undefined ? '' : `waihu: unknown ${area.name} command "${verbName}"\n\n`}${area.usage}`);
    return 2;
  }
  let parsed: ParsedVerb;
  try {
    parsed = parseVerb(`${area.name} ${verbName}`, verb, rest);
  } catch (error) {
    if (!(error instanceof UsageError || isParseArgsError(error))) throw error;
    out.error(`waihu: ${(error as Error).message}\n\n${area.usage}`);
    return 2;
  }
  if (parsed.help) {
    out.print(area.usage);
    return 0;
  }
  await runVerb(config, verb, parsed, out);
  return 0;
}

interface ParsedVerb {
  flags: Record<string, string | undefined>;
  args: string[];
  json: boolean;
  help: boolean;
}

/** The verb's flags and arguments, strictly: an unknown flag, a missing argument or an extra one is a UsageError. */
function parseVerb(command: string, verb: Verb, argv: string[]): ParsedVerb {
  const options: ParseArgsOptionsConfig = { account: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };
  for (const flag of verb.flags ?? []) options[flag] = { type: 'string' };
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const help = values.help === true;
  const names = verb.args ?? [];
  if (!help && positionals.length < names.length) throw new UsageError(`${command} needs ${names.slice(positionals.length).join(' ')}`);
  if (positionals.length > names.length) throw new UsageError(`${command} takes ${names.length === 0 ? 'no arguments' : names.join(' ')}; unexpected "${positionals[names.length]}" (quote values with spaces)`);
  const missing = (verb.required ?? []).filter((flag) => values[flag] === undefined);
  if (!help && missing.length > 0) throw new UsageError(`${command} needs ${missing.map((f) => `--${f}`).join(', ')}`);
  const someOf = verb.someOf ?? [];
  if (!help && someOf.length > 0 && !someOf.some((flag) => values[flag] !== undefined)) {
    throw new UsageError(`${command} needs at least one of ${someOf.map((f) => `--${f}`).join(', ')}`);
  }
  const flags: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(values)) if (typeof value === 'string') flags[name] = value;
  return { flags, args: positionals, json: values.json === true, help };
}

/** node:util parseArgs reports an unknown flag or a flag without its value as a coded TypeError. */
function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
}

/** Runs the verb with an app opened only if it asks for one, and always closed afterwards. */
async function runVerb(config: Config, verb: Verb, parsed: ParsedVerb, out: Output): Promise<void> {
  let app: App | undefined;
  const account = async () => {
    app ??= await createApp(config, { logger: createLogger('silent') });
    return { app, accountId: await pickAccount(app, parsed.flags.account, out) };
  };
  const show = (data: unknown, text: string) => {
    if (parsed.json) out.print(JSON.stringify(data, null, 2));
    else if (text !== '') out.print(text);
  };
  try {
    await verb.run({ flags: parsed.flags, args: parsed.args, account, show, out });
  } finally {
    await app?.close();
  }
}

/**
 * The account to act on: the one given (which must exist), else the first one. On a store with no account yet it
 * does what `waihu serve` does on a first start, default account and key shown once (on stderr, so `$(...)` still
 * captures just the id); creating a bare account instead would make serve skip that and leave no key at all.
 */
async function pickAccount(app: App, given: string | undefined, out: Output): Promise<string> {
  if (given !== undefined) {
    const known = (await app.accessKeys.listAccounts()).some((a) => a.id === given);
    if (!known) throw new DomainError('NotFound', `account ${given} does not exist (waihu accounts list)`);
    return given;
  }
  const created = await ensureDefaultAccount(app);
  if (created) {
    out.error([
      'waihu: first use: created the default account, its AccessKey and its console user. The secret and the password are shown only now; keep them.',
      ...firstStartLines(created),
    ].join('\n'));
    return created.AccountId;
  }
  const [first] = await app.accessKeys.listAccounts();
  return first!.id;
}

/** A JSON file the user named: its text and its parsed value; CliInputError when it is missing or not JSON. */
export function readJsonFile(file: string, flag: string): { text: string; json: unknown } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new CliInputError(`${flag} ${file}: cannot read it: ${why}`);
  }
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch (error) {
    throw new CliInputError(`${flag} ${file}: not JSON: ${(error as Error).message}`);
  }
}

/**
 * Runs `fn`; a validation error about `param` gets the flag and file it came from in front, so the user knows
 * which file to fix. The domain's message (node and field, or JSON path) is kept whole.
 */
export async function blamingFile<T>(param: string, source: { flag: string; file: string | undefined }, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (source.file === undefined || !(error instanceof DomainError) || error.param !== param) throw error;
    throw new DomainError(error.code, `${source.flag} ${source.file}: ${error.message}`, error.param);
  }
}

// The listings page at the gateway's largest page size, so the CLI sees what the API would, all of it.
const PAGE_SIZE = 100;

/** Every row of a paged listing, in the listing's order. */
export async function listAll<T>(page: (request: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  for (let pageNo = 1; ; pageNo++) {
    const result = await page({ pageNo, pageSize: PAGE_SIZE });
    rows.push(...result.items);
    if (result.items.length < PAGE_SIZE || rows.length >= result.total) return rows;
  }
}

/** An epoch-millisecond time as ISO 8601 (UTC), the form the other CLI listings use. */
export function isoTime(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString();
}

/** Label/value lines with the values aligned. */
export function labelled(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${label.padEnd(width)}${value}`).join('\n');
}
