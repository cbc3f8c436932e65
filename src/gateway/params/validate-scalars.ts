/** Coercion and checks of String, Integer, Long, Number and Boolean parameters. */
import type { ParamSpec } from '../catalog/types.js';
import { gatewayErrors } from '../errors.js';
import type { ParamNode } from './flatten.js';

/** Coerces one present node; undefined means "not given" (the caller decides whether that is allowed). */
export type Coercer = (node: ParamNode, path: string) => unknown;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INTEGER_TEXT = /^[+-]?\d+$/;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The coercer of a scalar type. */
export function compileScalar(spec: ParamSpec): Coercer {
  const convert = converter(spec);
  // An empty optional String stays "" (an update may mean "clear it"); an empty anything else is "not given".
  const keepEmpty = spec.type === 'String' && !spec.required;
  return (node, path) => {
    const text = scalarText(node, path, spec.type);
    if (text === undefined) return undefined;
    if (text === '') return keepEmpty ? '' : undefined;
    return convert(text, path);
  };
}

/**
 * The text of a scalar. A String given as JSON structure inside a JSON param (an array of
 * objects where the doc says array of JSON strings) keeps that JSON as its text.
 */
function scalarText(node: ParamNode, path: string, type: ParamSpec['type']): string | undefined {
  if (node.value !== undefined) return node.value;
  if (node.json === 'null') return undefined;
  if (type === 'String' && node.json !== undefined) return node.json;
  if (node.children && node.children.size > 0) throw gatewayErrors.invalidParameter(path, 'must be a single value, not a structure');
  return undefined;
}

function converter(spec: ParamSpec): (text: string, path: string) => unknown {
  switch (spec.type) {
    case 'String':
      return stringConverter(spec);
    case 'Integer':
      return integerConverter(spec);
    case 'Long':
      return longConverter(spec);
    case 'Number':
      return numberConverter(spec);
    case 'Boolean':
      return booleanOf;
    default:
      throw new Error(`compileScalar: ${spec.type} is not a scalar type`);
  }
}

function stringConverter(spec: ParamSpec): (text: string, path: string) => string {
  const allowed = enumSet(spec);
  const unit = spec.lengthUnit ?? 'chars';
  const limited = spec.minLength !== undefined || spec.maxLength !== undefined;
  return (text, path) => {
    checkEnum(allowed, text, path);
    if (!limited) return text;
    const length = unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : countChars(text);
    const unitName = unit === 'bytes' ? 'bytes' : 'characters';
    if (spec.maxLength !== undefined && length > spec.maxLength) {
      throw gatewayErrors.invalidParameter(path, `is ${length} ${unitName} long; at most ${spec.maxLength} allowed`);
    }
    if (spec.minLength !== undefined && length < spec.minLength) {
      throw gatewayErrors.invalidParameter(path, `is ${length} ${unitName} long; at least ${spec.minLength} required`);
    }
    return text;
  };
}

/** Characters as Unicode code points, so an emoji or a rare CJK character counts once. */
function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function integerConverter(spec: ParamSpec): (text: string, path: string) => number {
  const min = Math.max(spec.min ?? INT32_MIN, INT32_MIN);
  const max = Math.min(spec.max ?? INT32_MAX, INT32_MAX);
  const allowed = enumSet(spec);
  return (text, path) => {
    const n = INTEGER_TEXT.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      throw gatewayErrors.invalidParameter(path, `must be an integer between ${min} and ${max}`);
    }
    checkEnum(allowed, String(n), path);
    return n;
  };
}

/** Long values stay decimal strings: IDs exceed 2^53, where a JS number would change them. */
function longConverter(spec: ParamSpec): (text: string, path: string) => string {
  const min = spec.min !== undefined && BigInt(spec.min) > INT64_MIN ? BigInt(spec.min) : INT64_MIN;
  const max = spec.max !== undefined && BigInt(spec.max) < INT64_MAX ? BigInt(spec.max) : INT64_MAX;
  const allowed = enumSet(spec);
  return (text, path) => {
    const n = INTEGER_TEXT.test(text) ? BigInt(text) : undefined;
    if (n === undefined || n < min || n > max) {
      throw gatewayErrors.invalidParameter(path, `must be an integer between ${min} and ${max}`);
    }
    const canonical = n.toString();
    checkEnum(allowed, canonical, path);
    return canonical;
  };
}

function numberConverter(spec: ParamSpec): (text: string, path: string) => number {
  const allowed = enumSet(spec);
  const what = rangeText('a number', spec.min, spec.max);
  return (text, path) => {
    const n = NUMBER_TEXT.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(n) || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
      throw gatewayErrors.invalidParameter(path, `must be ${what}`);
    }
    checkEnum(allowed, String(n), path);
    return n;
  };
}

function rangeText(kind: string, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${kind} between ${min} and ${max}`;
  if (min !== undefined) return `${kind} of at least ${min}`;
  if (max !== undefined) return `${kind} of at most ${max}`;
  return kind;
}

/** 'true'/'false' in any case, and the 1/0 some clients send. */
function booleanOf(text: string, path: string): boolean {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  throw gatewayErrors.invalidParameter(path, 'must be true or false');
}

function enumSet(spec: ParamSpec): ReadonlySet<string> | undefined {
  return spec.enum && spec.enum.length > 0 ? new Set(spec.enum) : undefined;
}

function checkEnum(allowed: ReadonlySet<string> | undefined, value: string, path: string): void {
  if (allowed && !allowed.has(value)) throw gatewayErrors.invalidParameter(path, `must be one of ${[...allowed].join(', ')}`);
}
