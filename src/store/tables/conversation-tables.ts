/** Store layer for what a call leaves behind: dialogs with their tags, and single calls (not part of a campaign). */
import type { CallTag } from '../../core/calls/dialog.js';
import type { CallDialogRecord, ConversationStore, SingleCallEnding, SingleCallRecord } from '../../ports/conversation-store.js';
import * as conversations from '../conversation-queries.js';
import { TurnBatcher } from '../turn-batcher.js';
import { VirtualNumberTables } from './virtual-number-tables.js';

/** Single-call rows written per statement or transaction at most. */
const SINGLE_CALL_BATCH = 200;

/**
 * Dialogs and single calls (see store-tables.ts for how the layers compose). The single calls placed, and those
 * ended, in one event-loop turn are written together: at thousands of calls a second, one multi-row insert and one
 * transaction per turn instead of one commit per call is most of what the database costs.
 */
export abstract class ConversationTables extends VirtualNumberTables implements ConversationStore {
  private readonly placedCalls = new TurnBatcher(async (calls: readonly SingleCallRecord[]) => {
    await conversations.insertSingleCalls(this.db, calls);
    return calls.map(() => undefined);
  }, SINGLE_CALL_BATCH);

  private readonly endedCalls = new TurnBatcher(async (ends: readonly conversations.SingleCallEnd[]) => {
    await conversations.endSingleCalls(this.db, ends);
    return ends.map(() => undefined);
  }, SINGLE_CALL_BATCH);

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
    return this.placedCalls.run(call);
  }

  /** The account's single call. */
  getSingleCall(accountId: string, callId: string): Promise<SingleCallRecord | undefined> {
    return conversations.getSingleCall(this.db, accountId, callId);
  }

  /** Writes a single call's end and its dialog in one transaction. */
  endSingleCall(accountId: string, callId: string, ending: SingleCallEnding, dialog?: CallDialogRecord): Promise<void> {
    return this.endedCalls.run({ accountId, callId, ending, ...(dialog ? { dialog } : {}) });
  }
}
