/**
 * Persistence port of voice files uploaded for SingleCallByVoice and call tasks (WAV/MP3 stored as 8 kHz mono): the
 * metadata rows. The audio is in the BlobStore; every read and write is scoped by account, so another account's
 * VoiceCode reads as absent.
 */
import type { VoiceFileRecord } from '../core/media/voice-file.js';
import type { Page, PageRequest } from './campaign-store.js';

/** ListVoiceFiles' filters. */
export interface VoiceFileFilter {
  /** Substring of the name, case-insensitive. */
  name?: string;
}

/** What the store offers for this area. */
export interface VoiceFileStore {
  /** Adds a voice file; AlreadyExists (param VoiceCode) when the account already has that code. */
  insertVoiceFile(file: VoiceFileRecord): Promise<void>;
  getVoiceFile(accountId: string, code: string): Promise<VoiceFileRecord | undefined>;
  /** Removes the row and returns what it held (so its blob can go too); undefined when the account has no such file. */
  deleteVoiceFile(accountId: string, code: string): Promise<VoiceFileRecord | undefined>;
  /** The account's voice files matching the filter, newest first. */
  pageVoiceFiles(accountId: string, filter: VoiceFileFilter, page: PageRequest): Promise<Page<VoiceFileRecord>>;
}
