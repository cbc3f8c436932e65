/** The few places where SQLite and PostgreSQL need different SQL: row locks, unique violations, chunk sizes. */
import { PostgresAdapter, type SelectQueryBuilder } from 'kysely';

/** A Kysely instance or transaction of any schema: all these helpers need is its adapter. */
interface EngineAware {
  getExecutor(): { readonly adapter: unknown };
}

/** True when the Kysely instance (or transaction) talks to PostgreSQL. */
export function isPostgres(db: EngineAware): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Adds FOR UPDATE on PostgreSQL. SQLite has no row locks and needs none: waihu's SQLite transactions start with
 * BEGIN IMMEDIATE, so the whole transaction already holds the database's single write lock.
 */
export function forUpdate<DB, TB extends keyof DB, O>(db: EngineAware, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate() : query;
}

/** FOR UPDATE SKIP LOCKED on PostgreSQL, so concurrent claimers take disjoint rows instead of waiting. */
export function forUpdateSkipLocked<DB, TB extends keyof DB, O>(
  db: EngineAware,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate().skipLocked() : query;
}

/** FOR SHARE on PostgreSQL: holds off a status change of the row (FOR UPDATE) without blocking other readers. */
export function forShare<DB, TB extends keyof DB, O>(db: EngineAware, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forShare() : query;
}

/**
 * True for a violation of the unique index `index` over `columns` of `table`: PostgreSQL names the index, SQLite
 * lists the columns ("UNIQUE constraint failed: t.a, t.b").
 */
export function violatesUniqueIndex(error: unknown, index: string, table: string, columns: readonly string[]): boolean {
  if (!isUniqueViolation(error)) return false;
  const { constraint, message } = error as { constraint?: unknown; message?: unknown };
  if (constraint !== undefined) return constraint === index;
  return typeof message === 'string' && message.endsWith(columns.map((c) => `${table}.${c}`).join(', '));
}

/** True for a unique-constraint violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Both engines cap bound parameters per statement (SQLite 32766, PostgreSQL 65535); stay well below. */
const MAX_PARAMS = 30_000;

/** Rows per multi-row INSERT for a table of `columns` columns. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.min(1000, Math.floor(MAX_PARAMS / columns)));
}

/** Splits `items` into consecutive chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\'). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
