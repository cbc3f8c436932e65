/** Store layer for dyvms task-center tasks (CreateCallTask/ExecuteCallTask) layered on campaign tasks. */
import type { CallTaskStore } from '../../ports/call-task-store.js';
import { VoiceFileTables } from './voice-file-tables.js';

/** CallTask methods (see store-tables.ts for how the layers compose). */
export abstract class CallTaskTables extends VoiceFileTables implements CallTaskStore {}
