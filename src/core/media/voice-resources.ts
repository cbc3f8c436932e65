/** The voice resources an account configures before calling: TTS templates, caller numbers, receipt settings. */
import type { Clock } from '../../ports/clock.js';
import type { VoiceResourceStore } from '../../ports/voice-resource-store.js';
import { CallerNumberService } from './caller-numbers.js';
import { ReceiptConfigService } from './receipt-configs.js';
import { TtsTemplateService } from './tts-templates.js';

/** What the voice-resource services need. */
export interface VoiceResourceDeps {
  store: VoiceResourceStore;
  clock: Clock;
  randomBytes: (size: number) => Uint8Array;
}

/** One object so the gateway and, later, the single-call actions share one set of use cases. */
export class VoiceResources {
  /** CreateTtsTemplate, GetTtsTemplate, ListTtsTemplates, DeleteTtsTemplate; TtsCode of the single calls. */
  readonly ttsTemplates: TtsTemplateService;
  /** AddCallerNumber, ListCallerNumbers, RemoveCallerNumber; the CalledShowNumber rule. */
  readonly callerNumbers: CallerNumberService;
  /** SetReceiptConfig, GetReceiptConfig; where receipts are pushed. */
  readonly receiptConfigs: ReceiptConfigService;

  constructor(deps: VoiceResourceDeps) {
    this.ttsTemplates = new TtsTemplateService(deps);
    this.callerNumbers = new CallerNumberService(deps.store, deps.clock);
    this.receiptConfigs = new ReceiptConfigService(deps.store, deps.clock);
  }
}
