/**
 * LlmSmartCall and LlmSmartCallEncrypt: one call to one number, talked through by an LLM application (the
 * ApplicationCode). The call is placed at once through the configured carrier; its dialog, analysis and end are
 * stored when it ends (GetCallDialogContent, QueryOutboundCallDetail) and HangupOperate can end it meanwhile.
 */
import type { SpeechCapability } from '../../../core/calls/speech-capability.js';
import { DomainError } from '../../../core/errors.js';
import { HASH_HEX_LENGTH, type EncryptionType } from '../../../core/numbers/encryption-type.js';
import type { ResolvedNumber } from '../../../core/numbers/number-directory.js';
import { normalizeRecipientNumber } from '../../../core/numbers/phone-number.js';
import type { SingleCalls } from '../../../dialer/single-calls/single-calls.js';
import type { ConversationPlanner } from '../../../flows/conversation-planner.js';
import type { VoiceCatalog } from '../../../ports/tts.js';
import type { ActionContext, ActionHandler } from '../../action.js';
import { GatewayError } from '../../errors.js';
import { requireRecognition } from '../../speech-refusal.js';
import { aiccsSpec } from './aiccs-spec.js';
import { okData } from './envelope.js';
import { smartCallParams, type SmartCallParams } from './llm-smart-call-params.js';

/** What the two actions need. */
export interface LlmSmartCallServices {
  singleCalls: SingleCalls;
  planner: ConversationPlanner;
  voices: VoiceCatalog;
  /** Resolves digests of numbers through the account's number directory (LlmSmartCallEncrypt). */
  resolveNumber(accountId: string, number: string, type: EncryptionType): Promise<ResolvedNumber>;
  /** Whether callees can be understood: without it the conversation cannot run and the call is refused. */
  speech: SpeechCapability;
}

/** Places the call; the call id. */
async function place(s: LlmSmartCallServices, ctx: ActionContext, callee: string, p: SmartCallParams, kind: string): Promise<string> {
  requireRecognition(s.speech, kind, `a conversation with LLM application ${p.applicationCode}, driven by what the callee says`);
  if (p.voice !== undefined && !s.voices.voices().some((v) => v.code === p.voice)) {
    throw new DomainError('InvalidArgument', `TtsVoiceCode "${p.voice}" is not an available voice (see ListAvailableTts).`, 'TtsVoiceCode');
  }
  const request = {
    accountId: ctx.accountId, applicationCode: p.applicationCode, startWordParams: p.startWordParams, promptParams: p.promptParams, ...p.overrides,
    ...(p.sessionTimeoutMs !== undefined ? { sessionTimeoutMs: p.sessionTimeoutMs } : {}),
  };
  const planned = await s.planner.forApplication(request).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'NotFound') {
      throw new GatewayError('InvalidParameter.ApplicationCode', 400, `The specified parameter "ApplicationCode" is invalid: ${error.message}`);
    }
    throw error;
  });
  return s.singleCalls.place({
    accountId: ctx.accountId, kind, caller: p.caller, callee, flowRef: p.applicationCode, params: p.stored,
    variables: { ...p.promptParams, ...p.startWordParams }, flow: planned.flow, analyze: planned.analyze,
    ...(p.outId !== undefined ? { outId: p.outId } : {}),
    ...(p.sessionTimeoutMs !== undefined ? { sessionTimeoutMs: p.sessionTimeoutMs } : {}),
  });
}

/** The plain number an EncryptCalledNumber digest stands for (MD5, or SHA256 then SM3 for 64 hex digits). */
async function decrypted(s: LlmSmartCallServices, accountId: string, raw: unknown): Promise<string> {
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const types: EncryptionType[] = text.length === HASH_HEX_LENGTH[1] ? [1] : [2, 3];
  for (const type of types) {
    const resolved = await s.resolveNumber(accountId, normalizeRecipientNumber(text, type, 'EncryptCalledNumber'), type);
    if (resolved.ok) return resolved.plain;
  }
  throw new DomainError('InvalidArgument', 'EncryptCalledNumber is not in the number directory (AddDirectoryNumbers)', 'EncryptCalledNumber');
}

/** The LlmSmartCall handler: `CallId` at the top level, as documented. */
export function llmSmartCall(s: LlmSmartCallServices): ActionHandler {
  return {
    spec: aiccsSpec('LlmSmartCall'),
    handle: async (ctx, params) => {
      const callee = normalizeRecipientNumber(params.CalledNumber, 0, 'CalledNumber');
      const callId = await place(s, ctx, callee, smartCallParams(params), 'LlmSmartCall');
      return { Code: 'OK', Message: 'OK', CallId: callId };
    },
  };
}

/** The LlmSmartCallEncrypt handler: the number as a digest, `Data.CallId` in the answer. */
export function llmSmartCallEncrypt(s: LlmSmartCallServices): ActionHandler {
  return {
    spec: aiccsSpec('LlmSmartCallEncrypt'),
    handle: async (ctx, params) => {
      const callee = await decrypted(s, ctx.accountId, params.EncryptCalledNumber);
      const callId = await place(s, ctx, callee, smartCallParams(params), 'LlmSmartCallEncrypt');
      return okData({ CallId: callId });
    },
  };
}
