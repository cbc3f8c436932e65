/** The count-then-page pattern of every listing (tasks, details, agents, templates, numbers), and its name filter. */
import { sql, type SelectQueryBuilder } from 'kysely';
import { likeContains } from './engine-sql.js';
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

/** LIMIT and OFFSET of a page numbered from 1. */
export function pageBounds(page: PageRequest): { limit: number; offset: number } {
  return { limit: page.pageSize, offset: pageOffset(page) };
}

/** The SQL condition "name contains `fragment`", case-insensitive, wildcards in the fragment taken literally. */
export function nameContains(fragment: string) {
  return sql<boolean>`lower(name) like lower(${likeContains(fragment)}) escape '\\'`;
}
