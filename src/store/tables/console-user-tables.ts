/** Store layer for the web console's users and sessions (see store-tables.ts for how the layers compose). */
import type { ConsoleSessionRecord, ConsoleUserRecord, ConsoleUserStore } from '../../ports/console-user-store.js';
import * as consoleUsers from '../console-user-queries.js';
import { StoreTables } from './store-tables.js';

/** Console users and their sessions. */
export abstract class ConsoleUserTables extends StoreTables implements ConsoleUserStore {
  /** Adds a user; rejects a taken id or name. */
  insertConsoleUser(user: ConsoleUserRecord): Promise<void> {
    return consoleUsers.insertConsoleUser(this.db, user);
  }

  /** One user by id. */
  getConsoleUser(id: string): Promise<ConsoleUserRecord | undefined> {
    return consoleUsers.getConsoleUser(this.db, id);
  }

  /** One user by sign-in name. */
  getConsoleUserByName(name: string): Promise<ConsoleUserRecord | undefined> {
    return consoleUsers.getConsoleUserByName(this.db, name);
  }

  /** Users of one account (or all), oldest first. */
  listConsoleUsers(accountId?: string): Promise<ConsoleUserRecord[]> {
    return consoleUsers.listConsoleUsers(this.db, accountId);
  }

  /** Disables or enables a user. */
  setConsoleUserDisabled(id: string, disabledAt: number | null): Promise<boolean> {
    return consoleUsers.setConsoleUserDisabled(this.db, id, disabledAt);
  }

  /** Deletes a user and its sessions. */
  deleteConsoleUser(id: string): Promise<boolean> {
    return consoleUsers.deleteConsoleUser(this.db, id);
  }

  /** Ends a user's sessions. */
  deleteConsoleSessionsOfUser(userId: string): Promise<number> {
    return consoleUsers.deleteConsoleSessionsOfUser(this.db, userId);
  }

  /** Newest stored session start per user of an account. */
  latestConsoleSignIns(accountId: string): Promise<Map<string, number>> {
    return consoleUsers.latestConsoleSignIns(this.db, accountId);
  }

  /** Adds a session. */
  insertConsoleSession(session: ConsoleSessionRecord): Promise<void> {
    return consoleUsers.insertConsoleSession(this.db, session);
  }

  /** One session by token hash. */
  getConsoleSession(tokenHash: string): Promise<ConsoleSessionRecord | undefined> {
    return consoleUsers.getConsoleSession(this.db, tokenHash);
  }

  /** Deletes a session. */
  deleteConsoleSession(tokenHash: string): Promise<boolean> {
    return consoleUsers.deleteConsoleSession(this.db, tokenHash);
  }

  /** Drops expired sessions. */
  purgeExpiredConsoleSessions(now: number): Promise<number> {
    return consoleUsers.purgeExpiredConsoleSessions(this.db, now);
  }
}
