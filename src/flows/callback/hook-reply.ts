/**
 * The customer's answer to a SmartCall event, judged: `{"result":"success","msg":…,"data":{"action":…,…}}` becomes a
 * typed reply, or the reason it cannot be used. Pure, so every rule is tested without a call.
 *
 * Lenient where the doc is, strict where a guess would do something the customer did not ask for:
 * - numbers and booleans are taken as JSON values or as their text ("10000", "true"), since Java and PHP servers
 *   often write every field as a string; `data` and `action_code_param` may be objects or JSON text;
 * - a number outside its documented range falls back to its default, as the doc states for mute_time ("超过这个范围
 *   默认10000"); the same rule is applied to dtmf_nonin_overtime (3–60 s, default 3) and dtmf_max_numbers (1–50,
 *   default 50, "as many as the platform takes"); each fallback is reported as a warning;
 * - an unknown action, a wrong type, a dtmf_end_character other than `*`, `#` or empty, a transfer without a
 *   dialable number, a play without action_code, a reply for another call_id, and a TTS parameter value holding one
 *   of the characters the dyvms doc forbids in SmartCall callbacks (`@ = : " $ { } ^ * ￥`) make the reply unusable.
 *   Those characters are checked in the values of action_code_param, the text that reaches the TTS: `$`, `{`, `}`
 *   would read as placeholders and the others as TTS markup; the codes themselves legitimately hold `$name$`.
 */

/** The actions a reply may ask for (the doc's list). */
export const SMART_CALL_ACTIONS = [
  'play', 'break', 'continue', 'hangup', 'transfer', 'donothing', 'dtmf', 'parallel_transfer', 'parallel_bridge',
] as const;

/** One of SMART_CALL_ACTIONS. */
export type SmartCallAction = (typeof SMART_CALL_ACTIONS)[number];

/** The characters the dyvms doc forbids in SmartCall callback content ("以下字符不可以在智能语音交互SmartCall回调中出现"). */
export const FORBIDDEN_TTS_CHARACTERS: readonly string[] = ['@', '=', ':', '"', '$', '{', '}', '^', '*', '￥'];

/** A documented range with the value used when absent or outside it. */
export interface Range {
  min: number;
  max: number;
  fallback: number;
}

/** mute_time / MuteTime, ms. */
export const MUTE_TIME_MS: Range = { min: 1000, max: 20_000, fallback: 10_000 };
/** dtmf_nonin_overtime, seconds. */
export const DTMF_TIMEOUT_S: Range = { min: 3, max: 60, fallback: 3 };
/** dtmf_max_numbers. */
export const DTMF_MAX_DIGITS: Range = { min: 1, max: 50, fallback: 50 };

/** How the `dtmf` action collects keys. */
export interface DtmfSettings {
  timeoutMs: number;
  maxDigits: number;
  /** The key that ends the input; none when absent. */
  terminator?: '*' | '#';
}

/** The extras of parallel_transfer / parallel_bridge. */
export interface ParallelSettings {
  ccName?: string;
  isMonitor?: boolean;
  transferPlayfile?: string;
}

/** A usable reply. Optional fields are absent when the customer left them out. */
export interface SmartCallReply {
  action: SmartCallAction;
  /** action_code split on commas: voice file ids or URLs, and TTS items such as `$name$`. */
  actionCode: string[];
  /** action_code_param: the TTS variables' values. */
  actionCodeParam: Record<string, string>;
  /** Whether the callee may interrupt this reply's prompt: action_code_break, else action_break. */
  breakable?: boolean;
  /** action_code_time_break, ms of continuous speech that stops the prompt; 0 = off. */
  timeBreakMs?: number;
  muteTimeMs?: number;
  dynamicId?: string;
  /** The transfer target, digits only. */
  number?: string;
  /** Always filled (defaults when the reply has none); used by the `dtmf` action. */
  dtmf: DtmfSettings;
  parallel: ParallelSettings;
}

/** A reply judged: usable (with warnings about values replaced by defaults) or not, and why. */
export type JudgedReply = { ok: true; reply: SmartCallReply; warnings: string[] } | { ok: false; reason: string };

/** Why a reply is unusable; thrown inside this module only. */
class Unusable extends Error {}

type Fields = Record<string, unknown>;

