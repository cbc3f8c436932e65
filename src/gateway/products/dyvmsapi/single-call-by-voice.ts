/**
 * SingleCallByVoice: one call to one number that plays an uploaded voice file (VoiceCode, from waihu's
 * UploadVoiceFile) PlayTimes times. Checked in the order a caller fixes things: callee, voice file, display number,
 * then the per-callee caps, so a refused request never counts against them (docs/single-calls.md).
 */
import type { ActionHandler } from '../../action.js';
import { GatewayError } from '../../errors.js';
import { catalogSpec } from '../catalog-spec.js';
import { checkedCalledNumber, checkedShowNumber, notifySettings, placeNotifyCall, storedParams, type SingleCallServices } from './single-call-params.js';

/** What the call needs of a voice file. */
export interface VoiceFile {
  code: string;
  /** Whether calls with it may leave CalledShowNumber empty (公共模式). */
  publicMode: boolean;
  /** Length of the audio; each play takes this long. */
  durationMs: number;
}

/** Finds one of the account's voice files; undefined when the account has none of that code. */
export type VoiceFileLookup = (accountId: string, voiceCode: string) => Promise<VoiceFile | undefined>;

const STORED = ['CalledShowNumber', 'VoiceCode', 'PlayTimes', 'Volume', 'Speed'] as const;

/**
 * The voice file named by VoiceCode; InvalidVoiceCode.NotFound (404) when the account has none of that code,
 * the same answer GetVoiceFile gives. Alibaba's document names no code for an unknown voice file.
 */
async function voiceFile(lookup: VoiceFileLookup, accountId: string, code: string): Promise<VoiceFile> {
  const file = await lookup(accountId, code);
  if (file) return file;
  throw new GatewayError(
    'InvalidVoiceCode.NotFound',
    404,
    `The specified VoiceCode "${code}" does not exist: it is not a voice file of this account (upload one with the waihu action UploadVoiceFile, or see ListVoiceFiles).`,
  );
}

/** The SingleCallByVoice handler: `{Code, Message, CallId}` as documented. */
export function singleCallByVoice(s: SingleCallServices, lookup: VoiceFileLookup): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'SingleCallByVoice'),
    handle: async (ctx, params) => {
      const callee = checkedCalledNumber(params.CalledNumber);
      const file = await voiceFile(lookup, ctx.accountId, String(params.VoiceCode).trim());
      const caller = await checkedShowNumber(s, ctx.accountId, params.CalledShowNumber, file.publicMode);
      const callId = await placeNotifyCall(s, ctx, {
        kind: 'SingleCallByVoice', caller, callee, flowRef: file.code,
        content: { mediaId: file.code, durationMs: file.durationMs }, settings: notifySettings(params), stored: storedParams(params, STORED),
        ...(typeof params.OutId === 'string' && params.OutId !== '' ? { outId: params.OutId } : {}),
      });
      return { Code: 'OK', Message: 'OK', CallId: callId };
    },
  };
}
