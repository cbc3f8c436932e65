/**
 * Readers for the JSON of a robot script that note problems instead of throwing, so the validator can report every
 * mistake of a script at once, each naming the node and the field (`node "ask": intents[1].next ...`).
 */
import { DomainError } from '../errors.js';

/** How many problems one error message lists; a broken script of 500 nodes should not give a megabyte message. */
const MAX_LISTED = 20;

/** The problems found so far, each one line. */
export class ScriptProblems {
  readonly list: string[] = [];

  /** Notes a problem; `where` is the node (`node "x"`) or empty for the script's top level. */
  add(where: string, text: string): void {
    this.list.push(where === '' ? text : `${where}: ${text}`);
  }

  /** The InvalidArgument error listing the problems (the first MAX_LISTED of them). */
  toError(): DomainError {
    const { list } = this;
    if (list.length === 1) return new DomainError('InvalidArgument', list[0] as string);
    const shown = list.slice(0, MAX_LISTED).join('; ');
    const more = list.length > MAX_LISTED ? `; and ${list.length - MAX_LISTED} more` : '';
    return new DomainError('InvalidArgument', `${list.length} problems in the robot script: ${shown}${more}`);
  }
}

/** Options of a text field. */
export interface TextRule {
  max: number;
  required?: boolean;
  /** Whether blank text is accepted; default false. */
  blank?: boolean;
}

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the fields of one JSON object; `where` names the node, `path` the object inside it (`intents[1].`). */
export class ObjectReader {
  private constructor(
    readonly value: Record<string, unknown>,
    readonly where: string,
    readonly path: string,
    readonly problems: ScriptProblems,
  ) {}

  /** A reader of `value`, or undefined (and a problem noted) when it is not an object. */
  static of(value: unknown, where: string, path: string, problems: ScriptProblems): ObjectReader | undefined {
    if (isPlainObject(value)) return new ObjectReader(value, where, path, problems);
    problems.add(where, `${path === '' ? 'the value' : path.slice(0, -1)} must be a JSON object`);
    return undefined;
  }

  /** The field's name as a message shows it. */
  name(key: string): string {
    return `${this.path}${key}`;
  }

  /** Notes a problem about the field `key`. */
  fail(key: string, text: string): void {
    this.problems.add(this.where, `${this.name(key)} ${text}`);
  }

  /** Whether the field is present (null counts as absent). */
  has(key: string): boolean {
    return Object.hasOwn(this.value, key) && this.value[key] !== null && this.value[key] !== undefined;
  }

  /** Notes every field not in `allowed`: a misspelt optional field would otherwise be silently ignored. */
  onlyKnown(allowed: readonly string[]): void {
    for (const key of Object.keys(this.value)) {
      if (!allowed.includes(key)) this.problems.add(this.where, `unknown field "${this.name(key)}"`);
    }
  }

  /** A text field. */
  text(key: string, rule: TextRule): string | undefined {
    if (!this.has(key)) {
      if (rule.required) this.fail(key, 'is required');
      return undefined;
    }
    const value = this.value[key];
    if (typeof value !== 'string') return this.failed(key, 'must be a string');
    if (!rule.blank && value.trim() === '') return this.failed(key, 'must not be empty');
    if (value.length > rule.max) return this.failed(key, `must be at most ${rule.max} characters (got ${value.length})`);
    return value;
  }

  /** An integer field from `min` to `max`. */
  integer(key: string, min: number, max: number): number | undefined {
    if (!this.has(key)) return undefined;
    const value = this.value[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    return this.failed(key, `must be an integer from ${min} to ${max}`);
  }

  /** A true/false field. */
  flag(key: string): boolean | undefined {
    if (!this.has(key)) return undefined;
    const value = this.value[key];
    return typeof value === 'boolean' ? value : this.failed(key, 'must be true or false');
  }

  /** An array field of at most `max` items. */
  list(key: string, max: number, required = false): unknown[] | undefined {
    if (!this.has(key)) {
      if (required) this.fail(key, 'is required');
      return undefined;
    }
    const value = this.value[key];
    if (!Array.isArray(value)) return this.failed(key, 'must be an array');
    if (value.length > max) return this.failed(key, `must have at most ${max} items (got ${value.length})`);
    return value;
  }

  /** A reader of the object in field `key`. */
  object(key: string, required = false): ObjectReader | undefined {
    if (!this.has(key)) {
      if (required) this.fail(key, 'is required');
      return undefined;
    }
    return ObjectReader.of(this.value[key], this.where, `${this.name(key)}.`, this.problems);
  }

  /** A reader of item `index` of the array field `key`. */
  item(key: string, index: number, value: unknown): ObjectReader | undefined {
    return ObjectReader.of(value, this.where, `${this.name(key)}[${index}].`, this.problems);
  }

  private failed(key: string, text: string): undefined {
    this.fail(key, text);
    return undefined;
  }
}
