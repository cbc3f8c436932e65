/**
 * The voices of the simulated carrier. It speaks text, not audio, so a voice changes nothing but the record; they
 * exist so requests naming a TtsVoiceCode work the same on the simulator as they will with real speech providers.
 */
import type { TtsVoice, VoiceCatalog } from '../../ports/tts.js';

const SIM_VOICES: readonly TtsVoice[] = Object.freeze([
  { code: 'SIMF01', name: '模拟女声', engine: 'waihu-sim', style: 'sim-zh-female' },
  { code: 'SIMM01', name: '模拟男声', engine: 'waihu-sim', style: 'sim-zh-male' },
  { code: 'SIMEN1', name: 'Simulated English', engine: 'waihu-sim', style: 'sim-en' },
]);

/** The simulated carrier's voices; the first is the default. */
export const simVoices: VoiceCatalog = { voices: () => SIM_VOICES };
