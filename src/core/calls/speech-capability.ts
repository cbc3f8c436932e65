/**
 * Whether this server can understand what a callee says, decided once from the configuration (app/call-services.ts)
 * and asked by the actions that start calls. The simulated carrier's callees answer in text, so there is always
 * "recognition"; a SIP trunk has it only when a recognition endpoint is configured. Without it, a SIP call still
 * hears key presses, and every utterance arrives as empty text.
 *
 * Flows fall in three groups (docs/speech.md):
 * - `none`: they never listen for words (notifications, IVR key menus);
 * - `keys`: they listen, but the callee can steer them with keys alone (robot scripts whose every question takes
 *   keys, SmartCall, whose callback receives key events);
 * - `speech`: they are driven by what the callee says (AI agent and LLM application conversations, robot scripts
 *   with a question that takes no keys); these are refused when there is no recognition.
 */

/** What a flow needs of the callee's speech; see the module comment. */
export type SpeechNeed = 'none' | 'keys' | 'speech';

/** The server's ability to understand callees. */
export interface SpeechCapability {
  /** True when what a callee says reaches the flows as text. */
  readonly recognition: boolean;
  /** The setting that would give recognition when it is missing (the env var name), for error messages. */
  readonly missingSetting?: string;
}

/** How the carrier is configured, as far as recognition goes. */
export interface RecognitionSettings {
  carrier: 'sim' | 'sip';
  /** Whether a speech-recognition endpoint is configured (used by SIP calls only). */
  recognizerConfigured: boolean;
  /** The name of the setting that configures the endpoint (e.g. WAIHU_ASR_BASE_URL). */
  recognizerSetting: string;
}

/** The capability of a server configured with `settings`. */
export function speechCapabilityOf(settings: RecognitionSettings): SpeechCapability {
  if (settings.carrier === 'sim' || settings.recognizerConfigured) return { recognition: true };
  return { recognition: false, missingSetting: settings.recognizerSetting };
}

/** Whether a flow with `need` can run on a server with `capability`: only speech-driven flows need recognition. */
export function canRun(capability: SpeechCapability, need: SpeechNeed): boolean {
  return need !== 'speech' || capability.recognition;
}
