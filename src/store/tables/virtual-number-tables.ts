/** Store layer for virtual numbers: real numbers bound to the account's virtual (caller) numbers. */
import type { RouteType, VirtualNumberRecord, VirtualNumberRelationRecord } from '../../core/numbers/virtual-number.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type { NewRelation, VirtualNumberFilter, VirtualNumberRelationFilter, VirtualNumberStore } from '../../ports/virtual-number-store.js';
import * as numbers from '../virtual-number-queries.js';
import { VoiceResourceTables } from './voice-resource-tables.js';

/** Virtual-number relations (see store-tables.ts for how the layers compose). */
export abstract class VirtualNumberTables extends VoiceResourceTables implements VirtualNumberStore {
  /** Binds real numbers to a virtual number; returns the newly bound ones. */
  insertVirtualNumberRelations(accountId: string, phoneNum: string, routeType: RouteType, relations: readonly NewRelation[], createdAt: number): Promise<string[]> {
    return numbers.insertVirtualNumberRelations(this.db, accountId, phoneNum, routeType, relations, createdAt);
  }

  /** The account's relations, newest first. */
  pageVirtualNumberRelations(accountId: string, filter: VirtualNumberRelationFilter, page: PageRequest): Promise<Page<VirtualNumberRelationRecord>> {
    return numbers.pageVirtualNumberRelations(this.db, accountId, filter, page);
  }

  /** The account's virtual numbers, newest first. */
  pageVirtualNumbers(accountId: string, filter: VirtualNumberFilter, page: PageRequest): Promise<Page<VirtualNumberRecord>> {
    return numbers.pageVirtualNumbers(this.db, accountId, filter, page);
  }
}