/** Judges the customer's answer to an event of call `callId`. */
export function judgeReply(body: unknown, callId: string): JudgedReply {
  const warnings: string[] = [];
  try {
    const data = envelopeData(body);
    const replyCallId = readText(data, 'call_id');
    if (replyCallId !== undefined && replyCallId !== '' && replyCallId !== callId) {
      throw new Unusable(`the reply is for call ${replyCallId}, not ${callId}`);
    }
    return { ok: true, reply: readReply(data, warnings), warnings };
  } catch (error) {
    if (error instanceof Unusable) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The first forbidden character in `text`, if any. */
export function forbiddenCharacter(text: string): string | undefined {
  return FORBIDDEN_TTS_CHARACTERS.find((c) => text.includes(c));
}

/** `value` when inside `range`, else the range's fallback (and a warning when one was given). */
export function inRange(value: number | undefined, range: Range, name: string, warnings: string[]): number {
  if (value === undefined) return range.fallback;
  if (value >= range.min && value <= range.max) return value;
  warnings.push(`${name} ${value} is outside ${range.min}–${range.max}; ${range.fallback} is used`);
  return range.fallback;
}

function envelopeData(body: unknown): Fields {
  if (!isObject(body)) throw new Unusable('the reply is not a JSON object');
  const result = typeof body.result === 'string' ? body.result.trim().toLowerCase() : undefined;
  if (result !== 'success') {
    const msg = typeof body.msg === 'string' && body.msg !== '' ? ` (msg: ${body.msg.slice(0, 80)})` : '';
    throw new Unusable(`result is ${JSON.stringify(body.result ?? null)}, not "success"${msg}`);
  }
  const data = typeof body.data === 'string' ? parseJsonObject(body.data, 'data') : body.data;
  if (!isObject(data)) throw new Unusable('data is missing or not an object');
  return data;
}

function readReply(data: Fields, warnings: string[]): SmartCallReply {
  const action = readAction(data);
  const actionCode = (readText(data, 'action_code') ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (action === 'play' && actionCode.length === 0) throw new Unusable('action play needs an action_code');
  const breakable = readBool(data, 'action_code_break') ?? readBool(data, 'action_break');
  const timeBreakMs = readInt(data, 'action_code_time_break');
  if (timeBreakMs !== undefined && timeBreakMs < 0) throw new Unusable(`action_code_time_break ${timeBreakMs} is negative`);
  const muteTime = readInt(data, 'mute_time');
  const dynamicId = readText(data, 'dynamic_id');
  const number = readNumber(data, action);
  return {
    action,
    actionCode,
    actionCodeParam: readParams(data),
    ...(breakable !== undefined ? { breakable } : {}),
    ...(timeBreakMs !== undefined ? { timeBreakMs } : {}),
    ...(muteTime !== undefined ? { muteTimeMs: inRange(muteTime, MUTE_TIME_MS, 'mute_time', warnings) } : {}),
    ...(dynamicId !== undefined ? { dynamicId } : {}),
    ...(number !== undefined ? { number } : {}),
    dtmf: readDtmf(data, warnings),
    parallel: readParallel(data),
  };
}

function readAction(data: Fields): SmartCallAction {
  const action = readText(data, 'action')?.trim().toLowerCase();
  if (action === undefined || action === '') throw new Unusable('action is missing');
  const known = SMART_CALL_ACTIONS.find((a) => a === action);
  if (!known) throw new Unusable(`unknown action "${action.slice(0, 40)}"`);
  return known;
}

/** The transfer number: required by `transfer`, checked wherever given. */
function readNumber(data: Fields, action: SmartCallAction): string | undefined {
  const raw = readText(data, 'number');
  if (raw === undefined || raw.trim() === '') {
    if (action === 'transfer') throw new Unusable('action transfer needs a number');
    return undefined;
  }
  const number = raw.replace(/[\s-]/g, '');
  if (!/^\+?\d{3,20}$/.test(number)) throw new Unusable(`number "${raw.slice(0, 40)}" is not a phone number`);
  return number;
}

function readDtmf(data: Fields, warnings: string[]): DtmfSettings {
  const timeoutS = inRange(readInt(data, 'dtmf_nonin_overtime'), DTMF_TIMEOUT_S, 'dtmf_nonin_overtime', warnings);
  const maxDigits = inRange(readInt(data, 'dtmf_max_numbers'), DTMF_MAX_DIGITS, 'dtmf_max_numbers', warnings);
  const end = readText(data, 'dtmf_end_character') ?? '';
  if (end !== '' && end !== '*' && end !== '#') throw new Unusable(`dtmf_end_character "${end.slice(0, 10)}" is not *, # or empty`);
  return { timeoutMs: timeoutS * 1000, maxDigits, ...(end !== '' ? { terminator: end } : {}) };
}

function readParallel(data: Fields): ParallelSettings {
  const ccName = readText(data, 'cc_name');
  const isMonitor = readBool(data, 'is_monitor');
  const transferPlayfile = readText(data, 'transfer_playfile');
  return {
    ...(ccName !== undefined ? { ccName } : {}),
    ...(isMonitor !== undefined ? { isMonitor } : {}),
    ...(transferPlayfile !== undefined ? { transferPlayfile } : {}),
  };
}

/** action_code_param: an object (or its JSON text) of text or number values, none holding a forbidden character. */
function readParams(data: Fields): Record<string, string> {
  const raw = data.action_code_param;
  if (raw === undefined || raw === null || raw === '') return {};
  const params = typeof raw === 'string' ? parseJsonObject(raw, 'action_code_param') : raw;
  if (!isObject(params)) throw new Unusable('action_code_param is not an object');
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = scalarText(value);
    if (text === undefined) throw new Unusable(`action_code_param.${name} is not text`);
    const bad = forbiddenCharacter(text);
    if (bad !== undefined) throw new Unusable(`action_code_param.${name} holds the forbidden character "${bad}"`);
    out[name] = text;
  }
  return out;
}

function readText(data: Fields, name: string): string | undefined {
  const value = data[name];
  if (value === undefined || value === null) return undefined;
  const text = scalarText(value);
  if (text === undefined) throw new Unusable(`${name} is not text`);
  return text;
}

function readBool(data: Fields, name: string): boolean | undefined {
  const value = data[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  throw new Unusable(`${name} is not true or false`);
}

function readInt(data: Fields, name: string): number | undefined {
  const value = data[name];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) throw new Unusable(`${name} is not a whole number`);
  return number;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function parseJsonObject(text: string, name: string): Fields {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) return parsed;
  } catch {
    // reported below, with the field's name
  }
  throw new Unusable(`${name} is not a JSON object`);
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
