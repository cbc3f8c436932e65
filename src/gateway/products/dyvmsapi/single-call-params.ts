/**
 * What SingleCallByTts and SingleCallByVoice share: the dyvms business errors (isv.*), the CalledNumber rule, the
 * voice settings, the per-callee frequency caps and the placing of the notification call. Ranges and lengths
 * (PlayTimes, Volume, Speed, OutId) are the catalog's and are checked by the gateway before a handler runs.
 */
import { DomainError } from '../../../core/errors.js';
import { calleeKey } from '../../../core/numbers/number-hash.js';
import type { SingleCalls } from '../../../dialer/single-calls/single-calls.js';
import { runNotify, type PromptContent } from '../../../flows/notify-flow.js';
import type { CallerNumberService } from '../../../core/media/caller-numbers.js';
import type { TtsTemplateService } from '../../../core/media/tts-templates.js';
import type { CalleeLimit, CalleeLogStore } from '../../../ports/campaign-store.js';
import type { Clock } from '../../../ports/clock.js';
import type { ActionContext } from '../../action.js';
import { GatewayError } from '../../errors.js';

/** What the two single-call actions need. */
export interface SingleCallServices {
  singleCalls: Pick<SingleCalls, 'place'>;
  templates: Pick<TtsTemplateService, 'get'>;
  callerNumbers: Pick<CallerNumberService, 'showNumberFor'>;
  /** The callee log the campaign engine checks too, so both share one count per callee. */
  calleeLog: Pick<CalleeLogStore, 'reserveCalleeCall'>;
  /** The engine's per-callee caps (dyvms: 1 a minute, 5 an hour, 20 a day). */
  calleeLimits: readonly CalleeLimit[];
  clock: Clock;
}

/**
 * A dyvms business error. HTTP 400, as Alibaba's generated error-code page lists these codes, following the
 * project's choice of Alibaba's error lists for statuses (docs/adr/0001); both official clients throw on it.
 */
export function isvError(code: string, message: string): GatewayError {
  return new GatewayError(`isv.${code}`, 400, message);
}

// Mainland mobile: 11 digits from 13x-19x. Landline: 0, area code and subscriber number, 10-12 digits in all.
// International and HK/Macao/Taiwan: country code and number, no leading 0 or 1 (which are mainland), up to 15 digits.
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const MAINLAND_LANDLINE = /^0[1-9]\d{8,10}$/;
const INTERNATIONAL = /^[2-9]\d{6,14}$/;

/** The callee number, trimmed; isv.MOBILE_NUMBER_ILLEGAL when it is none of the documented formats. */
export function checkedCalledNumber(raw: unknown): string {
  const text = String(raw ?? '').trim();
  if (MAINLAND_MOBILE.test(text) || MAINLAND_LANDLINE.test(text) || INTERNATIONAL.test(text)) return text;
  throw isvError(
    'MOBILE_NUMBER_ILLEGAL',
    `CalledNumber "${text}" is not a valid number: a mainland mobile (11 digits, 13x-19x), a landline with its area code (0571xxxxxxxx) or a country code and number (852xxxxxxxx), digits only.`,
  );
}

/** The display number; isv.DISPLAY_NUMBER_ILLEGAL when the account does not own it or may not leave it empty. */
export async function checkedShowNumber(s: SingleCallServices, accountId: string, raw: unknown, publicMode: boolean): Promise<string> {
  try {
    const number = await s.callerNumbers.showNumberFor(accountId, typeof raw === 'string' ? raw : undefined, { publicMode });
    // Empty means "the line's own number" (public mode): the carrier then sends its default caller id.
    return number ?? '';
  } catch (error) {
    if (error instanceof DomainError && error.param === 'CalledShowNumber') throw isvError('DISPLAY_NUMBER_ILLEGAL', error.message);
    throw error;
  }
}

/** The dyvms voice settings of a request, as validated by the catalog. */
export interface NotifySettings {
  playTimes: number;
  volume?: number;
  speed?: number;
}

/** PlayTimes (default 3, as documented), Volume and Speed of the request. */
export function notifySettings(params: Record<string, unknown>): NotifySettings {
  const settings: NotifySettings = { playTimes: typeof params.PlayTimes === 'number' ? params.PlayTimes : 3 };
  if (typeof params.Volume === 'number') settings.volume = params.Volume;
  if (typeof params.Speed === 'number') settings.speed = params.Speed;
  return settings;
}

/**
 * Logs the call in the callee log if the caps allow it, atomically across processes (the same check and log the
 * dialer does before a campaign call); isv.BUSINESS_LIMIT_CONTROL when a cap is reached. Runs after every other
 * check, so a refused request never counts.
 */
export async function reserveCallee(s: SingleCallServices, accountId: string, callee: string): Promise<void> {
  const call = { accountId, calleeKey: calleeKey(callee), startedAt: s.clock.now(), attemptId: null };
  if (await s.calleeLog.reserveCalleeCall(call, s.calleeLimits)) return;
  const rules = s.calleeLimits.map((l) => `${l.max} per ${windowText(l.windowMs)}`).join(', ');
  throw isvError('BUSINESS_LIMIT_CONTROL', `Calls to ${callee} exceed the per-callee frequency limit (${rules}); try again later.`);
}

function windowText(ms: number): string {
  if (ms % 86_400_000 === 0) return ms === 86_400_000 ? 'day' : `${ms / 86_400_000} days`;
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
  return `${ms} ms`;
}

/** One notification call ready to place. */
export interface NotifyCall {
  kind: string;
  caller: string;
  callee: string;
  /** The TtsCode or VoiceCode. */
  flowRef: string;
  content: PromptContent;
  settings: NotifySettings;
  /** The request's parameters, stored with the call. */
  stored: Record<string, unknown>;
  outId?: string;
}

/** Reserves the callee under the caps, then places the call running the notify flow; the CallId. */
export async function placeNotifyCall(s: SingleCallServices, ctx: ActionContext, call: NotifyCall): Promise<string> {
  await reserveCallee(s, ctx.accountId, call.callee);
  const { content, settings } = call;
  return s.singleCalls.place({
    accountId: ctx.accountId, kind: call.kind, caller: call.caller, callee: call.callee, flowRef: call.flowRef, params: call.stored,
    flow: async (session) => {
      await runNotify(session, { content, ...settings });
    },
    ...(call.outId !== undefined ? { outId: call.outId } : {}),
  });
}

/** The request's parameters worth keeping with the call (what was asked, as sent). */
export function storedParams(params: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => params[n] !== undefined).map((n) => [n, params[n]]));
}
