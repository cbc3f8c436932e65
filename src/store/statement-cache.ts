/**
 * Prepared-statement reuse for SQLite. Kysely's SQLite driver prepares every query it runs, and compiling the SQL
 * was the largest single cost of the dialer's per-call queries (bench/dialer). This wrapper is the database Kysely
 * sees: `prepare` returns a cached statement for SQL it has seen recently.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept; multi-row inserts of many sizes would otherwise grow the cache without bound. */
const MAX_STATEMENTS = 256;

/** A better-sqlite3 database whose statements are prepared once per distinct SQL text (least recently used go first). */
export class StatementCachingDatabase implements SqliteDatabase {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {}

  /** A prepared statement for `sql`, reused while it stays among the most recent MAX_STATEMENTS. */
  prepare(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Move to the most-recent end of the insertion order.
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement as unknown as SqliteStatement;
  }

  /** Closes the underlying database. */
  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
