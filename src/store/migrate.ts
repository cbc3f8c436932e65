/** Applies schema migrations with Kysely's Migrator and turns its result set into one clear error. */
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely/migration';

/** Serves migrations from memory instead of scanning a folder, so it works the same from src/ and dist/. */
export class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Readonly<Record<string, Migration>>) {}

  /** Returns a copy so the Migrator cannot alter the shared list. */
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...this.migrations };
  }
}

/** Brings the database up to the latest migration; throws an Error naming the migration that failed. */
export async function migrateToLatest(
  db: Kysely<unknown>,
  engine: 'sqlite' | 'postgres',
  migrations: Readonly<Record<string, Migration>>,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new InCodeMigrationProvider(migrations),
    migrationTableSchema: engine === 'postgres' ? await currentSchema(db) : undefined,
  });
  const resultSet = await migrator.migrateToLatest();
  if (resultSet.error !== undefined) throw migrationError(resultSet);
}

/**
 * The schema unqualified names resolve to. Kysely looks for its bookkeeping tables in every schema it can see,
 * so without naming ours it would skip creating them when another schema of the database already has them.
 */
async function currentSchema(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('store: no schema on the search_path exists; create it or fix search_path');
  return schema;
}

function migrationError(resultSet: MigrationResultSet): Error {
  const cause = resultSet.error;
  const reason = cause instanceof Error ? cause.message : String(cause);
  const failed = resultSet.results?.find((r) => r.status === 'Error');
  // Without a failed result the Migrator broke before running any migration (lock table, missing history, ...).
  const what = failed ? `migration ${failed.migrationName} failed` : 'migrations could not run';
  return new Error(`store: ${what}: ${reason}`, { cause });
}
