/**
 * The configured carrier, built once for the calling half (call-services.ts): the simulated carrier with its ledger,
 * per-account models and personas, or a SIP trunk with the speech it needs (a synthesizer behind the prompt cache and,
 * when an endpoint is configured, a recognizer). Each kind brings what it must release at shutdown and the voices it
 * offers, so the rest of the process never asks which carrier it runs on.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { RecordingArchive } from '../core/recordings/call-recording.js';
import { parseHostPort } from '../config/config.js';
import type { Clock } from '../ports/clock.js';
import type { Llm } from '../ports/llm.js';
import type { SpeechRecognizer, SpeechSynthesizer, SynthesisOptions } from '../ports/speech.js';
import type { Store } from '../ports/store.js';
import type { Telephony } from '../ports/telephony.js';
import type { VoiceCatalog } from '../ports/tts.js';
import { OpenAiTranscriber } from '../providers/asr/openai-transcriber.js';
import { SipTelephony } from '../providers/telephony/sip/call/sip-telephony.js';
import { PersonaCatalog } from '../providers/telephony/sim/personas/persona-catalog.js';
import { SIM_LEDGER_FILE, SimLedger } from '../providers/telephony/sim/sim-ledger.js';
import { SimTelephony } from '../providers/telephony/sim/sim-telephony.js';
import { StoredSimModels } from '../providers/telephony/sim/stored-sim-models.js';
import { EspeakSynthesizer } from '../providers/tts/espeak-synthesizer.js';
import { OpenAiSpeechSynthesizer } from '../providers/tts/openai-speech.js';
import { CachedSpeechSynthesizer } from '../providers/tts/speech-cache.js';
import { simVoices } from '../providers/tts/sim-voices.js';

/** A built carrier and its lifecycle. */
export interface TelephonyProvider {
  readonly telephony: Telephony;
  readonly voices: VoiceCatalog;
  /**
   * Speaks text in the voices of `voices` (same codes), for previews: the SIP trunk's own prompt synthesizer; on the
   * simulator, which speaks text on its calls, espeak-ng stands in so a preview still has sound.
   */
  readonly synthesizer: SpeechSynthesizer;
  /** What the start log says calls go out through; never a secret. */
  readonly description: string;
  /** Opens what the carrier listens on (the SIP socket); nothing for the simulator. */
  start(): Promise<void>;
  /** Resolves once the calls the carrier has in progress have ended. */
  drain(): Promise<void>;
  /** Releases sockets and files; drain (or give up waiting) first. */
  close(): Promise<void>;
}

/** What a carrier with audio takes from the platform. */
export interface CarrierMedia {
  /** Where answered calls' recordings go (when config.recordCalls). */
  recordings: RecordingArchive;
  /** The 8 kHz samples of an account's voice file, played by SingleCallByVoice and voice-file prompts. */
  voiceFileSamples(accountId: string, code: string): Promise<Int16Array>;
}

/** What the carrier is built from besides the configuration. */
export interface TelephonyProviderDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Plays the simulator's callees when configured. */
  llm?: Llm;
  media?: CarrierMedia;
}

/** Builds the carrier `config.telephony` names. */
export function createTelephonyProvider(config: Config, deps: TelephonyProviderDeps): TelephonyProvider {
  return config.telephony === 'sip' ? sipProvider(config, deps) : simProvider(config, deps);
}

function simProvider(config: Config, deps: TelephonyProviderDeps): TelephonyProvider {
  const ledger = new SimLedger(path.join(config.dataDir, SIM_LEDGER_FILE));
  // Each account's model as set through SetSimulatorModel, re-read at most every few seconds (SIM_MODEL_CACHE_MS).
  const models = new StoredSimModels(deps.store, deps.clock);
  // Simulated callees answer as personas chosen per number; the chat model plays them when one is configured.
  const personas = new PersonaCatalog({ seed: config.simSeed, ...(deps.llm ? { llm: deps.llm } : {}) });
  const telephony = new SimTelephony({ clock: deps.clock, ledger, models, timeScale: config.simTimeScale, seed: config.simSeed, callees: personas.calleeFor, recordings: config.simRecordings });
  return {
    telephony, voices: simVoices, synthesizer: simPreviewSynthesizer(), description: 'the simulated carrier',
    start: () => Promise.resolve(),
    drain: () => Promise.resolve(),
    close: () => {
      ledger.close();
      return Promise.resolve();
    },
  };
}

