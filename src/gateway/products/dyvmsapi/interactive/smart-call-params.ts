/**
 * SmartCall's request turned into the callback flow's settings. What each parameter does on waihu, including the
 * ones it accepts but cannot act on, is in docs/interactive-calls.md; the rules:
 * - VoiceCode lists what is played on answer: voice files of the account or http(s) URLs, and `$name$` TTS items
 *   whose values VoiceCodeParam must give (isv.TEMPLATE_MISSING_PARAMETERS otherwise);
 * - VoiceCodeParam values may not hold the characters the doc forbids in SmartCall callback content;
 * - PauseTime and MuteTime outside their ranges fall back to 800 / 10000 ms, as the doc says, instead of failing;
 * - TtsStyle and TtsSpeed apply only with TtsConf=true (the doc: with false "even if set they do not take effect").
 */
import { FORBIDDEN_TTS_CHARACTERS, forbiddenCharacter, inRange, MUTE_TIME_MS } from '../../../../flows/callback/hook-reply.js';
import { promptItems, type TtsSettings } from '../../../../flows/callback/voice-code.js';
import { GatewayError, gatewayErrors } from '../../../errors.js';
import { isvError } from '../single-call-params.js';
import type { VoiceFileSource } from './interactive-services.js';
import { voiceFileOf } from './prompt-codes.js';

/** PauseTime's documented range and fallback, ms. */
export const PAUSE_TIME_MS = Object.freeze({ min: 300, max: 1200, fallback: 800 });

/** The flow settings a request gives. */
export interface SmartCallSettings {
  voiceCode: string;
  voiceCodeParam: Record<string, string>;
  actionCodeBreak?: boolean;
  actionCodeTimeBreakMs?: number;
  muteTimeMs: number;
  pauseTimeMs: number;
  dynamicId?: string;
  tts?: TtsSettings;
  sessionTimeoutMs?: number;
  /** Media items of VoiceCode that are voice files (not URLs), for the public-mode rule. */
  voiceFileCodes: string[];
}

/** Checks the request and gives the flow's settings; voice files are looked up in the account's. */
export async function smartCallSettings(params: Record<string, unknown>, accountId: string, voiceFiles: VoiceFileSource | undefined): Promise<SmartCallSettings> {
  const voiceCode = String(params.VoiceCode).trim();
  const voiceCodeParam = checkedVoiceCodeParam(params.VoiceCodeParam);
  const { items, missing } = promptItems(voiceCode, voiceCodeParam);
  if (missing.length > 0) {
    throw isvError('TEMPLATE_MISSING_PARAMETERS', `VoiceCodeParam has no value for the VoiceCode variable(s) ${missing.map((m) => `"${m}"`).join(', ')}.`);
  }
  if (voiceCode.split(',').every((code) => code.trim() === '')) throw gatewayErrors.invalidParameter('VoiceCode', 'lists nothing to play');
  const voiceFileCodes: string[] = [];
  for (const item of items) {
    if (item.kind !== 'media' || /^https?:\/\//i.test(item.code)) continue;
    if (!(await hasVoiceFile(voiceFiles, accountId, item.code))) {
      const why = voiceFiles ? 'it is not a voice file of this account, an http(s) URL or a $name$ TTS item' : 'waihu cannot play voice files yet; use http(s) URLs or $name$ TTS items';
      throw new GatewayError('InvalidVoiceCode.NotFound', 404, `The specified VoiceCode item "${item.code}" does not exist: ${why}.`);
    }
    voiceFileCodes.push(item.code);
  }
  return {
    voiceCode,
    voiceCodeParam,
    muteTimeMs: inRange(numberOf(params.MuteTime), MUTE_TIME_MS, 'MuteTime', []),
    pauseTimeMs: inRange(numberOf(params.PauseTime), PAUSE_TIME_MS, 'PauseTime', []),
    ...optional('actionCodeBreak', typeof params.ActionCodeBreak === 'boolean' ? params.ActionCodeBreak : undefined),
    ...optional('actionCodeTimeBreakMs', nonNegative(params.ActionCodeTimeBreak, 'ActionCodeTimeBreak')),
    ...optional('dynamicId', typeof params.DynamicId === 'string' && params.DynamicId !== '' ? params.DynamicId : undefined),
    ...optional('tts', ttsOf(params)),
    ...optional('sessionTimeoutMs', sessionTimeoutOf(params.SessionTimeout)),
    voiceFileCodes,
  };
}

/** VoiceCodeParam as name -> text; isv.INVALID_PARAMETERS when not a JSON object of text or numbers, or a forbidden character. */
function checkedVoiceCodeParam(raw: unknown): Record<string, string> {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(raw));
  } catch {
    throw isvError('INVALID_PARAMETERS', 'VoiceCodeParam is not JSON text; send an object such as {"name":"张先生"}.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw isvError('INVALID_PARAMETERS', 'VoiceCodeParam must be a JSON object of variable names and values, such as {"name":"张先生"}.');
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string' && typeof value !== 'number') throw isvError('INVALID_PARAMETERS', `VoiceCodeParam variable "${name}" must be a string or a number.`);
    const text = String(value);
    const bad = forbiddenCharacter(text);
    if (bad !== undefined) {
      throw isvError('INVALID_PARAMETERS', `VoiceCodeParam variable "${name}" holds "${bad}", one of the characters SmartCall content may not contain (${FORBIDDEN_TTS_CHARACTERS.join(' ')}).`);
    }
    values[name] = text;
  }
  return values;
}

async function hasVoiceFile(files: VoiceFileSource | undefined, accountId: string, code: string): Promise<boolean> {
  return files !== undefined && (await voiceFileOf(files, accountId, code)) !== undefined;
}

/** TtsStyle and TtsSpeed when TtsConf is true; TtsVolume has no place in the flow's TTS settings (documented). */
function ttsOf(params: Record<string, unknown>): TtsSettings | undefined {
  if (params.TtsConf !== true) return undefined;
  const style = typeof params.TtsStyle === 'string' && params.TtsStyle !== '' ? params.TtsStyle : undefined;
  const speed = numberOf(params.TtsSpeed);
  if (style === undefined && speed === undefined) return undefined;
  return { ...optional('style', style), ...optional('speed', speed) };
}

function sessionTimeoutOf(raw: unknown): number | undefined {
  const seconds = numberOf(raw);
  if (seconds === undefined) return undefined;
  if (seconds <= 0) throw gatewayErrors.invalidParameter('SessionTimeout', 'must be a number of seconds greater than 0');
  return seconds * 1000;
}

function nonNegative(raw: unknown, name: string): number | undefined {
  const n = numberOf(raw);
  if (n !== undefined && n < 0) throw gatewayErrors.invalidParameter(name, 'must be 0 or more milliseconds');
  return n;
}

function numberOf(raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
}

/** `{[key]: value}` when the value is defined, else nothing (for exact optional properties). */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
