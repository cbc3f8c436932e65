/**
 * Store layer for the account's number lists, which every dial consults whatever placed it: the directory of sealed
 * numbers behind digests, the do-not-call list, and the per-callee call log that frequency caps count.
 */
import type { HashType } from '../../core/numbers/encryption-type.js';
import type * as port from '../../ports/campaign-store.js';
import * as calleeLog from '../callee-log-queries.js';
import * as numberLists from '../number-list-queries.js';
import { ReceiptTables } from './receipt-tables.js';
import { TurnBatcher } from '../turn-batcher.js';

/** Callee reservations per transaction at most; each reads and may write a handful of rows. */
const RESERVATION_BATCH = 200;

/** Number directory, do-not-call list and callee call log (see store-tables.ts for how the layers compose). */
export abstract class NumberListTables
  extends ReceiptTables
  implements port.NumberDirectoryStore, port.DoNotCallStore, port.CalleeLogStore
{
  private readonly calleeReservations = new TurnBatcher((reservations: readonly calleeLog.CalleeReservation[]) => calleeLog.reserveCalleeCalls(this.db, reservations), RESERVATION_BATCH);

  /** Adds numbers to the account's directory. */
  upsertDirectoryEntries(accountId: string, entries: readonly port.DirectoryEntry[], at: number): Promise<number> {
    return numberLists.upsertDirectoryEntries(this.db, accountId, entries, at);
  }

  /** The sealed number behind a digest. */
  findDirectoryEntry(accountId: string, hashType: HashType, hash: string): Promise<string | undefined> {
    return numberLists.findDirectoryEntry(this.db, accountId, hashType, hash);
  }

  /** Removes directory numbers by SHA256. */
  deleteDirectoryEntries(accountId: string, sha256s: readonly string[]): Promise<number> {
    return numberLists.deleteDirectoryEntries(this.db, accountId, sha256s);
  }

  /** Size of the account's directory. */
  countDirectoryEntries(accountId: string): Promise<number> {
    return numberLists.countDirectoryEntries(this.db, accountId);
  }

  /** Adds do-not-call numbers. */
  addDoNotCall(accountId: string, numbers: readonly string[], at: number): Promise<number> {
    return numberLists.addDoNotCall(this.db, accountId, numbers, at);
  }

  /** Removes do-not-call numbers. */
  removeDoNotCall(accountId: string, numbers: readonly string[]): Promise<number> {
    return numberLists.removeDoNotCall(this.db, accountId, numbers);
  }

  /** Which numbers are on the do-not-call list. */
  findDoNotCall(accountId: string, numbers: readonly string[]): Promise<Set<string>> {
    return numberLists.findDoNotCall(this.db, accountId, numbers);
  }

  /** The do-not-call list, newest first. */
  listDoNotCall(accountId: string, page: port.PageRequest): Promise<port.Page<{ number: string; createdAt: number }>> {
    return numberLists.listDoNotCall(this.db, accountId, page);
  }

  /** Logs a callee call. */
  recordCalleeCall(call: port.CalleeCall): Promise<void> {
    return calleeLog.insertCalleeCalls(this.db, [call]);
  }

  /**
   * Logs a callee call if the limits allow, atomically. The reservations of one event-loop turn (single-call requests
   * arriving together) share one transaction; SQLite's write lock and PostgreSQL's advisory locks still serialize them
   * against every other process.
   */
  reserveCalleeCall(call: port.CalleeCall, limits: readonly port.CalleeLimit[]): Promise<boolean> {
    return this.calleeReservations.run({ call, limits });
  }

  /** Calls to a callee in (since, until]. */
  countCalleeCalls(accountId: string, calleeKey: string, since: number, until: number): Promise<number> {
    return calleeLog.countCalleeCalls(this.db, accountId, calleeKey, since, until);
  }

  /** Forgets old callee calls. */
  purgeCalleeCalls(before: number): Promise<number> {
    return calleeLog.purgeCalleeCalls(this.db, before);
  }
}
