/** Store layer for voice files uploaded for SingleCallByVoice and call tasks (WAV/MP3 stored as 8 kHz mono). */
import type { VoiceFileStore } from '../../ports/voice-file-store.js';
import { ConversationTables } from './conversation-tables.js';

/** VoiceFile methods (see store-tables.ts for how the layers compose). */
export abstract class VoiceFileTables extends ConversationTables implements VoiceFileStore {}
