/** What the four task-center actions share: required parameters, paging, and the ids they answer with. */
import type { PageRequest } from '../../../../ports/campaign-store.js';
import { gatewayErrors } from '../../../errors.js';

/** Largest page ListCallTask and ListCallTaskDetail answer; the doc gives none. */
export const MAX_CALL_TASK_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 10;

/** A parameter the doc marks optional but a task cannot do without; Missing<Name> when absent or blank. */
export function required(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value.trim() === '') throw gatewayErrors.missingParameter(name);
  return value;
}

/** An optional String parameter, undefined when absent or blank. */
export function optional<T extends string = string>(params: Record<string, unknown>, name: string): T | undefined {
  const value = params[name];
  return typeof value === 'string' && value.trim() !== '' ? (value.trim() as T) : undefined;
}

/** PageNumber (default 1) and PageSize (default 10, at most 100), each naming itself when out of range. */
export function pageOf(params: Record<string, unknown>): PageRequest {
  const pageNo = (params.PageNumber as number | undefined) ?? 1;
  const pageSize = (params.PageSize as number | undefined) ?? DEFAULT_PAGE_SIZE;
  if (pageNo < 1) throw gatewayErrors.invalidParameter('PageNumber', 'must be a whole number from 1');
  if (pageSize < 1 || pageSize > MAX_CALL_TASK_PAGE_SIZE) {
    throw gatewayErrors.invalidParameter('PageSize', `must be a whole number from 1 to ${MAX_CALL_TASK_PAGE_SIZE}`);
  }
  return { pageNo, pageSize };
}

/** A CallTask id as the Long the doc types it: a JSON number with every digit (CallTask ids stay below 2^53). */
export function longId(id: string): bigint {
  return BigInt(id);
}
