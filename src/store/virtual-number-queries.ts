/** Queries for virtual-number relations and the virtual numbers (caller numbers) they bind to; all scoped by account. */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { specIdOf, type RouteType, type SpecId, type VirtualNumberRecord, type VirtualNumberRelationRecord } from '../core/numbers/virtual-number.js';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import type { NewRelation, VirtualNumberFilter, VirtualNumberRelationFilter } from '../ports/virtual-number-store.js';
import { pageBounds } from './paging.js';
import { countRows } from './paging.js';
import type { Database } from './schema.js';
import type { VirtualNumberRelationsTable } from './schema-numbers.js';

/** The relation a row holds; Number() because a driver may return bigint columns in another numeric form. */
function toRelation(row: Selectable<VirtualNumberRelationsTable>): VirtualNumberRelationRecord {
  return {
    accountId: row.account_id,
    phoneNum: row.phone_num,
    relatedNum: row.related_num,
    corpName: row.corp_name,
    routeType: Number(row.route_type) as RouteType,
    specId: Number(row.spec_id) as SpecId,
    createdAt: Number(row.created_at),
  };
}

/** Binds the real numbers (existing bindings kept) and sets the route type on all of the virtual number's relations. */
export async function insertVirtualNumberRelations(
  db: Kysely<Database>, accountId: string, phoneNum: string, routeType: RouteType, relations: readonly NewRelation[], createdAt: number,
): Promise<string[]> {
  if (relations.length === 0) return [];
  const specId = specIdOf(phoneNum);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('virtual_number_relations')
      .values(relations.map((r) => ({
        account_id: accountId, phone_num: phoneNum, related_num: r.relatedNum, corp_name: r.corpName, route_type: routeType, spec_id: specId, created_at: createdAt,
      })))
      .onConflict((oc) => oc.columns(['account_id', 'phone_num', 'related_num']).doNothing())
      .returning('related_num')
      .execute();
    await trx.updateTable('virtual_number_relations').set({ route_type: routeType }).where('account_id', '=', accountId).where('phone_num', '=', phoneNum).execute();
    return inserted.map((row) => row.related_num);
  });
}

/** The account's relations matching the filter, newest first. */
export async function pageVirtualNumberRelations(
  db: Kysely<Database>, accountId: string, filter: VirtualNumberRelationFilter, page: PageRequest,
): Promise<Page<VirtualNumberRelationRecord>> {
  let query = db.selectFrom('virtual_number_relations').where('account_id', '=', accountId);
  if (filter.phoneNum !== undefined) query = query.where('phone_num', '=', filter.phoneNum);
  if (filter.relatedNum !== undefined) query = query.where('related_num', '=', filter.relatedNum);
  if (filter.routeType !== undefined) query = query.where('route_type', '=', filter.routeType);
  if (filter.specId !== undefined) query = query.where('spec_id', '=', filter.specId);
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc').orderBy('phone_num', 'desc').orderBy('related_num', 'desc')
    .limit(limit).offset(offset).execute();
  return { total, items: rows.map(toRelation) };
}

/** True for a caller number with a relation bound at random routing (route type 1). */
function boundAtRandom(eb: ExpressionBuilder<Database, 'caller_numbers'>) {
  return eb.exists(
    eb.selectFrom('virtual_number_relations as r')
      .select('r.related_num')
      .whereRef('r.account_id', '=', 'caller_numbers.account_id')
      .whereRef('r.phone_num', '=', 'caller_numbers.number')
      .where('r.route_type', '=', 1),
  );
}

/** The account's caller numbers as virtual numbers, newest first; route type 1 only when its relations say so. */
export async function pageVirtualNumbers(db: Kysely<Database>, accountId: string, filter: VirtualNumberFilter, page: PageRequest): Promise<Page<VirtualNumberRecord>> {
  let query = db.selectFrom('caller_numbers').where('caller_numbers.account_id', '=', accountId);
  if (filter.routeType === 1) query = query.where(boundAtRandom);
  if (filter.routeType === 0) query = query.where((eb) => eb.not(boundAtRandom(eb)));
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query
    .select((eb) => ['number', 'created_at', boundAtRandom(eb).as('random')])
    .orderBy('created_at', 'desc').orderBy('number', 'desc')
    .limit(limit).offset(offset).execute();
  // SQLite answers the EXISTS as 0/1, PostgreSQL as a boolean.
  return { total, items: rows.map((row) => ({ phoneNum: row.number, routeType: Number(row.random) === 1 ? 1 : 0, createdAt: Number(row.created_at) })) };
}
