/** Row types of the console's users and sessions (migration 0016), part of the Database schema (schema.ts). */

/** Row of `console_users`: one person who signs in to the web console for one account. */
export interface ConsoleUsersTable {
  id: string;
  account_id: string;
  /** Unique across all accounts. */
  name: string;
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
}

/** Row of `console_sessions`: a signed-in browser, keyed by the SHA-256 (hex) of its cookie token. */
export interface ConsoleSessionsTable {
  token_hash: string;
  user_id: string;
  account_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

/** The tables by name. */
export interface ConsoleTables {
  console_users: ConsoleUsersTable;
  console_sessions: ConsoleSessionsTable;
}
