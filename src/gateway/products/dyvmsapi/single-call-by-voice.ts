/**
 * SingleCallByVoice: one call to one number that plays an uploaded voice file (VoiceCode) PlayTimes times. waihu has
 * no voice-file upload yet, so no account owns a VoiceCode: after the callee check, every request is answered with
 * the project's code for an id the account does not have, InvalidVoiceCode.NotFound (404), naming the gap, rather
 * than a call that would play nothing. The call itself is already wired (notify flow with a media id, caps), so the
 * lookup is the only piece to add once voice files exist (docs/single-calls.md).
 */
import type { ActionHandler } from '../../action.js';
import { GatewayError } from '../../errors.js';
import { catalogSpec } from '../catalog-spec.js';
import { checkedCalledNumber, checkedShowNumber, notifySettings, placeNotifyCall, storedParams, type SingleCallServices } from './single-call-params.js';

/** A voice file of the account, as the lookup will return it. */
export interface VoiceFile {
  code: string;
  /** Whether calls with it may leave CalledShowNumber empty (公共模式). */
  publicMode: boolean;
}

/** Finds the account's voice files; the one in use until voice files are built knows none. */
export type VoiceFileLookup = (accountId: string, voiceCode: string) => Promise<VoiceFile | undefined>;

/** No voice files exist yet: every VoiceCode is unknown. */
export const noVoiceFiles: VoiceFileLookup = () => Promise.resolve(undefined);

const STORED = ['CalledShowNumber', 'VoiceCode', 'PlayTimes', 'Volume', 'Speed'] as const;

/** The voice file named by VoiceCode; InvalidVoiceCode.NotFound when the account has none of that code. */
async function voiceFile(lookup: VoiceFileLookup, accountId: string, code: string): Promise<VoiceFile> {
  const file = await lookup(accountId, code);
  if (file) return file;
  throw new GatewayError(
    'InvalidVoiceCode.NotFound',
    404,
    `The specified VoiceCode "${code}" does not exist: waihu does not store voice files yet, so SingleCallByVoice cannot play one; use SingleCallByTts with a TTS template.`,
  );
}

/** The SingleCallByVoice handler: `{Code, Message, CallId}` as documented. */
export function singleCallByVoice(s: SingleCallServices, lookup: VoiceFileLookup = noVoiceFiles): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'SingleCallByVoice'),
    handle: async (ctx, params) => {
      const callee = checkedCalledNumber(params.CalledNumber);
      const file = await voiceFile(lookup, ctx.accountId, String(params.VoiceCode).trim());
      const caller = await checkedShowNumber(s, ctx.accountId, params.CalledShowNumber, file.publicMode);
      const callId = await placeNotifyCall(s, ctx, {
        kind: 'SingleCallByVoice', caller, callee, flowRef: file.code,
        content: { mediaId: file.code }, settings: notifySettings(params), stored: storedParams(params, STORED),
        ...(typeof params.OutId === 'string' && params.OutId !== '' ? { outId: params.OutId } : {}),
      });
      return { Code: 'OK', Message: 'OK', CallId: callId };
    },
  };
}
