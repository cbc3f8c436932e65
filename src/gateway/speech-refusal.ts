/**
 * The refusal of an action whose calls would be speech-driven on a server that cannot understand callees (a SIP
 * trunk without a recognition endpoint; core/calls/speech-capability.ts). It comes before anything is stored or
 * dialed, so the caller learns at creation, not from calls that hear nothing. docs/speech.md lists what is refused.
 */
import type { SpeechCapability } from '../core/calls/speech-capability.js';
import { GatewayError } from './errors.js';

/** The stable code of the refusal (docs/errors.md). */
export const RECOGNITION_UNAVAILABLE = 'Speech.RecognitionUnavailable';

/** The setting named when the capability does not say which one is missing. */
const DEFAULT_SETTING = 'WAIHU_ASR_BASE_URL';

/**
 * Throws the refusal when `capability` has no recognition. `action` is the API action, `flow` says in a few words
 * what its calls would run and why that needs speech (e.g. "AI voice agent conversations, driven by what the
 * callee says").
 */
export function requireRecognition(capability: SpeechCapability, action: string, flow: string): void {
  if (capability.recognition) return;
  const setting = capability.missingSetting ?? DEFAULT_SETTING;
  throw new GatewayError(
    RECOGNITION_UNAVAILABLE,
    400,
    `${action} refused: its calls would run ${flow}; that needs speech recognition, and this server has none ` +
      `(calls go out through a SIP trunk and ${setting} is not set). Set ${setting} to an OpenAI-compatible ` +
      '/audio/transcriptions endpoint, or use a flow the callee can answer with keys (see docs/speech.md).',
  );
}
