/**
 * Readers for the identifiers, pages and ranges the aiccs task and detail actions take; each error names the wire
 * parameter. Limits the doc leaves open are waihu's: PageSize at most 100, DetailIdList at most 1000 ids.
 */
import { DomainError } from '../errors.js';
import type { PageRequest } from '../../ports/campaign-store.js';
import { absent, readInt, readList, readString } from './setting-values.js';

/** Paging limits and defaults (PageNo 1 and PageSize 10 are the doc's defaults). */
export const PAGE_LIMITS = Object.freeze({ defaultPageNo: 1, defaultPageSize: 10, maxPageSize: 100, maxPageNo: 1_000_000 });

/** Longest list of ids one call may name. */
export const MAX_ID_LIST = 1000;

const SAFE = { min: 0, max: Number.MAX_SAFE_INTEGER };

function bad(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', `${param} ${message}`, param);
}

/** PageNo and PageSize with their defaults. */
export function readPage(input: { PageNo?: unknown; PageSize?: unknown }): PageRequest {
  return {
    pageNo: readInt(input.PageNo, 'PageNo', { min: 1, max: PAGE_LIMITS.maxPageNo }, PAGE_LIMITS.defaultPageNo),
    pageSize: readInt(input.PageSize, 'PageSize', { min: 1, max: PAGE_LIMITS.maxPageSize }, PAGE_LIMITS.defaultPageSize),
  };
}

/** A required id (TaskId, DetailId, ...) as text. */
export function requireId(value: unknown, param: string): string {
  const id = readString(value, param, 64, null);
  if (id === null) throw bad(param, 'is required');
  return id;
}

/** An optional id; undefined when absent. */
export function optionalId(value: unknown, param: string): string | undefined {
  return readString(value, param, 64, null) ?? undefined;
}

/** An optional string filter; undefined when absent or empty. */
export function optionalText(value: unknown, param: string, maxLength = 256): string | undefined {
  return readString(value, param, maxLength, null) ?? undefined;
}

/** An optional non-negative integer (a time in ms, a duration); undefined when absent. */
export function optionalCount(value: unknown, param: string): number | undefined {
  return readInt(value, param, SAFE, null) ?? undefined;
}

/** Refuses a range whose lower bound is above its upper bound, naming the upper bound's parameter. */
export function checkRange(from: number | undefined, to: number | undefined, fromParam: string, toParam: string): void {
  if (from !== undefined && to !== undefined && from > to) throw bad(toParam, `must not be less than ${fromParam}`);
}

/** An optional list of non-empty strings of at most `max` items; undefined when absent or empty. */
export function optionalIdList(value: unknown, param: string, max = MAX_ID_LIST): string[] | undefined {
  const list = readList(value, param, undefined);
  if (list === undefined || list.length === 0) return undefined;
  if (list.length > max) throw bad(param, `takes at most ${max} items`);
  return list.map((item, index) => {
    if (absent(item) || (typeof item !== 'string' && typeof item !== 'number')) {
      throw new DomainError('InvalidArgument', `${param}[${index}] must be a non-empty string`, param);
    }
    return String(item).trim();
  });
}
