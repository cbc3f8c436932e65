/**
 * Persistence of virtual-number relations, scoped by account: another account's relations read as absent. The
 * virtual numbers themselves are the account's caller numbers (CallerNumberStore); this port joins them with the
 * route type their relations carry.
 */
import type { RouteType, SpecId, VirtualNumberRecord, VirtualNumberRelationRecord } from '../core/numbers/virtual-number.js';
import type { Page, PageRequest } from './campaign-store.js';

/** One binding to add: a real number and its company. */
export interface NewRelation {
  relatedNum: string;
  corpName: string;
}

/** QueryVirtualNumberRelation's filters that waihu can answer from its own data; each is an exact match. */
export interface VirtualNumberRelationFilter {
  phoneNum?: string;
  relatedNum?: string;
  routeType?: RouteType;
  specId?: SpecId;
}

/** QueryVirtualNumber's filter. */
export interface VirtualNumberFilter {
  routeType?: RouteType;
}

/** Virtual numbers and their relations to real numbers. */
export interface VirtualNumberStore {
  /**
   * Binds the real numbers to the account's virtual number in one transaction, and sets `routeType` on every relation
   * of that virtual number (the route type belongs to the virtual number). A real number already bound to it is left
   * as it was; returns the real numbers that were newly bound.
   */
  insertVirtualNumberRelations(accountId: string, phoneNum: string, routeType: RouteType, relations: readonly NewRelation[], createdAt: number): Promise<string[]>;
  /** The account's relations matching the filter, newest first. */
  pageVirtualNumberRelations(accountId: string, filter: VirtualNumberRelationFilter, page: PageRequest): Promise<Page<VirtualNumberRelationRecord>>;
  /** The account's caller numbers as virtual numbers with their route type, newest first. */
  pageVirtualNumbers(accountId: string, filter: VirtualNumberFilter, page: PageRequest): Promise<Page<VirtualNumberRecord>>;
}
