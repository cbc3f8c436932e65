/**
 * Reading one node of a robot script: its fields checked against its type, its defaults resolved, and every
 * `next` it names collected so the validator can check them once all node ids are known.
 */
// The flow fills placeholders with this function; the validator uses it too so both agree on what a placeholder is.
import { fillTemplate } from '../templates.js';
import { compileIntentRegex, normalizeUtterance } from './robot-intent-match.js';
import { ROBOT_NODE_TYPES, ROBOT_SCRIPT_LIMITS as LIMITS } from './robot-script-limits.js';
import { ObjectReader, type ScriptProblems } from './robot-script-read.js';
import type {
  RobotAskNode, RobotDefaults, RobotIntent, RobotNode, RobotNodeBase, RobotRetryBranch, RobotTag,
} from './robot-script.js';

/** A `next` found in a node: which node, which field, which target. */
export interface NodeRef {
  from: string;
  field: string;
  target: string;
}

/** What reading a node needs besides the node: the script's defaults and where to note problems and references. */
export interface NodeReadContext {
  defaults: RobotDefaults;
  problems: ScriptProblems;
  refs: NodeRef[];
}

const COMMON_FIELDS = ['type', 'intent', 'tag', 'description'];
const FIELDS_OF: Readonly<Record<RobotNode['type'], readonly string[]>> = {
  say: ['prompt', 'bargeIn', 'next'],
  ask: ['prompt', 'bargeIn', 'timeoutMs', 'intents', 'noInput', 'noMatch'],
  hangup: ['prompt'],
  transfer: ['prompt', 'number'],
};
const DTMF = /^[0-9*#]+$/;
const PHONE = /^\+?\d{3,20}$/;

/** Reads node `id`; undefined when it is too broken to have a type (its problems are noted). */
export function readNode(id: string, value: unknown, context: NodeReadContext): RobotNode | undefined {
  const where = `node "${id}"`;
  const node = ObjectReader.of(value, where, '', context.problems);
  if (!node) return undefined;
  const type = node.text('type', { max: 20, required: true });
  if (type === undefined) return undefined;
  if (!(ROBOT_NODE_TYPES as readonly string[]).includes(type)) {
    node.fail('type', `"${type}" is not one of ${ROBOT_NODE_TYPES.join(', ')}`);
    return undefined;
  }
  const kind = type as RobotNode['type'];
  node.onlyKnown([...COMMON_FIELDS, ...FIELDS_OF[kind]]);
  const base = readBase(node);
  const next = (reader: ObjectReader, key: string): string => readNext(reader, key, id, context.refs);
  if (kind === 'say') return { type: kind, ...base, prompt: readPrompt(node, true), bargeIn: node.flag('bargeIn') ?? false, next: next(node, 'next') };
  if (kind === 'ask') return readAsk(node, base, context, next);
  const prompt = readPrompt(node, false);
  const withPrompt = prompt !== '' ? { prompt } : {};
  if (kind === 'hangup') return { type: kind, ...base, ...withPrompt };
  return { type: kind, ...base, ...withPrompt, number: readNumber(node) };
}

/** The fields every node may carry. */
function readBase(node: ObjectReader): RobotNodeBase {
  const intent = node.text('intent', { max: LIMITS.maxNameLength });
  const tag = readTag(node);
  const description = node.text('description', { max: LIMITS.maxDescriptionLength, blank: true });
  return {
    ...(intent !== undefined ? { intent } : {}),
    ...(tag !== undefined ? { tag } : {}),
    ...(description !== undefined ? { description } : {}),
  };
}

/** A `tag` field: `{ name, value }`. */
function readTag(owner: ObjectReader): RobotTag | undefined {
  const tag = owner.object('tag');
  if (!tag) return undefined;
  tag.onlyKnown(['name', 'value']);
  const name = tag.text('name', { max: LIMITS.maxNameLength, required: true });
  const value = tag.text('value', { max: LIMITS.maxTagValueLength, required: true, blank: true });
  return name !== undefined && value !== undefined ? { name, value } : undefined;
}

/** A prompt; an empty string stands for "none" (optional) or for a problem already noted (required). */
function readPrompt(owner: ObjectReader, required: boolean): string {
  return owner.text('prompt', { max: LIMITS.maxPromptLength, required }) ?? '';
}

/** A node reference; noted for the check that it names a node. */
function readNext(owner: ObjectReader, key: string, from: string, refs: NodeRef[]): string {
  const target = owner.text(key, { max: LIMITS.maxIdLength, required: true });
  if (target === undefined) return '';
  refs.push({ from, field: owner.name(key), target });
  return target;
}

/** A transfer number: digits, or exactly one placeholder filled at call time. */
function readNumber(node: ObjectReader): string {
  const number = node.text('number', { max: 64, required: true });
  if (number === undefined) return '';
  const filled = fillTemplate(number, {});
  const onePlaceholder = filled.text === '' && filled.missing.length === 1;
  if (!PHONE.test(number) && !onePlaceholder) node.fail('number', `"${number}" must be 3 to 20 digits or one $var$ placeholder`);
  return number;
}

type ReadNext = (reader: ObjectReader, key: string) => string;

/** An ask node, with timeout and retry branches resolved from the script's defaults. */
function readAsk(node: ObjectReader, base: RobotNodeBase, context: NodeReadContext, next: ReadNext): RobotAskNode {
  const prompt = readPrompt(node, true);
  const { defaults } = context;
  const timeoutMs = node.integer('timeoutMs', LIMITS.minTimeoutMs, LIMITS.maxTimeoutMs) ?? defaults.timeoutMs;
  const intents = readIntents(node, next);
  const noInput = readBranch(node, 'noInput', defaults.noInputPrompt ?? prompt, defaults.retries, next);
  const noMatch = readBranch(node, 'noMatch', defaults.noMatchPrompt ?? prompt, defaults.retries, next);
  return { type: 'ask', ...base, prompt, bargeIn: node.flag('bargeIn') ?? false, timeoutMs, intents, noInput, noMatch };
}

/** A noInput / noMatch branch; `next` is required, retries and prompt fall back to the defaults. */
function readBranch(node: ObjectReader, key: string, prompt: string, retries: number, next: ReadNext): RobotRetryBranch {
  const branch = node.object(key, true);
  if (!branch) return { retries, prompt, next: '' };
  branch.onlyKnown(['retries', 'prompt', 'next']);
  return {
    retries: branch.integer('retries', 0, LIMITS.maxRetries) ?? retries,
    prompt: branch.text('prompt', { max: LIMITS.maxPromptLength }) ?? prompt,
    next: next(branch, 'next'),
  };
}

/** The intents of an ask node; names and keys must be unique within the node. */
function readIntents(node: ObjectReader, next: ReadNext): RobotIntent[] {
  const items = node.list('intents', LIMITS.maxIntents, true) ?? [];
  const intents: RobotIntent[] = [];
  items.forEach((item, index) => {
    const reader = node.item('intents', index, item);
    const intent = reader && readIntent(reader, next);
    if (!reader || !intent) return;
    if (intents.some((other) => other.name === intent.name)) reader.fail('name', `"${intent.name}" is used by an earlier intent`);
    if (intent.dtmf !== undefined && intents.some((other) => other.dtmf === intent.dtmf)) {
      reader.fail('dtmf', `"${intent.dtmf}" is taken by an earlier intent, so this one could never match by keys`);
    }
    intents.push(intent);
  });
  return intents;
}

/** One intent; it needs at least one way to match. */
function readIntent(intent: ObjectReader, next: ReadNext): RobotIntent | undefined {
  intent.onlyKnown(['name', 'keywords', 'regex', 'dtmf', 'next', 'tag']);
  const name = intent.text('name', { max: LIMITS.maxNameLength, required: true });
  const keywords = readKeywords(intent);
  const regex = readRegex(intent);
  const dtmf = intent.text('dtmf', { max: LIMITS.maxDtmfLength });
  if (dtmf !== undefined && !DTMF.test(dtmf)) intent.fail('dtmf', `"${dtmf}" may only hold the keys 0-9, * and #`);
  const target = next(intent, 'next');
  const tag = readTag(intent);
  const present = ['keywords', 'regex', 'dtmf'].some((key) => intent.has(key));
  if (!present) intent.problems.add(intent.where, `${intent.path.slice(0, -1)} needs keywords, regex or dtmf to match`);
  if (name === undefined) return undefined;
  return {
    name,
    ...(keywords !== undefined ? { keywords } : {}),
    ...(regex !== undefined ? { regex } : {}),
    ...(dtmf !== undefined && DTMF.test(dtmf) ? { dtmf } : {}),
    next: target,
    ...(tag !== undefined ? { tag } : {}),
  };
}

/** Keywords: non-empty strings, each still non-empty once normalized (whitespace alone would match everything). */
function readKeywords(intent: ObjectReader): string[] | undefined {
  const items = intent.list('keywords', LIMITS.maxKeywords);
  if (items === undefined) return undefined;
  if (items.length === 0) intent.fail('keywords', 'must not be empty');
  const keywords: string[] = [];
  items.forEach((item, index) => {
    const field = `keywords[${index}]`;
    if (typeof item !== 'string') intent.fail(field, 'must be a string');
    else if (normalizeUtterance(item) === '') intent.fail(field, 'must not be empty');
    else if (item.length > LIMITS.maxKeywordLength) intent.fail(field, `must be at most ${LIMITS.maxKeywordLength} characters`);
    else keywords.push(item);
  });
  return keywords;
}

/** A regex that compiles with the flags matching uses. */
function readRegex(intent: ObjectReader): string | undefined {
  const regex = intent.text('regex', { max: LIMITS.maxRegexLength });
  if (regex === undefined) return undefined;
  try {
    compileIntentRegex(regex);
    return regex;
  } catch (error) {
    intent.fail('regex', `does not compile: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
