/** The voice resources an account configures before calling: TTS templates, voice files, caller numbers, receipt settings. */
import type { BlobStore } from '../../ports/blob-store.js';
import type { Clock } from '../../ports/clock.js';
import type { CompressedAudioDecoder } from '../../ports/voice-file-decoder.js';
import type { VoiceFileStore } from '../../ports/voice-file-store.js';
import type { VoiceResourceStore } from '../../ports/voice-resource-store.js';
import { CallerNumberService } from './caller-numbers.js';
import { ReceiptConfigService } from './receipt-configs.js';
import { TtsTemplateService } from './tts-templates.js';
import { VoiceFileService } from './voice-files.js';

/** What the voice-resource services need. */
export interface VoiceResourceDeps {
  store: VoiceResourceStore & VoiceFileStore;
  clock: Clock;
  randomBytes: (size: number) => Uint8Array;
  /** Voice files: where their audio is kept, how MP3 uploads are decoded, and fresh UUIDs for their codes. */
  media: { blobs: BlobStore; mp3: CompressedAudioDecoder; newId: () => string };
}

/** One object so the gateway and, later, the single-call actions share one set of use cases. */
export class VoiceResources {
  /** CreateTtsTemplate, GetTtsTemplate, ListTtsTemplates, DeleteTtsTemplate; TtsCode of the single calls. */
  readonly ttsTemplates: TtsTemplateService;
  /** AddCallerNumber, ListCallerNumbers, RemoveCallerNumber; the CalledShowNumber rule. */
  readonly callerNumbers: CallerNumberService;
  /** SetReceiptConfig, GetReceiptConfig; where receipts are pushed. */
  readonly receiptConfigs: ReceiptConfigService;
  /** UploadVoiceFile, GetVoiceFile, ListVoiceFiles, DeleteVoiceFile; VoiceCode of SingleCallByVoice. */
  readonly voiceFiles: VoiceFileService;

  constructor(deps: VoiceResourceDeps) {
    this.ttsTemplates = new TtsTemplateService(deps);
    this.callerNumbers = new CallerNumberService(deps.store, deps.clock);
    this.receiptConfigs = new ReceiptConfigService(deps.store, deps.clock);
    this.voiceFiles = new VoiceFileService({ store: deps.store, clock: deps.clock, ...deps.media });
  }
}
