/**
 * IvrCall's prompt codes (StartCode, ByeCode, MenuKeyMap.N.Code): each names either an approved TTS template of the
 * account, filled from its TtsParams, or a voice file of the account. Templates are looked up first, since their
 * codes (`TTS_` and nine digits) cannot be voice-file ids. Errors name the parameter that carried the bad value.
 */
import { DomainError } from '../../../../core/errors.js';
import { TTS_TEMPLATE_STATUS, type TtsTemplateRecord } from '../../../../core/media/tts-template.js';
import type { PromptContent } from '../../../../flows/notify-flow.js';
import { GatewayError } from '../../../errors.js';
import { checkedTtsParam } from '../single-call-by-tts.js';
import { isvError, type SingleCallServices } from '../single-call-params.js';
import type { VoiceFileRef, VoiceFileSource } from './interactive-services.js';

/** A code resolved to what it plays. */
export interface ResolvedCode {
  code: string;
  kind: 'tts' | 'voice';
  content: PromptContent;
  /** Whether a call playing it may leave CalledShowNumber empty. */
  publicMode: boolean;
  /** The TtsParams values, for the call's variables. */
  values: Record<string, string>;
}

/** Where a code came from in the request, for the error messages. */
export interface CodeParam {
  /** The parameter holding the code, e.g. `StartCode`, `MenuKeyMap.2.Code`. */
  name: string;
  /** The parameter holding its variables, e.g. `StartTtsParams`. */
  paramsName: string;
}

/** Resolves one code of the request; see the module comment. */
export async function resolveCode(
  s: Pick<SingleCallServices, 'templates'>,
  voiceFiles: VoiceFileSource | undefined,
  accountId: string,
  where: CodeParam,
  code: string,
  rawParams: unknown,
): Promise<ResolvedCode> {
  const template = await templateOf(s, accountId, code);
  if (template) {
    if (template.status !== TTS_TEMPLATE_STATUS) throw isvError('TTS_TEMPLATE_ILLEGAL', `${where.name}: TTS template "${code}" is not approved.`);
    const values = renamed(where.paramsName, () => checkedTtsParam(rawParams, template));
    return { code, kind: 'tts', content: { text: template.content, params: values }, publicMode: template.publicMode, values };
  }
  const file = voiceFiles ? await voiceFileOf(voiceFiles, accountId, code) : undefined;
  if (file) return { code, kind: 'voice', content: { mediaId: code }, publicMode: file.publicMode === true, values: {} };
  if (/^TTS_/i.test(code)) {
    throw isvError('TTS_TEMPLATE_ILLEGAL', `${where.name} "${code}" is not an approved TTS template of this account (CreateTtsTemplate).`);
  }
  const why = voiceFiles ? 'it is neither a TTS template nor a voice file of this account' : 'it is not a TTS template of this account, and waihu cannot play voice files yet';
  throw new GatewayError(`Invalid${where.name.replace(/\.\d+\./g, '.')}.NotFound`, 404, `The specified ${where.name} "${code}" does not exist: ${why}.`);
}

async function templateOf(s: Pick<SingleCallServices, 'templates'>, accountId: string, code: string): Promise<TtsTemplateRecord | undefined> {
  try {
    return await s.templates.get(accountId, code);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NotFound') return undefined;
    throw error;
  }
}

/** The account's voice file of that code; undefined when it has none. */
export async function voiceFileOf(files: VoiceFileSource, accountId: string, code: string): Promise<VoiceFileRef | undefined> {
  try {
    return await files.get(accountId, code);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NotFound') return undefined;
    throw error;
  }
}

/** Runs the shared TtsParam checks, with their messages naming this request's parameter instead of TtsParam. */
function renamed<T>(paramsName: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof GatewayError && paramsName !== 'TtsParam') {
      throw new GatewayError(error.code, error.status, error.message.replaceAll('TtsParam', paramsName), error.headers);
    }
    throw error;
  }
}
