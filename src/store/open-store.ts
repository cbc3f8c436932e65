/** Chooses the engine from configuration and returns a ready-to-migrate Store. */
import { Kysely, PostgresDialect } from 'kysely';
import type { Store } from '../ports/store.js';
import { KyselyStore } from './kysely-store.js';
import { storeMigrations } from './migrations/store-migrations.js';
import { createPostgresPool } from './postgres-pool.js';
import type { Database } from './schema.js';
import { openSqliteFile, WaihuSqliteDialect } from './sqlite-database.js';

/** Where the data lives: PostgreSQL when databaseUrl is a postgres URL, otherwise the SQLite file. */
export interface OpenStoreOptions {
  /** postgres:// or postgresql:// URL; empty or absent means the embedded SQLite database. */
  databaseUrl?: string;
  /** SQLite database file (parent folders are created); ':memory:' for a private in-memory database. */
  sqliteFile: string;
  /** Told about connection errors that happen outside any query (PostgreSQL only). */
  onBackgroundError?: (error: Error) => void;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Opens the store; call migrate() before first use and close() when done. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const url = options.databaseUrl?.trim() ?? '';
  if (POSTGRES_URL.test(url)) {
    const pool = createPostgresPool({ connectionString: url, onBackgroundError: options.onBackgroundError });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return new KyselyStore(db, 'postgres', storeMigrations);
  }
  // A typo such as "postgress://" must not quietly fall back to an empty SQLite database.
  if (url !== '') throw new Error(`store: unsupported database URL scheme in "${redact(url)}" (expected postgres:// or postgresql://)`);
  const db = new Kysely<Database>({ dialect: new WaihuSqliteDialect(openSqliteFile(options.sqliteFile)) });
  return new KyselyStore(db, 'sqlite', storeMigrations);
}

/** Hides a password so the URL can appear in an error message. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}
