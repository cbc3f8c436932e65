/**
 * PreviewTts: speaks a text with the process's synthesizer and answers the audio, so people can hear a template (or
 * any prompt) before a call plays it. The audio is what a call would send: 8 kHz mono 16-bit WAV, base64 in `Audio`.
 * On the simulated carrier, which speaks text on its calls, espeak-ng makes the sound (telephony-provider.ts).
 */
import { DomainError } from '../../../core/errors.js';
import { encodePcm16Wav } from '../../../core/media/voice-file-wav.js';
import { SPEECH_SAMPLE_RATE, SpeechError, type SpeechSynthesizer } from '../../../ports/speech.js';
import type { ActionHandler } from '../../action.js';
import type { ParamSpec } from '../../catalog/types.js';
import { GatewayError } from '../../errors.js';
import { ok, waihuAction } from './product.js';

/** Longest text spoken, in characters: a template's Content at most, so a preview stays a few seconds of work. */
export const MAX_PREVIEW_TEXT = 500;
// Synthesis runs a program or calls a service per request (repeats hit the prompt cache), so it is held low.
const PREVIEW_QPS = { perUser: 5, api: 50 };

const params: ParamSpec[] = [
  { name: 'Text', type: 'String', required: true, maxLength: MAX_PREVIEW_TEXT, lengthUnit: 'chars', description: `The text to speak, at most ${MAX_PREVIEW_TEXT} characters; \${name} variables are read as written.` },
  { name: 'Voice', type: 'String', required: false, maxLength: 64, lengthUnit: 'chars', description: 'A TtsVoiceCode of aiccs ListAvailableTts; the default voice when left out.' },
];

/** A synthesis failure as an error the caller can act on: the setup is missing, or the provider failed this time. */
function speechFailure(err: SpeechError): GatewayError {
  if (err.kind === 'unavailable') return new GatewayError('Speech.SynthesisUnavailable', 503, err.message);
  return new GatewayError('Speech.SynthesisFailed', 502, `text-to-speech failed: ${err.message}`);
}

/** The PreviewTts handler over the process's synthesizer. */
export function ttsPreviewAction(synthesizer: SpeechSynthesizer): ActionHandler {
  return {
    spec: waihuAction('PreviewTts', 'Speaks a text (a template\'s Content, say) and returns the audio: 8 kHz mono WAV, base64.', params, PREVIEW_QPS),
    handle: async (_ctx, p) => {
      const text = (p.Text as string).trim();
      if (text === '') throw new DomainError('InvalidArgument', 'Text must not be blank', 'Text');
      const voices = synthesizer.voices();
      const voice = typeof p.Voice === 'string' && p.Voice.trim() !== '' ? p.Voice.trim() : voices[0]?.id;
      if (voice !== undefined && !voices.some((v) => v.id === voice)) {
        throw new DomainError('InvalidArgument', `Voice "${voice}" is not an available voice (see ListAvailableTts)`, 'Voice');
      }
      let samples: Int16Array;
      try {
        samples = await synthesizer.synthesize(text, voice !== undefined ? { voice } : {});
      } catch (err) {
        if (err instanceof SpeechError) throw speechFailure(err);
        throw err;
      }
      const wav = encodePcm16Wav(samples, SPEECH_SAMPLE_RATE);
      return ok({
        Audio: Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength).toString('base64'),
        Format: 'wav', SampleRate: SPEECH_SAMPLE_RATE, DurationMs: Math.round((samples.length * 1000) / SPEECH_SAMPLE_RATE), Voice: voice ?? '',
      });
    },
  };
}
