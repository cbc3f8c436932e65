/**
 * Offline speech with the `espeak-ng` program (Debian package espeak-ng) as a child process: the text goes in on
 * stdin (never as an argument, so text starting with "-" cannot pass as an option), a WAV at espeak's own rate
 * (22.05 kHz) comes out on stdout and is resampled to 8 kHz in process by the band-limited resampler voice files use.
 * That keeps one program per prompt instead of an espeak | sox pipeline, and the same resampler for every provider.
 * The child is killed past its deadline, past the output cap, or when the caller aborts.
 */
import { SpeechError, type SpeechSynthesizer, type SynthesisOptions, type Voice } from '../../ports/speech.js';
import { runPiped } from '../process/piped-process.js';
import { abortError, applyVolume, checkedSpeed, wavToSpeechPcm } from './speech-audio.js';

/** How espeak-ng is run. */
export interface EspeakOptions {
  /** The program; `espeak-ng` on the PATH by default. */
  command?: string;
  /** Longest one synthesis may take before the child is killed; default 15 s. */
  timeoutMs?: number;
  /** Longest audio accepted, in seconds; past it the child is killed. Default 180 s. */
  maxAudioSeconds?: number;
  /** Longest text accepted, in characters; default 4000. */
  maxTextChars?: number;
}

const PROVIDER = 'espeak-ng';
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_AUDIO_SECONDS = 180;
const DEFAULT_MAX_TEXT_CHARS = 4000;
/** espeak's rate when it speaks at speed 1, and the range it accepts (words per minute). */
const NORMAL_WPM = 175;
const MIN_WPM = 80;
const MAX_WPM = 450;
/** The rate espeak-ng writes; used only to size the output cap (the WAV header gives the real one). */
const ESPEAK_RATE = 22050;

/** The voices we support: espeak voice names (with a `+variant` for the female ones), the default first. */
const ESPEAK_VOICES: readonly Voice[] = Object.freeze([
  { id: 'cmn-latn-pinyin', name: 'Mandarin (espeak-ng)', language: 'zh-CN', provider: PROVIDER },
  { id: 'cmn-latn-pinyin+f3', name: 'Mandarin, female (espeak-ng)', language: 'zh-CN', provider: PROVIDER },
  { id: 'cmn', name: 'Mandarin, Latin letters read as English (espeak-ng)', language: 'zh-CN', provider: PROVIDER },
  { id: 'en-us', name: 'English, American (espeak-ng)', language: 'en-US', provider: PROVIDER },
  { id: 'en-us+f3', name: 'English, American, female (espeak-ng)', language: 'en-US', provider: PROVIDER },
  { id: 'en', name: 'English, British (espeak-ng)', language: 'en-GB', provider: PROVIDER },
]);

/** espeak's words per minute for a speed factor, kept inside the range espeak accepts. */
export function espeakWordsPerMinute(speed: number): number {
  return Math.round(Math.min(MAX_WPM, Math.max(MIN_WPM, NORMAL_WPM * speed)));
}

/** The last line espeak wrote to stderr, trimmed, for error messages. */
function complaint(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  return (lines.at(-1) ?? 'no message').trim().slice(0, 200);
}

/** Speaks with espeak-ng; see the module comment. */
export class EspeakSynthesizer implements SpeechSynthesizer {
  readonly provider = PROVIDER;
  private readonly command: string;
  private readonly timeoutMs: number;
  private readonly maxWavBytes: number;
  private readonly maxTextChars: number;

  constructor(options: EspeakOptions = {}) {
    this.command = options.command ?? 'espeak-ng';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxWavBytes = 44 + (options.maxAudioSeconds ?? DEFAULT_MAX_AUDIO_SECONDS) * ESPEAK_RATE * 2;
    this.maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  }

  voices(): readonly Voice[] {
    return ESPEAK_VOICES;
  }

  async synthesize(text: string, options: SynthesisOptions = {}): Promise<Int16Array> {
    const voice = options.voice ?? ESPEAK_VOICES[0]!.id;
    if (!ESPEAK_VOICES.some((v) => v.id === voice)) {
      throw new RangeError(`unknown espeak-ng voice "${voice}"; the voices are ${ESPEAK_VOICES.map((v) => v.id).join(', ')}`);
    }
    const wpm = espeakWordsPerMinute(checkedSpeed(options.speed));
    if (text.length > this.maxTextChars) throw new RangeError(`the text is ${text.length} characters long; espeak-ng is given at most ${this.maxTextChars}`);
    if (options.signal?.aborted) throw abortError(options.signal);
    if (text.trim() === '') return new Int16Array(0);
    const wav = await this.run(['-b', '1', '--stdin', '--stdout', '-v', voice, '-s', String(wpm)], text, options.signal);
    return applyVolume(wavToSpeechPcm(wav, PROVIDER), options.volume);
  }

  /** Runs espeak-ng with the text on stdin; resolves with its stdout (a WAV). */
  private async run(args: string[], text: string, signal: AbortSignal | undefined): Promise<Uint8Array> {
    const { code, killedBy, stdout, stderr } = await runPiped({
      command: this.command, args, input: Buffer.from(text, 'utf8'), timeoutMs: this.timeoutMs, maxOutputBytes: this.maxWavBytes,
      ...(signal ? { signal } : {}),
      errors: {
        missing: () => new SpeechError(
          `text-to-speech needs the espeak-ng program ("${this.command}" was not found); install the Debian package espeak-ng, or configure an OpenAI-compatible speech provider`,
          'unavailable',
        ),
        timeout: () => new SpeechError(`espeak-ng did not finish within ${this.timeoutMs} ms`, 'timeout'),
        tooLarge: () => new SpeechError(`espeak-ng produced more than ${this.maxWavBytes} bytes of audio; the text is too long to speak as one prompt`, 'too-large'),
        aborted: () => abortError(signal!),
      },
    });
    if (code !== 0) throw new SpeechError(`espeak-ng failed (${code === null ? `killed by ${killedBy}` : `exit ${code}`}): ${complaint(stderr)}`, 'failed');
    return stdout;
  }
}
