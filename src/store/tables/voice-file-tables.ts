/** Store layer for voice files uploaded for SingleCallByVoice and call tasks (WAV/MP3 stored as 8 kHz mono). */
import type { VoiceFileRecord } from '../../core/media/voice-file.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type { VoiceFileFilter, VoiceFileStore } from '../../ports/voice-file-store.js';
import * as files from '../voice-file-queries.js';
import { ConversationTables } from './conversation-tables.js';

/** VoiceFile methods (see store-tables.ts for how the layers compose). */
export abstract class VoiceFileTables extends ConversationTables implements VoiceFileStore {
  /** Adds a voice file's row. */
  insertVoiceFile(file: VoiceFileRecord): Promise<void> {
    return files.insertVoiceFile(this.db, file);
  }

  /** The account's voice file. */
  getVoiceFile(accountId: string, code: string): Promise<VoiceFileRecord | undefined> {
    return files.getVoiceFile(this.db, accountId, code);
  }

  /** Deletes the account's voice file row; what it held. */
  deleteVoiceFile(accountId: string, code: string): Promise<VoiceFileRecord | undefined> {
    return files.deleteVoiceFile(this.db, accountId, code);
  }

  /** The account's voice files, newest first. */
  pageVoiceFiles(accountId: string, filter: VoiceFileFilter, page: PageRequest): Promise<Page<VoiceFileRecord>> {
    return files.pageVoiceFiles(this.db, accountId, filter, page);
  }
}