function sipProvider(config: Config, deps: TelephonyProviderDeps): TelephonyProvider {
  const { media } = deps;
  // The schema has checked both; combinationProblems made sipProxy required for telephony sip.
  const proxy = parseHostPort(config.sipProxy ?? '');
  const bindTo = parseHostPort(config.sipBind);
  const bind = { address: bindTo.host, port: bindTo.port };
  const synthesizer = new CachedSpeechSynthesizer(withDefaultVoice(speechSynthesizer(config), config.ttsVoice));
  const recognizer: SpeechRecognizer | undefined = config.asrBaseUrl !== undefined
    ? new OpenAiTranscriber({ baseUrl: config.asrBaseUrl, model: config.asrModel, ...(config.asrApiKey ? { apiKey: config.asrApiKey } : {}) })
    : undefined;
  const telephony = new SipTelephony(
    {
      proxy, bind, fromUser: config.sipFromUser ?? config.sipUsername ?? 'waihu',
      rtp: { minPort: config.rtpPortMin, maxPort: config.rtpPortMax },
      ringTimeoutMs: config.sipRingTimeoutSeconds * 1000, maxDurationMs: config.sipMaxCallSeconds * 1000,
      ...(config.sipDomain !== undefined ? { domain: config.sipDomain } : {}),
      ...(config.sipUsername !== undefined ? { username: config.sipUsername } : {}),
      ...(config.sipPassword !== undefined ? { password: config.sipPassword } : {}),
      ...(config.sipAdvertisedAddress !== undefined ? { advertisedAddress: config.sipAdvertisedAddress } : {}),
    },
    {
      synthesizer, ...(recognizer ? { recognizer } : {}),
      ...(media ? { mediaLoader: (accountId: string, code: string) => media.voiceFileSamples(accountId, code) } : {}),
      ...(media && config.recordCalls ? { recordings: media.recordings } : {}),
      onRecordingError: (err: unknown, callId: string) => deps.logger.error({ err, callId }, 'the call\'s recording could not be stored'),
    },
  );
  const speech = `speech ${synthesizer.provider}, ${recognizer ? `recognition ${config.asrModel}` : 'no recognition'}`;
  return {
    telephony,
    synthesizer,
    voices: { voices: () => synthesizer.voices().map((v) => ({ code: v.id, name: v.name, engine: v.provider, style: v.id })) },
    description: `the SIP trunk ${config.sipProxy ?? ''} (SIP on ${config.sipBind}, RTP ${config.rtpPortMin}-${config.rtpPortMax}, ${speech})`,
    start: () => telephony.start(),
    drain: () => telephony.drain(),
    close: () => telephony.stop(),
  };
}

/** The simulator's voice codes spoken by the nearest espeak-ng voice (the simulator itself never makes audio). */
const SIM_PREVIEW_VOICES: Readonly<Record<string, string>> = { SIMF01: 'cmn-latn-pinyin+f3', SIMM01: 'cmn-latn-pinyin', SIMEN1: 'en-us+f3' };

function simPreviewSynthesizer(): SpeechSynthesizer {
  const espeak = new CachedSpeechSynthesizer(new EspeakSynthesizer(), { maxBytes: 8 * 1024 * 1024 });
  const voices = simVoices.voices().map((v) => ({ id: v.code, name: v.name, language: v.style === 'sim-en' ? 'en-US' : 'zh-CN', provider: espeak.provider }));
  return {
    provider: espeak.provider,
    voices: () => voices,
    synthesize: (text, options = {}) => espeak.synthesize(text, { ...options, voice: SIM_PREVIEW_VOICES[options.voice ?? voices[0]!.id] }),
  };
}

function speechSynthesizer(config: Config): SpeechSynthesizer {
  if (config.ttsProvider === 'espeak') return new EspeakSynthesizer();
  return new OpenAiSpeechSynthesizer({ baseUrl: config.ttsBaseUrl ?? '', model: config.ttsModel, ...(config.ttsApiKey ? { apiKey: config.ttsApiKey } : {}) });
}

/** The configured voice for requests that name none, listed first as the default. */
function withDefaultVoice(inner: SpeechSynthesizer, voice: string | undefined): SpeechSynthesizer {
  if (voice === undefined) return inner;
  return {
    provider: inner.provider,
    voices: () => [...inner.voices()].sort((a, b) => Number(b.id === voice) - Number(a.id === voice)),
    synthesize: (text: string, options: SynthesisOptions = {}) => inner.synthesize(text, { ...options, voice: options.voice ?? voice }),
  };
}
