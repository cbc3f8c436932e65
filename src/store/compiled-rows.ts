/**
 * The engine's hottest statements, compiled once per database and run with new values: an UPDATE of fixed columns by
 * id, and multi-row INSERTs of fixed columns. Building them through Kysely's query builder for every call (one value
 * node per column and row) was a tenth of the engine's CPU and much of its garbage (docs/performance.md).
 */
import { CompiledQuery, type Insertable, type Kysely, type Updateable } from 'kysely';
import { chunks, rowsPerInsert } from './engine-sql.js';
import type { Database } from './schema.js';

type TableName = keyof Database & string;

/** The builder without the schema's types: the column lists are checked against the table where they are given. */
type Untyped = Kysely<Record<string, Record<string, unknown>>>;

/** Compiled SQL texts per database (adapter) and shape. */
class SqlCache {
  private readonly byAdapter = new WeakMap<object, Map<number, string>>();

  get(db: Kysely<Database>, shape: number, compile: (untyped: Untyped) => string): string {
    const adapter = db.getExecutor().adapter;
    let texts = this.byAdapter.get(adapter);
    if (!texts) this.byAdapter.set(adapter, (texts = new Map()));
    let text = texts.get(shape);
    if (text === undefined) texts.set(shape, (text = compile(db as unknown as Untyped)));
    return text;
  }
}

/** The values of `columns` in order; a missing one is a bug in the caller, not a NULL. */
function valuesOf(table: string, columns: readonly string[], row: Record<string, unknown>, into: unknown[]): void {
  for (const column of columns) {
    const value = row[column];
    if (value === undefined) throw new Error(`${table}: no value for ${column}`);
    into.push(value);
  }
}

/** An UPDATE by primary key of a fixed set of columns. */
export class RowUpdate<T extends TableName> {
  private readonly sql = new SqlCache();

  constructor(
    private readonly table: T,
    private readonly columns: readonly (keyof Updateable<Database[T]> & string)[],
  ) {}

  /** Sets the columns on the row with this id; every column must be present in `values` (null allowed). */
  async run(db: Kysely<Database>, id: string, values: Updateable<Database[T]>): Promise<void> {
    const parameters: unknown[] = [];
    valuesOf(this.table, this.columns, values as Record<string, unknown>, parameters);
    parameters.push(id);
    // Kysely numbers parameters in SET order, then the id.
    const text = this.sql.get(db, 1, (untyped) => {
      const placeholders = Object.fromEntries(this.columns.map((c) => [c, null]));
      return untyped.updateTable(this.table as string).set(placeholders).where('id', '=', '').compile().sql;
    });
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}

/** Multi-row INSERTs of a fixed set of columns, in chunks within both engines' parameter limits. */
export class RowInsert<T extends TableName> {
  private readonly sql = new SqlCache();
  private readonly rowsPerStatement: number;

  constructor(
    private readonly table: T,
    private readonly columns: readonly (keyof Insertable<Database[T]> & string)[],
  ) {
    this.rowsPerStatement = rowsPerInsert(columns.length);
  }

  /** Inserts the rows; every column must be present in each (null allowed). */
  async run(db: Kysely<Database>, rows: readonly Insertable<Database[T]>[]): Promise<void> {
    for (const chunk of chunks(rows, this.rowsPerStatement)) {
      const parameters: unknown[] = [];
      for (const row of chunk) valuesOf(this.table, this.columns, row as Record<string, unknown>, parameters);
      // Kysely numbers parameters row by row, in column order.
      const text = this.sql.get(db, chunk.length, (untyped) => {
        const placeholder = Object.fromEntries(this.columns.map((c) => [c, null]));
        return untyped.insertInto(this.table as string).values(chunk.map(() => placeholder)).compile().sql;
      });
      await db.executeQuery(CompiledQuery.raw(text, parameters));
    }
  }
}
