/** The parameters LlmSmartCall and LlmSmartCallEncrypt share, checked and put in the forms the call needs. */
import { DomainError } from '../../../core/errors.js';
import { isPlainNumber } from '../../../core/numbers/phone-number.js';
import { GatewayError } from '../../errors.js';

/** The checked parameters. */
export interface SmartCallParams {
  caller: string;
  applicationCode: string;
  startWordParams: Record<string, string>;
  promptParams: Record<string, string>;
  outId?: string;
  sessionTimeoutMs?: number;
  /** Voice, speed and volume overriding the application's. */
  overrides: { voice?: string; speed?: number; volume?: number };
  voice?: string;
  /** What is stored with the call (the request's flow parameters as given). */
  stored: Record<string, unknown>;
}

/** A JSON object parameter as a string map: values that are not strings are written as JSON (numbers stay digits). */
function stringMap(raw: unknown, param: string): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new DomainError('InvalidArgument', `${param} must be a JSON object.`, param);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) out[key] = typeof value === 'string' ? value : JSON.stringify(value);
  return out;
}

function inRange(raw: unknown, param: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new DomainError('InvalidArgument', `${param} must be an integer from ${min} to ${max}.`, param);
  return n;
}

/** Checks the shared parameters; MissingParameter.CallerNumber as documented when there is no caller number. */
export function smartCallParams(params: Record<string, unknown>): SmartCallParams {
  const caller = typeof params.CallerNumber === 'string' ? params.CallerNumber.trim() : '';
  if (caller === '') {
    throw new GatewayError('MissingParameter.CallerNumber', 400, 'Parameter "CallerNumber" which is mandatory for the request is not provided.');
  }
  if (!isPlainNumber(caller)) throw new DomainError('InvalidArgument', 'CallerNumber must be a phone number of digits.', 'CallerNumber');
  const voice = params.TtsVoiceCode as string | undefined;
  const speed = inRange(params.TtsSpeed, 'TtsSpeed', -200, 200);
  const volume = inRange(params.TtsVolume, 'TtsVolume', 0, 100);
  const sessionTimeout = inRange(params.SessionTimeout, 'SessionTimeout', 300, 3600);
  const outId = params.OutId as string | undefined;
  const startWordParams = stringMap(params.StartWordParam, 'StartWordParam');
  const promptParams = stringMap(params.PromptParam, 'PromptParam');
  const stored = Object.fromEntries(
    Object.entries({ StartWordParam: startWordParams, PromptParam: promptParams, BizParam: params.BizParam, Extension: params.Extension, TtsVoiceCode: voice, TtsSpeed: speed, TtsVolume: volume, SessionTimeout: sessionTimeout, CustomerLineCode: params.CustomerLineCode, variables: { ...promptParams, ...startWordParams } })
      .filter(([, v]) => v !== undefined),
  );
  return {
    caller,
    applicationCode: params.ApplicationCode as string,
    startWordParams,
    promptParams,
    ...(outId !== undefined && outId !== '' ? { outId } : {}),
    ...(sessionTimeout !== undefined ? { sessionTimeoutMs: sessionTimeout * 1000 } : {}),
    overrides: { ...(voice !== undefined ? { voice } : {}), ...(speed !== undefined ? { speed } : {}), ...(volume !== undefined ? { volume } : {}) },
    ...(voice !== undefined ? { voice } : {}),
    stored,
  };
}
