/** A pg Pool configured for waihu: int8 columns come back as JS numbers, for this pool only. */
import pg from 'pg';

const INT8_OID = 20;

/** Epoch milliseconds and row counts are int8 in PostgreSQL; they fit a double exactly, so read them as numbers. */
function parseInt8(text: string): number {
  const value = Number(text);
  // A value beyond 2^53 would silently lose digits; failing the query is the safer surprise.
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} does not fit a JS number`);
  return value;
}

/** Type parsers for this pool alone; pg.types.setTypeParser would change every pool in the process. */
const waihuTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && (format ?? 'text') === 'text'
      ? parseInt8
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Options for {@link createPostgresPool}. */
export interface PostgresPoolOptions {
  connectionString: string;
  /** Told about errors of idle connections, which pg reports outside any query. */
  onBackgroundError?: (error: Error) => void;
}

/** Opens a pool (lazily: no connection is made until the first query). */
export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: options.connectionString, types: waihuTypes });
  // Without a listener an idle connection dropped by the server would crash the process;
  // the pool already discards the broken client and the next query opens a new one.
  pool.on('error', (error) => options.onBackgroundError?.(error));
  return pool;
}
