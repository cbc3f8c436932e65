/**
 * ListAvailableTts: the voices of the configured speech providers, or the one TtsVoiceCode names (an empty list when
 * it names none, as a lookup that finds nothing).
 */
import type { VoiceCatalog } from '../../../ports/tts.js';
import type { ActionHandler } from '../../action.js';
import { aiccsSpec } from './aiccs-spec.js';
import { okData, present } from './envelope.js';

/** The ListAvailableTts handler. */
export function listAvailableTts(catalog: VoiceCatalog): ActionHandler {
  return {
    spec: aiccsSpec('ListAvailableTts'),
    handle: async (_ctx, params) => {
      const code = params.TtsVoiceCode as string | undefined;
      const voices = catalog.voices().filter((v) => code === undefined || v.code === code);
      return okData(voices.map((v) => present({ TtsVoiceCode: v.code, TtsVoiceName: v.name, TtsEngine: v.engine, TtsStyle: v.style, TtsAuditionFileUrl: v.auditionUrl })));
    },
  };
}
