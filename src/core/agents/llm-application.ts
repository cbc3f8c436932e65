/**
 * An LLM application ("大模型应用", the ApplicationCode of LlmSmartCall and CreateAiCallTask): a prompt and an
 * opening line, both with `${name}` placeholders that each call fills (LlmSmartCall's PromptParam and
 * StartWordParam), and the voice the agent speaks with. The placeholder names are derived from the text, never
 * declared separately, so they cannot drift apart.
 */
import { DomainError } from '../errors.js';
import { readInt, readString } from '../campaigns/setting-values.js';

/** Limits of an application's fields; TtsSpeed and TtsVolume ranges are aiccs'. */
export const APPLICATION_LIMITS = Object.freeze({
  maxNameLength: 64,
  maxDescriptionLength: 512,
  maxPromptLength: 20_000,
  maxStartWordLength: 1000,
  maxVoiceCodeLength: 64,
  speed: { min: -200, max: 200 },
  volume: { min: 0, max: 100 },
  defaultSpeed: 0,
  defaultVolume: 50,
});

/** An application as stored. */
export interface LlmApplicationRecord {
  /** ApplicationCode: 'A' and 10 upper-case letters or digits, unique within the account. */
  code: string;
  accountId: string;
  /** Unique within the account. */
  name: string;
  description: string;
  prompt: string;
  startWord: string;
  /** Empty: the platform's default voice. */
  ttsVoiceCode: string;
  ttsSpeed: number;
  ttsVolume: number;
  /** Bumped by every change, so concurrent read-modify-write updates can detect each other. */
  revision: number;
  createdAt: number;
  updatedAt: number;
}

/** CreateLlmApplication / UpdateLlmApplication input by wire name; absent members keep their value on update. */
export interface LlmApplicationInput {
  Name?: unknown;
  Description?: unknown;
  Prompt?: unknown;
  StartWord?: unknown;
  TtsVoiceCode?: unknown;
  TtsSpeed?: unknown;
  TtsVolume?: unknown;
}

// A name is anything up to the closing brace but braces, `$` and spaces: ${客户姓名}, ${name}, ${order_no}.
const PLACEHOLDER = /\$\{([^{}$\s]{1,64})\}/g;

/** The distinct placeholder names of a text, in order of first appearance. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const CODE_LENGTH = 10;

/** An ApplicationCode from 10 random bytes: 'A' and 10 characters of [A-Z0-9]. */
export function applicationCodeOf(random: Uint8Array): string {
  if (random.length < CODE_LENGTH) throw new RangeError(`applicationCodeOf needs ${CODE_LENGTH} random bytes`);
  // 256 is not a multiple of 36, so the first characters are a little likelier; harmless for an identifier.
  return 'A' + Array.from(random.subarray(0, CODE_LENGTH), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Bytes applicationCodeOf consumes. */
export const APPLICATION_CODE_BYTES = CODE_LENGTH;

/** A required text: trimmed, not empty, at most `max` characters. */
function required(value: unknown, param: string, max: number): string {
  const text = readString(value, param, max, null);
  if (text === null) throw new DomainError('InvalidArgument', `${param} is required`, param);
  return text;
}

/** The application's own fields after `input` over `base` (defaults for a new one). */
function applyInput(base: Omit<LlmApplicationRecord, 'code' | 'accountId' | 'revision' | 'createdAt' | 'updatedAt'>, input: LlmApplicationInput) {
  const L = APPLICATION_LIMITS;
  const given = (v: unknown) => v !== undefined;
  return {
    name: given(input.Name) ? required(input.Name, 'Name', L.maxNameLength) : base.name,
    description: given(input.Description) ? (readString(input.Description, 'Description', L.maxDescriptionLength, '') ?? '') : base.description,
    prompt: given(input.Prompt) ? required(input.Prompt, 'Prompt', L.maxPromptLength) : base.prompt,
    startWord: given(input.StartWord) ? required(input.StartWord, 'StartWord', L.maxStartWordLength) : base.startWord,
    ttsVoiceCode: given(input.TtsVoiceCode) ? (readString(input.TtsVoiceCode, 'TtsVoiceCode', L.maxVoiceCodeLength, '') ?? '') : base.ttsVoiceCode,
    ttsSpeed: readInt(input.TtsSpeed, 'TtsSpeed', L.speed, base.ttsSpeed),
    ttsVolume: readInt(input.TtsVolume, 'TtsVolume', L.volume, base.ttsVolume),
  };
}

/** A new application from CreateLlmApplication's input; Name, Prompt and StartWord are required. */
export function newLlmApplication(origin: { code: string; accountId: string; at: number }, input: LlmApplicationInput): LlmApplicationRecord {
  for (const param of ['Name', 'Prompt', 'StartWord'] as const) {
    if (input[param] === undefined) throw new DomainError('InvalidArgument', `${param} is required`, param);
  }
  const blank = { name: '', description: '', prompt: '', startWord: '', ttsVoiceCode: '', ttsSpeed: APPLICATION_LIMITS.defaultSpeed, ttsVolume: APPLICATION_LIMITS.defaultVolume };
  return { code: origin.code, accountId: origin.accountId, ...applyInput(blank, input), revision: 1, createdAt: origin.at, updatedAt: origin.at };
}

/** The application after UpdateLlmApplication's input. */
export function editedLlmApplication(app: LlmApplicationRecord, input: LlmApplicationInput, at: number): LlmApplicationRecord {
  return { ...app, ...applyInput(app, input), revision: app.revision + 1, updatedAt: at };
}
