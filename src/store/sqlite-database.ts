/** Opens the embedded SQLite database and a Kysely dialect whose write transactions take the lock up front. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { attachNonceFile, nonceFileFor } from './sqlite-nonce-file.js';
import { StatementCachingDatabase } from './statement-cache.js';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/** True for paths that name no file (an in-memory database). */
function isMemory(file: string): boolean {
  return file === ':memory:' || file === '';
}

/** Opens (creating if needed) the database file with the pragmas every connection of waihu uses. */
export function openSqliteFile(file: string): BetterSqlite3.Database {
  if (!isMemory(file)) mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  // busy_timeout first, so the switch to WAL waits for another process instead of failing at once.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Statement journals (multi-row writes inside a transaction) and sorts in memory rather than in files under
  // /var/tmp: they were a sixth of the dialer's write calls (docs/performance.md) and are never needed after a crash.
  db.pragma('temp_store = MEMORY');
  attachNonceFile(db, nonceFileFor(file));
  return db;
}

/**
 * Starts transactions with BEGIN IMMEDIATE: a deferred BEGIN that later writes can fail with SQLITE_BUSY
 * without waiting when another process wrote meanwhile; taking the write lock first lets busy_timeout apply.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** SQLite runs DDL inside transactions, so migrations can be all-or-nothing and serialized by the write lock. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** Kysely's SQLite dialect with immediate transactions, transactional migrations and reused prepared statements. */
export class WaihuSqliteDialect extends SqliteDialect {
  private readonly database: StatementCachingDatabase;

  constructor(database: BetterSqlite3.Database) {
    const cached = new StatementCachingDatabase(database);
    super({ database: cached });
    this.database = cached;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
