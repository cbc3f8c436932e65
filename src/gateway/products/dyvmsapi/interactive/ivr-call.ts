/**
 * IvrCall: one call that plays StartCode, collects a key, plays the prompt MenuKeyMap gives that key, then ByeCode,
 * on the IVR flow (src/flows/ivr-flow.ts; docs/interactive-calls.md). The request is checked in the order a caller
 * fixes things — callee, prompts and their variables, menu, display number, Timeout — and the per-callee caps come
 * last, so a refused request never counts. Pressed keys are recorded in the call's dialog as key-press turns.
 */
import type { ActionHandler } from '../../../action.js';
import { gatewayErrors } from '../../../errors.js';
import { runIvr, type IvrMenuEntry } from '../../../../flows/ivr-flow.js';
import { catalogSpec } from '../../catalog-spec.js';
import { checkedCalledNumber, checkedShowNumber, isvError, reserveCallee, storedParams, type SingleCallServices } from '../single-call-params.js';
import type { InteractiveCallServices } from './interactive-services.js';
import { resolveCode, type ResolvedCode } from './prompt-codes.js';

/** Timeout's accepted range, ms: a key is pressed within a second at the soonest, and nobody waits a minute. */
export const IVR_TIMEOUT_MS = Object.freeze({ min: 1000, max: 60_000 });

/** Most menu entries one call takes. */
export const MAX_MENU_ENTRIES = 20;

/** A menu key: one to four of the keypad's keys (multi-digit keys such as "10" are collected whole). */
const MENU_KEY = /^[0-9*#]{1,4}$/;

const STORED = ['CalledShowNumber', 'StartCode', 'StartTtsParams', 'ByeCode', 'ByeTtsParams', 'PlayTimes', 'Timeout', 'MenuKeyMap'] as const;

/** One MenuKeyMap element as the gateway parsed it. */
interface RawMenuEntry {
  Key?: string;
  Code?: string;
  TtsParams?: string;
}

/** The IvrCall handler: `{Code, Message, CallId}` as documented. */
export function ivrCall(s: SingleCallServices, i: InteractiveCallServices): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'IvrCall'),
    handle: async (ctx, params) => {
      const callee = checkedCalledNumber(params.CalledNumber);
      const codeOf = (name: string, paramsName: string, raw: unknown, rawParams: unknown) =>
        resolveCode(s, i.voiceFiles, ctx.accountId, { name, paramsName }, String(raw).trim(), rawParams);
      const start = await codeOf('StartCode', 'StartTtsParams', params.StartCode, params.StartTtsParams);
      const bye = textOf(params.ByeCode) === undefined ? undefined : await codeOf('ByeCode', 'ByeTtsParams', params.ByeCode, params.ByeTtsParams);
      if (bye && bye.kind !== start.kind) {
        throw isvError('INVALID_PARAMETERS', `ByeCode "${bye.code}" is ${kindText(bye)} but StartCode is ${kindText(start)}; both must be TTS templates or both voice files.`);
      }
      const menu = await checkedMenu(params.MenuKeyMap, (n, entry) => codeOf(`MenuKeyMap.${n}.Code`, `MenuKeyMap.${n}.TtsParams`, entry.Code, entry.TtsParams));
      const caller = await checkedShowNumber(s, ctx.accountId, params.CalledShowNumber, start.publicMode);
      const timeoutMs = checkedTimeout(params.Timeout);
      await reserveCallee(s, ctx.accountId, callee);
      // PlayTimes is a Long here (Integer in the other single calls): the gateway keeps Longs as decimal text.
      const playTimes = params.PlayTimes === undefined ? undefined : Number(params.PlayTimes);
      const outId = textOf(params.OutId);
      const callId = await i.singleCalls.place({
        accountId: ctx.accountId, kind: 'IvrCall', caller, callee, flowRef: start.code, params: storedParams(params, STORED),
        // The template values double as the call's variables, so `sim_persona` there picks the simulated callee.
        variables: start.values,
        flow: async (session) => {
          await runIvr(session, {
            start: start.content, menu,
            ...(bye ? { bye: bye.content } : {}),
            ...(playTimes !== undefined ? { playTimes } : {}),
            ...(timeoutMs !== undefined ? { timeoutMs } : {}),
          });
        },
        ...(outId !== undefined ? { outId } : {}),
      });
      return { Code: 'OK', Message: 'OK', CallId: callId };
    },
  };
}

/** MenuKeyMap checked and resolved: every entry has a key of the keypad and a code; no key twice. */
async function checkedMenu(raw: unknown, resolve: (n: number, entry: RawMenuEntry) => Promise<ResolvedCode>): Promise<IvrMenuEntry[]> {
  if (raw === undefined) return [];
  const entries = raw as RawMenuEntry[];
  if (entries.length > MAX_MENU_ENTRIES) throw gatewayErrors.invalidParameter('MenuKeyMap', `has ${entries.length} entries; at most ${MAX_MENU_ENTRIES}`);
  const menu: IvrMenuEntry[] = [];
  for (const [index, entry] of entries.entries()) {
    const n = index + 1;
    const key = textOf(entry.Key);
    if (key === undefined) throw gatewayErrors.invalidParameter(`MenuKeyMap.${n}.Key`, 'is missing; every menu entry needs a Key and a Code');
    if (!MENU_KEY.test(key)) throw gatewayErrors.invalidParameter(`MenuKeyMap.${n}.Key`, `"${key}" is not a key: use 1 to 4 of 0-9, * and #`);
    const earlier = menu.findIndex((m) => m.key === key);
    if (earlier >= 0) throw gatewayErrors.invalidParameter(`MenuKeyMap.${n}.Key`, `repeats the key "${key}" of MenuKeyMap.${earlier + 1}`);
    if (textOf(entry.Code) === undefined) throw gatewayErrors.invalidParameter(`MenuKeyMap.${n}.Code`, `is missing; key "${key}" needs a prompt to play`);
    menu.push({ key, content: (await resolve(n, entry)).content });
  }
  return menu;
}

/** Timeout in ms, within IVR_TIMEOUT_MS; undefined when not given (the flow's 5000 ms). */
function checkedTimeout(raw: unknown): number | undefined {
  if (typeof raw !== 'number') return undefined;
  if (raw < IVR_TIMEOUT_MS.min || raw > IVR_TIMEOUT_MS.max) {
    throw gatewayErrors.invalidParameter('Timeout', `must be between ${IVR_TIMEOUT_MS.min} and ${IVR_TIMEOUT_MS.max} milliseconds`);
  }
  return raw;
}

function kindText(code: ResolvedCode): string {
  return code.kind === 'tts' ? 'a TTS template' : 'a voice file';
}

/** The trimmed text of a string parameter; undefined when absent or blank. */
export function textOf(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  return text === '' ? undefined : text;
}
