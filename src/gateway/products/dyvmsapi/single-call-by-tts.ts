/**
 * SingleCallByTts: one call to one number that speaks an approved TTS template of the account, its `${name}`
 * variables filled from TtsParam, PlayTimes times (docs/single-calls.md). The request is checked in the order a
 * caller fixes things (callee, template, display number, variables), the per-callee caps last, so a refused
 * request never counts against them.
 */
import { DomainError } from '../../../core/errors.js';
import { templateVariables, TTS_TEMPLATE_STATUS, type TtsTemplateRecord } from '../../../core/media/tts-template.js';
import type { ActionHandler } from '../../action.js';
import { catalogSpec } from '../catalog-spec.js';
import { checkedCalledNumber, checkedShowNumber, isvError, notifySettings, placeNotifyCall, storedParams, type SingleCallServices } from './single-call-params.js';

/** TtsParam's documented limit: the values together must stay under this many characters. */
export const TTS_PARAM_MAX_CHARS = 1000;

// The same link rule as template contents: a call must not read out a URL.
const LINK = /https?:\/\/|www\./i;
// Verification-code values are read out digit by digit or letter by letter: digits and English letters only.
const CODE_VALUE = /^[A-Za-z0-9]+$/;

/** The template of the account named by TtsCode; isv.TTS_TEMPLATE_ILLEGAL when it has none (or none approved). */
async function approvedTemplate(s: SingleCallServices, accountId: string, code: string): Promise<TtsTemplateRecord> {
  const template = await s.templates.get(accountId, code).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NotFound') {
      throw isvError('TTS_TEMPLATE_ILLEGAL', `TtsCode "${code}" is not an approved TTS template of this account (CreateTtsTemplate).`);
    }
    throw error;
  });
  if (template.status !== TTS_TEMPLATE_STATUS) throw isvError('TTS_TEMPLATE_ILLEGAL', `TTS template "${code}" is not approved.`);
  return template;
}

/** TtsParam as a name -> text map; isv.INVALID_PARAMETERS when it is not a JSON object of scalar values. */
function parsedTtsParam(raw: unknown): Record<string, string> {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(raw));
  } catch {
    throw isvError('INVALID_PARAMETERS', 'TtsParam is not JSON text; send an object such as {"code":"1234"}.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw isvError('INVALID_PARAMETERS', 'TtsParam must be a JSON object of variable names and values, such as {"code":"1234"}.');
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw isvError('INVALID_PARAMETERS', `TtsParam variable "${name}" must be a string or a number.`);
    }
    values[name] = String(value);
  }
  return values;
}

/** Checks TtsParam against the documented rules and the template; the values to fill it with. */
export function checkedTtsParam(raw: unknown, template: Pick<TtsTemplateRecord, 'type' | 'content'>): Record<string, string> {
  const values = parsedTtsParam(raw);
  const total = Object.values(values).reduce((sum, v) => sum + [...v].length, 0);
  if (total >= TTS_PARAM_MAX_CHARS) {
    throw isvError('PARAM_LENGTH_LIMIT', `TtsParam values total ${total} characters; they must stay under ${TTS_PARAM_MAX_CHARS}.`);
  }
  const linked = Object.keys(values).find((name) => LINK.test(values[name]!));
  if (linked !== undefined) throw isvError('INVALID_PARAMETERS', `TtsParam variable "${linked}" contains a link; links are not allowed.`);
  const variables = templateVariables(template.content);
  const missing = variables.filter((name) => !Object.hasOwn(values, name));
  if (missing.length > 0) {
    throw isvError('TEMPLATE_MISSING_PARAMETERS', `TtsParam has no value for the template's variable(s) ${missing.map((m) => `"${m}"`).join(', ')}.`);
  }
  if (template.type === 'CODE') {
    const bad = variables.find((name) => !CODE_VALUE.test(values[name]!));
    if (bad !== undefined) throw isvError('INVALID_PARAMETERS', `TtsParam variable "${bad}" of a verification-code template may only contain digits and English letters.`);
  }
  return values;
}

const STORED = ['CalledShowNumber', 'TtsCode', 'TtsParam', 'PlayTimes', 'Volume', 'Speed'] as const;

/** The SingleCallByTts handler: `{Code, Message, CallId}` as documented. */
export function singleCallByTts(s: SingleCallServices): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'SingleCallByTts'),
    handle: async (ctx, params) => {
      const callee = checkedCalledNumber(params.CalledNumber);
      const template = await approvedTemplate(s, ctx.accountId, String(params.TtsCode).trim());
      const caller = await checkedShowNumber(s, ctx.accountId, params.CalledShowNumber, template.publicMode);
      const values = checkedTtsParam(params.TtsParam, template);
      const callId = await placeNotifyCall(s, ctx, {
        kind: 'SingleCallByTts', caller, callee, flowRef: template.code,
        content: { text: template.content, params: values }, settings: notifySettings(params), stored: storedParams(params, STORED),
        ...(typeof params.OutId === 'string' && params.OutId !== '' ? { outId: params.OutId } : {}),
      });
      return { Code: 'OK', Message: 'OK', CallId: callId };
    },
  };
}
