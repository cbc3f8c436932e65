/**
 * Number management (doc chapter 6): AddVirtualNumberRelation, QueryVirtualNumber, QueryVirtualNumberRelation. An
 * account's virtual numbers are its caller numbers (AddCallerNumber); see docs/virtual-numbers.md. Success is Code
 * "200", as the doc's number-management APIs answer, and `Data` is JSON text (or a plain string for the failed
 * numbers), as the doc and the SDK model type it.
 */
import { DomainError } from '../../../core/errors.js';
import { formatDateTime } from '../../../core/local-time.js';
import { parseCorpNameList, parseNumberList, type RouteType, type SpecId } from '../../../core/numbers/virtual-number.js';
import type { PageRequest } from '../../../ports/campaign-store.js';
import type { Clock } from '../../../ports/clock.js';
import type { CallerNumberStore } from '../../../ports/voice-resource-store.js';
import type { VirtualNumberStore } from '../../../ports/virtual-number-store.js';
import type { ActionHandler, ActionResult } from '../../action.js';
import { catalogSpec } from '../catalog-spec.js';

/** What the three actions need. */
export interface VirtualNumberServices {
  store: VirtualNumberStore & Pick<CallerNumberStore, 'hasCallerNumber'>;
  clock: Clock;
  /** The zone createTime is written in; Asia/Shanghai when unset. */
  timeZone?: string;
}

/** Largest page the queries answer; the doc gives none. */
export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 10;
/** The only product code: these are the voice service's (dyvms) numbers. */
const PROD_CODE = 'dyvms';

/** ProdCode must be dyvms (its documented default) when given. */
function checkProdCode(raw: unknown): void {
  if (raw !== undefined && raw !== PROD_CODE) {
    throw new DomainError('InvalidArgument', `must be "${PROD_CODE}", the only product whose numbers waihu manages`, 'ProdCode');
  }
}

/** PageNo (default 1) and PageSize (default 10, at most 100), each naming itself when out of range. */
function pageOf(p: Record<string, unknown>): PageRequest {
  const pageNo = (p.PageNo as number | undefined) ?? 1;
  const pageSize = (p.PageSize as number | undefined) ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(pageNo) || pageNo < 1) throw new DomainError('InvalidArgument', 'must be a whole number from 1', 'PageNo');
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new DomainError('InvalidArgument', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`, 'PageSize');
  }
  return { pageNo, pageSize };
}

/** An optional Integer/Long parameter as a number. */
function optionalNumber(raw: unknown): number | undefined {
  return raw === undefined ? undefined : Number(raw);
}

/** The doc's paged `Data` object, as JSON text. */
function pagedData(items: unknown[], total: number, page: PageRequest): ActionResult {
  return { Code: '200', Message: 'successful', Data: JSON.stringify({ data: items, pageNo: page.pageNo, pageSize: page.pageSize, total }) };
}

/** The AddVirtualNumberRelation handler: binds NumberList (with CorpNameList) to PhoneNum. */
export function addVirtualNumberRelation(s: VirtualNumberServices): ActionHandler {
  return {
    spec: catalogSpec('dyvmsapi', 'AddVirtualNumberRelation'),
    handle: async (ctx, p) => {
      checkProdCode(p.ProdCode);
      const phoneNum = String(p.PhoneNum).trim();
      if (!(await s.store.hasCallerNumber(ctx.accountId, phoneNum))) {
        throw new DomainError('InvalidArgument', `"${phoneNum}" is not one of the account's virtual numbers (its caller numbers, AddCallerNumber)`, 'PhoneNum');
      }
      const numbers = parseNumberList(String(p.NumberList));
      const corpNames = parseCorpNameList(p.CorpNameList as string | undefined, numbers.length);
      // A number repeated within the request is bound once; its repeats are reported as failed like existing bindings.
      const firsts = new Map<string, string>();
      numbers.forEach((n, i) => firsts.has(n) || firsts.set(n, corpNames[i] ?? ''));
      const relations = [...firsts].map(([relatedNum, corpName]) => ({ relatedNum, corpName }));
      const bound = new Set(await s.store.insertVirtualNumberRelations(ctx.accountId, phoneNum, Number(p.RouteType) as RouteType, relations, s.clock.now()));
      const failed = numbers.filter((n) => !bound.delete(n));
      // The doc: Data lists the numbers that failed, and is absent when every one was bound.
      return failed.length === 0 ? { Code: '200', Message: 'successful' } : { Code: '200', Message: 'successful', Data: failed.join(',') };
    },
  };
}

/** The QueryVirtualNumber handler: the account's caller numbers in the doc's virtual-number shape. */
export function queryVirtualNumber(s: VirtualNumberServices): ActionHandler {
  const zone = s.timeZone ?? 'Asia/Shanghai';
  return {
    spec: catalogSpec('dyvmsapi', 'QueryVirtualNumber'),
    handle: async (ctx, p) => {
      checkProdCode(p.ProdCode);
      const page = pageOf(p);
      const result = await s.store.pageVirtualNumbers(ctx.accountId, { routeType: optionalNumber(p.RouteType) as RouteType | undefined }, page);
      // waihu has no qualifications, cities or suppliers per number; a caller number is valid until removed.
      const items = result.items.map((n) => ({
        createTime: formatDateTime(n.createdAt, zone), qualificationCount: 0, cityCount: 0, phoneNumCount: 1, remark: '',
        phoneNum: n.phoneNum, routeType: n.routeType, canCancel: true, specCount: 0, status: '1',
      }));
      return pagedData(items, result.total, page);
    },
  };
}

/** The QueryVirtualNumberRelation handler: the account's bindings, filtered and paged. */
export function queryVirtualNumberRelation(s: VirtualNumberServices): ActionHandler {
  const zone = s.timeZone ?? 'Asia/Shanghai';
  return {
    spec: catalogSpec('dyvmsapi', 'QueryVirtualNumberRelation'),
    handle: async (ctx, p) => {
      checkProdCode(p.ProdCode);
      const page = pageOf(p);
      // waihu keeps no qualifications and no number attribution, so no binding belongs to a qualification or a city.
      if (p.QualificationId !== undefined || p.RegionNameCity !== undefined) return pagedData([], 0, page);
      const filter = {
        phoneNum: (p.PhoneNum as string | undefined)?.trim(), relatedNum: (p.RelatedNum as string | undefined)?.trim(),
        routeType: optionalNumber(p.RouteType) as RouteType | undefined, specId: optionalNumber(p.SpecId) as SpecId | undefined,
      };
      const result = await s.store.pageVirtualNumberRelations(ctx.accountId, filter, page);
      const items = result.items.map((r) => ({
        relatedNum: r.relatedNum, createTime: formatDateTime(r.createdAt, zone), phoneNum: r.phoneNum, corpName: r.corpName, routeType: r.routeType,
      }));
      return pagedData(items, result.total, page);
    },
  };
}
