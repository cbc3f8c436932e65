/**
 * UploadRobotTaskCalledFile's numbers and their variables: CalledNumber (a comma list), TtsParamHead (the variable
 * names, a JSON array) and TtsParam (a JSON array of `{number, params}` rows whose params follow the names in order).
 * A row whose number is `all` gives every number without a row of its own its values; a number's own row wins.
 * Everything is validated before anything is stored, and every error names the parameter (and the row).
 *
 * Choices the doc leaves open: a number repeated in one upload is called once (its first position counts);
 * TtsParam and TtsParamHead go together (one without the other is refused, both absent means no variables); a
 * TtsParam row must name a number of this upload or `all`, once.
 */
import { DomainError } from '../errors.js';
import { readVariables, type Recipient } from '../campaigns/recipient.js';
import { RECIPIENT_LIMITS } from '../campaigns/recipient.js';
import { normalizeRecipientNumber } from '../numbers/phone-number.js';

/** The most numbers a robot task may hold, over all its uploads (doc: "每个任务最多上传30万个号码"). */
export const MAX_NUMBERS_PER_TASK = 300_000;

/** The `number` of the row that holds every number's default values. */
const DEFAULT_ROW = 'all';

function invalid(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', message, param);
}

function parseJsonArray(value: unknown, param: string): unknown[] {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw invalid(param, `${param} must be a JSON array`);
    }
  }
  if (!Array.isArray(parsed)) throw invalid(param, `${param} must be a JSON array`);
  return parsed;
}

/** CalledNumber: 1 to MAX_NUMBERS_PER_TASK numbers, repeats dropped. */
export function parseCalledNumbers(value: unknown): string[] {
  const items = String(value ?? '').split(',');
  if (items.length > MAX_NUMBERS_PER_TASK) {
    throw invalid('CalledNumber', `CalledNumber holds ${items.length} numbers; a task takes at most ${MAX_NUMBERS_PER_TASK}`);
  }
  const numbers = new Set<string>();
  items.forEach((item, index) => {
    if (item.trim() === '') {
      if (items.length > 1) throw invalid('CalledNumber', `CalledNumber item ${index + 1} is empty`);
      return;
    }
    numbers.add(normalizeRecipientNumber(item, 0, 'CalledNumber'));
  });
  if (numbers.size === 0) throw invalid('CalledNumber', 'CalledNumber needs at least one number');
  return [...numbers];
}

/** TtsParamHead: the variable names, unique, each 1-64 characters. */
export function parseTtsParamHead(value: unknown): string[] {
  const names = parseJsonArray(value, 'TtsParamHead');
  if (names.length > RECIPIENT_LIMITS.maxVariables) throw invalid('TtsParamHead', `TtsParamHead takes at most ${RECIPIENT_LIMITS.maxVariables} names`);
  const seen = new Set<string>();
  return names.map((name, index) => {
    if (typeof name !== 'string' || name.trim() === '' || name.length > RECIPIENT_LIMITS.maxKey) {
      throw invalid('TtsParamHead', `TtsParamHead[${index}] must be a name of 1 to ${RECIPIENT_LIMITS.maxKey} characters`);
    }
    const trimmed = name.trim();
    if (seen.has(trimmed)) throw invalid('TtsParamHead', `TtsParamHead[${index}] "${trimmed}" is listed twice`);
    seen.add(trimmed);
    return trimmed;
  });
}

/** TtsParam's rows as variables by number (`all` included), checked against the head and the uploaded numbers. */
function parseTtsParam(value: unknown, head: readonly string[], numbers: ReadonlySet<string>): Map<string, Record<string, string>> {
  const rows = parseJsonArray(value, 'TtsParam');
  const byNumber = new Map<string, Record<string, string>>();
  rows.forEach((row, index) => {
    const at = `TtsParam[${index}]`;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw invalid('TtsParam', `${at} must be an object {"number", "params"}`);
    const { number, params } = row as { number?: unknown; params?: unknown };
    const key = typeof number === 'string' && number.trim().toLowerCase() === DEFAULT_ROW
      ? DEFAULT_ROW
      : normalizeRecipientNumber(number, 0, 'TtsParam');
    if (key !== DEFAULT_ROW && !numbers.has(key)) throw invalid('TtsParam', `${at}.number "${key}" is not in CalledNumber`);
    if (byNumber.has(key)) throw invalid('TtsParam', `${at}.number "${key}" has a row already`);
    if (!Array.isArray(params) || params.length !== head.length) {
      throw invalid('TtsParam', `${at}.params must be a list of ${head.length} values, one per TtsParamHead name`);
    }
    byNumber.set(key, readVariables(head.map((name, i) => [name, params[i]] as const), 'TtsParam'));
  });
  return byNumber;
}

/** The recipients of one upload, in the order given, each with its own variables or the `all` row's. */
export function parseCalledUpload(p: { CalledNumber?: unknown; TtsParam?: unknown; TtsParamHead?: unknown }): Recipient[] {
  const numbers = parseCalledNumbers(p.CalledNumber);
  const hasParams = p.TtsParam !== undefined && p.TtsParam !== '';
  const hasHead = p.TtsParamHead !== undefined && p.TtsParamHead !== '';
  if (hasParams !== hasHead) {
    const missing = hasParams ? 'TtsParamHead' : 'TtsParam';
    throw invalid(missing, `${missing} is required with ${hasParams ? 'TtsParam' : 'TtsParamHead'}: the names and the values go together`);
  }
  const variables = hasParams ? parseTtsParam(p.TtsParam, parseTtsParamHead(p.TtsParamHead), new Set(numbers)) : new Map<string, Record<string, string>>();
  const defaults = variables.get(DEFAULT_ROW) ?? {};
  return numbers.map((number) => ({ number, encryptionType: 0, outId: null, variables: variables.get(number) ?? defaults }));
}
