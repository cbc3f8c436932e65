/**
 * Persistence of an account's voice resources: TTS templates, caller numbers and receipt settings. Every read and
 * write is scoped by account, so another account's template, number or setting reads as absent.
 */
import type { CallerNumberRecord } from '../core/media/caller-number.js';
import type { ReceiptConfigRecord, ReceiptSettingType } from '../core/media/receipt-config.js';
import type { TtsTemplateRecord } from '../core/media/tts-template.js';
import type { Page, PageRequest } from './campaign-store.js';

/** ListTtsTemplates' filters. */
export interface TtsTemplateFilter {
  /** Substring of the name, case-insensitive. */
  name?: string;
}

/** TTS templates, keyed by (account, code). */
export interface TtsTemplateStore {
  /** Adds a template; AlreadyExists (param TtsCode) when the account already has that code. */
  insertTtsTemplate(template: TtsTemplateRecord): Promise<void>;
  getTtsTemplate(accountId: string, code: string): Promise<TtsTemplateRecord | undefined>;
  /** False when the account has no such template. */
  deleteTtsTemplate(accountId: string, code: string): Promise<boolean>;
  /** The account's templates matching the filter, newest first. */
  pageTtsTemplates(accountId: string, filter: TtsTemplateFilter, page: PageRequest): Promise<Page<TtsTemplateRecord>>;
}

/** Caller numbers (display numbers the account may call from), keyed by (account, number). */
export interface CallerNumberStore {
  /** Adds the number; false (and nothing changes) when the account already has it. */
  insertCallerNumber(record: CallerNumberRecord): Promise<boolean>;
  hasCallerNumber(accountId: string, number: string): Promise<boolean>;
  /** False when the account has no such number. */
  deleteCallerNumber(accountId: string, number: string): Promise<boolean>;
  /** The account's numbers, newest first. */
  pageCallerNumbers(accountId: string, page: PageRequest): Promise<Page<CallerNumberRecord>>;
}

/** Receipt push URLs, one per (account, message type). */
export interface ReceiptConfigStore {
  /** Sets or replaces the URL of the record's type in one statement. */
  putReceiptConfig(record: ReceiptConfigRecord): Promise<void>;
  /** False when the account had no URL for that type. */
  deleteReceiptConfig(accountId: string, messageType: ReceiptSettingType): Promise<boolean>;
  /** Every URL the account has set, in no particular order. */
  listReceiptConfigs(accountId: string): Promise<ReceiptConfigRecord[]>;
}

/** The voice-resource areas together, as the Store offers them. */
export interface VoiceResourceStore extends TtsTemplateStore, CallerNumberStore, ReceiptConfigStore {}
