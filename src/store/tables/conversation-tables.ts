/** Store layer for what a call leaves behind: dialogs with their tags, and single calls (not part of a campaign). */
import type { CallTag } from '../../core/calls/dialog.js';
import type { CallDialogRecord, ConversationStore, SingleCallEnding, SingleCallRecord } from '../../ports/conversation-store.js';
import * as conversations from '../conversation-queries.js';
import { VirtualNumberTables } from './virtual-number-tables.js';

/** Dialogs and single calls (see store-tables.ts for how the layers compose). */
export abstract class ConversationTables extends VirtualNumberTables implements ConversationStore {
  /** The account's dialog of that call. */
  getCallDialog(accountId: string, callId: string): Promise<CallDialogRecord | undefined> {
    return conversations.getCallDialog(this.db, accountId, callId);
  }

  /** Replaces the call's tags; false when the account has no dialog of that call. */
  replaceCallTags(accountId: string, callId: string, tags: readonly CallTag[], at: number): Promise<boolean> {
    return conversations.replaceCallTags(this.db, accountId, callId, tags, at);
  }

  /** Records a single call as placed. */
  insertSingleCall(call: SingleCallRecord): Promise<void> {
    return conversations.insertSingleCall(this.db, call);
  }

  /** The account's single call. */
  getSingleCall(accountId: string, callId: string): Promise<SingleCallRecord | undefined> {
    return conversations.getSingleCall(this.db, accountId, callId);
  }

  /** Writes a single call's end and its dialog in one transaction. */
  endSingleCall(accountId: string, callId: string, ending: SingleCallEnding, dialog?: CallDialogRecord): Promise<void> {
    return conversations.endSingleCall(this.db, accountId, callId, ending, dialog);
  }
}
