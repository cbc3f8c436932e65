/**
 * UPDATE … SET <fixed columns> WHERE id = ?, compiled once per database and run with new values. The dialer writes
 * two such rows per call (the attempt's outcome, the detail's settlement); building and compiling them through
 * Kysely's query builder every time was a tenth of the engine's CPU and much of its garbage (docs/performance.md).
 */
import { CompiledQuery, type Kysely, type Updateable } from 'kysely';
import type { Database } from './schema.js';

type TableName = keyof Database & string;

/** An UPDATE by primary key of a fixed set of columns. */
export class RowUpdate<T extends TableName> {
  private readonly compiled = new WeakMap<object, string>();

  constructor(
    private readonly table: T,
    private readonly columns: readonly (keyof Updateable<Database[T]> & string)[],
  ) {}

  /** Sets the columns on the row with this id; every column must be present in `values` (null allowed). */
  async run(db: Kysely<Database>, id: string, values: Updateable<Database[T]>): Promise<void> {
    const row = values as Record<string, unknown>;
    const parameters = this.columns.map((column) => {
      const value = row[column];
      if (value === undefined) throw new Error(`RowUpdate of ${this.table}: no value for ${column}`);
      return value;
    });
    parameters.push(id);
    await db.executeQuery(CompiledQuery.raw(this.sqlFor(db), parameters));
  }

  /** The statement in the database's dialect; Kysely numbers parameters in SET order, then the id. */
  private sqlFor(db: Kysely<Database>): string {
    const adapter = db.getExecutor().adapter;
    const known = this.compiled.get(adapter);
    if (known !== undefined) return known;
    // Compiled through the builder once, untyped: the column list is checked against the table where it is given.
    const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const placeholders = Object.fromEntries(this.columns.map((c) => [c, null]));
    const text = untyped.updateTable(this.table as string).set(placeholders).where('id', '=', '').compile().sql;
    this.compiled.set(adapter, text);
    return text;
  }
}
