/** Unique-index violations as the domain's AlreadyExists, for every table whose names or codes are unique per account. */
import { DomainError } from '../core/errors.js';
import { violatesUniqueIndex } from './engine-sql.js';

/** What a unique index guards, to turn its violation into AlreadyExists naming the parameter. */
export interface UniqueGuard {
  index: string;
  table: string;
  columns: readonly string[];
  param: string;
  message: string;
}

/**
 * Runs `write`, turning a violation of one of `guards` into AlreadyExists. Only those indexes: any other unique
 * violation (an id reused by a misconfigured node id, say) is a fault and propagates as it is.
 */
export async function guardUnique<T>(guards: readonly UniqueGuard[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const hit = guards.find((g) => violatesUniqueIndex(error, g.index, g.table, g.columns));
    if (hit) throw new DomainError('AlreadyExists', hit.message, hit.param);
    throw error;
  }
}
