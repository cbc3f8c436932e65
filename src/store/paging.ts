/** The count-then-page pattern of every listing (tasks, details, do-not-call numbers). */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { PageRequest } from '../ports/campaign-store.js';

/** How many rows a filtered query matches (the listing's Total). */
export async function countRows<DB, TB extends keyof DB>(query: SelectQueryBuilder<DB, TB, object>): Promise<number> {
  const row = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number((row as { n: number | string }).n);
}

/** OFFSET of a page numbered from 1. */
export function pageOffset(page: PageRequest): number {
  return (page.pageNo - 1) * page.pageSize;
}

/** One page of the rows, newest first: created_at, then id (both descending), the order tasks and details list in. */
export function newestFirstPage<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, page: PageRequest): SelectQueryBuilder<DB, TB, O> {
  return query.orderBy(sql.ref('created_at'), 'desc').orderBy(sql.ref('id'), 'desc').limit(page.pageSize).offset(pageOffset(page));
}
