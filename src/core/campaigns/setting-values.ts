/** Readers for task setting values that arrive loosely typed (form strings, JSON numbers); each names its parameter. */
import { DomainError } from '../errors.js';

function bad(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', `${param} ${message}`, param);
}

/** A received value for an error message, cut short so a huge input does not make a huge message. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** True when a parameter was not given. */
export function absent(value: unknown): value is undefined | null | '' {
  return value === undefined || value === null || value === '';
}

/** An integer within [min, max], or `fallback` when absent. */
export function readInt(value: unknown, param: string, range: { min: number; max: number }, fallback: number): number;
export function readInt(value: unknown, param: string, range: { min: number; max: number }, fallback: number | null): number | null;
export function readInt(value: unknown, param: string, range: { min: number; max: number }, fallback: number | null): number | null {
  if (absent(value)) return fallback;
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw bad(param, `must be an integer, got ${shown(value)}`);
  if (n < range.min || n > range.max) throw bad(param, `must be between ${range.min} and ${range.max}, got ${shown(value)}`);
  return n;
}

/** A trimmed string of at most `maxLength` characters, or `fallback` when absent. */
export function readString(value: unknown, param: string, maxLength: number, fallback: string | null): string | null {
  if (absent(value)) return fallback;
  if (typeof value !== 'string' && typeof value !== 'number') throw bad(param, 'must be a string');
  const text = String(value).trim();
  if (text.length > maxLength) throw bad(param, `must be at most ${maxLength} characters`);
  return text === '' ? fallback : text;
}

/** A boolean given as true/false or "true"/"false", or `fallback` when absent. */
export function readBool(value: unknown, param: string, fallback: boolean): boolean {
  if (absent(value)) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw bad(param, 'must be true or false');
}

/** A list given as an array or as its JSON text, or `fallback` when absent. */
export function readList(value: unknown, param: string, fallback: unknown[] | undefined): unknown[] | undefined {
  if (absent(value)) return fallback;
  let list = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      throw bad(param, 'must be a JSON array');
    }
  }
  if (!Array.isArray(list)) throw bad(param, 'must be a list');
  return list;
}

/** An IANA time zone name (e.g. Asia/Shanghai), or `fallback` when absent. */
export function readTimeZone(value: unknown, param: string, fallback: string): string {
  const name = readString(value, param, 64, null);
  if (name === null) return fallback;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw bad(param, `"${name}" is not an IANA time zone such as Asia/Shanghai`);
  }
}
