/** Persistence of the web console's users and their sign-in sessions (docs/console.md#signing-in). */

/** A person who signs in to the console; acts for exactly one account. */
export interface ConsoleUserRecord {
  id: string;
  accountId: string;
  /** Unique across the whole platform, so the sign-in form needs no account field. */
  name: string;
  /** `scrypt$N$r$p$salt$hash` (console-passwords.ts); never the password. */
  passwordHash: string;
  createdAt: number;
  /** Set when the user may no longer sign in. */
  disabledAt: number | null;
}

/** A signed-in browser. Only the SHA-256 of the cookie's token is kept, so a database leak hands out no sessions. */
export interface ConsoleSessionRecord {
  tokenHash: string;
  userId: string;
  accountId: string;
  /** Sent back by the browser in X-CSRF-Token; useless without the cookie. */
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

/** Console users and sessions. */
export interface ConsoleUserStore {
  /** Rejects when the id or the name is taken. */
  insertConsoleUser(user: ConsoleUserRecord): Promise<void>;
  getConsoleUser(id: string): Promise<ConsoleUserRecord | undefined>;
  getConsoleUserByName(name: string): Promise<ConsoleUserRecord | undefined>;
  /** Users of one account, oldest first; every account's when accountId is undefined. */
  listConsoleUsers(accountId?: string): Promise<ConsoleUserRecord[]>;
  /** Sets or clears disabledAt; false when there is no such user. */
  setConsoleUserDisabled(id: string, disabledAt: number | null): Promise<boolean>;
  /** Deletes a user and its sessions; false when there was no such user. */
  deleteConsoleUser(id: string): Promise<boolean>;
  /** Ends every session of a user; returns how many. */
  deleteConsoleSessionsOfUser(userId: string): Promise<number>;
  /** userId -> start of the newest session still stored, for the users of one account (unknown once sessions are gone). */
  latestConsoleSignIns(accountId: string): Promise<Map<string, number>>;
  insertConsoleSession(session: ConsoleSessionRecord): Promise<void>;
  /** The session with that token hash, expired or not (the caller checks expiresAt). */
  getConsoleSession(tokenHash: string): Promise<ConsoleSessionRecord | undefined>;
  /** False when there was no such session. */
  deleteConsoleSession(tokenHash: string): Promise<boolean>;
  /** Drops sessions that expired at or before `now`; returns how many. */
  purgeExpiredConsoleSessions(now: number): Promise<number>;
}
