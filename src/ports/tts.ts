/**
 * Voices: what ListAvailableTts lists and what a TtsVoiceCode may name. Each speech provider (the simulated carrier's
 * text voices now; espeak-ng and OpenAI-compatible speech with real telephony) contributes its voices.
 */

/** One voice a prompt can be spoken in. */
export interface TtsVoice {
  /** The TtsVoiceCode requests name it by. */
  code: string;
  name: string;
  /** The provider that speaks it (TtsEngine). */
  engine: string;
  /** The provider's own name of the voice (TtsStyle). */
  style: string;
  /** A sample of it, when the provider has one. */
  auditionUrl?: string;
}

/** The voices on offer. */
export interface VoiceCatalog {
  /** Every voice, the default first. */
  voices(): readonly TtsVoice[];
}
