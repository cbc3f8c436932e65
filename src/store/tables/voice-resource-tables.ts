/** Store layer for what an account sets up before calling: TTS templates, caller numbers and receipt push URLs. */
import type { CallerNumberRecord } from '../../core/media/caller-number.js';
import type { ReceiptConfigRecord, ReceiptSettingType } from '../../core/media/receipt-config.js';
import type { TtsTemplateRecord } from '../../core/media/tts-template.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type { TtsTemplateFilter, VoiceResourceStore } from '../../ports/voice-resource-store.js';
import * as voice from '../voice-resource-queries.js';
import { AgentTables } from './agent-tables.js';

/** TTS templates, caller numbers and receipt settings (see store-tables.ts for how the layers compose). */
export abstract class VoiceResourceTables extends AgentTables implements VoiceResourceStore {
  /** Adds a template. */
  insertTtsTemplate(template: TtsTemplateRecord): Promise<void> {
    return voice.insertTtsTemplate(this.db, template);
  }

  /** The account's template. */
  getTtsTemplate(accountId: string, code: string): Promise<TtsTemplateRecord | undefined> {
    return voice.getTtsTemplate(this.db, accountId, code);
  }

  /** Deletes the account's template. */
  deleteTtsTemplate(accountId: string, code: string): Promise<boolean> {
    return voice.deleteTtsTemplate(this.db, accountId, code);
  }

  /** The account's templates, newest first. */
  pageTtsTemplates(accountId: string, filter: TtsTemplateFilter, page: PageRequest): Promise<Page<TtsTemplateRecord>> {
    return voice.pageTtsTemplates(this.db, accountId, filter, page);
  }

  /** Registers a caller number unless already there. */
  insertCallerNumber(record: CallerNumberRecord): Promise<boolean> {
    return voice.insertCallerNumber(this.db, record);
  }

  /** Whether the account registered the number. */
  hasCallerNumber(accountId: string, number: string): Promise<boolean> {
    return voice.hasCallerNumber(this.db, accountId, number);
  }

  /** Unregisters a caller number. */
  deleteCallerNumber(accountId: string, number: string): Promise<boolean> {
    return voice.deleteCallerNumber(this.db, accountId, number);
  }

  /** The account's caller numbers, newest first. */
  pageCallerNumbers(accountId: string, page: PageRequest): Promise<Page<CallerNumberRecord>> {
    return voice.pageCallerNumbers(this.db, accountId, page);
  }

  /** Sets or replaces a receipt push URL. */
  putReceiptConfig(record: ReceiptConfigRecord): Promise<void> {
    return voice.putReceiptConfig(this.db, record);
  }

  /** Removes a receipt push URL. */
  deleteReceiptConfig(accountId: string, messageType: ReceiptSettingType): Promise<boolean> {
    return voice.deleteReceiptConfig(this.db, accountId, messageType);
  }

  /** The account's receipt push URLs. */
  listReceiptConfigs(accountId: string): Promise<ReceiptConfigRecord[]> {
    return voice.listReceiptConfigs(this.db, accountId);
  }
}
