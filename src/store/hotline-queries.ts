/**
 * Queries for 400 qualifications and transfer registrations with their review; all scoped by account. Personal
 * data comes in sealed and goes out sealed (core/hotline/hotline-sealing.ts); numbers are matched by digest.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  QualificationRecord, QualificationStatus, RegistrationStatus, StoredRegisteredNumber, StoredRegistration, StoredTransferNumber,
} from '../core/hotline/hotline-records.js';
import type { Page, PageRequest } from '../ports/campaign-store.js';
import type { RegistrationFilter, ReviewWrite, TransferNumberScope } from '../ports/hotline-store.js';
import { countRows, pageBounds } from './paging.js';
import type { Database } from './schema.js';
import type { HotlineQualificationsTable, HotlineRegistrationNumbersTable, HotlineRegistrationsTable } from './schema-hotline.js';

/** The qualification a row holds. */
function toQualification(row: Selectable<HotlineQualificationsTable>): QualificationRecord {
  return {
    accountId: row.account_id, qualificationId: row.qualification_id, orderId: row.order_id, corpName: row.corp_name,
    status: row.status as QualificationStatus, createdAt: Number(row.created_at),
  };
}

/** The sealed transfer number a row holds. */
function toNumber(row: Pick<Selectable<HotlineRegistrationNumbersTable>, 'phone_number_digest' | 'phone_number_sealed' | 'owner_name_sealed' | 'identity_card_sealed'>): StoredTransferNumber {
  return {
    phoneNumberDigest: row.phone_number_digest, phoneNumberSealed: row.phone_number_sealed, ownerNameSealed: row.owner_name_sealed,
    identityCardSealed: row.identity_card_sealed,
  };
}

/** The registration a row holds, with its numbers. */
function toRegistration(row: Selectable<HotlineRegistrationsTable>, numbers: StoredTransferNumber[]): StoredRegistration {
  return {
    id: row.id, accountId: row.account_id, qualificationId: row.qualification_id, hotlineNumber: row.hotline_number,
    operatorNameSealed: row.operator_name_sealed, operatorMailSealed: row.operator_mail_sealed, operatorMobileSealed: row.operator_mobile_sealed,
    operatorIdentityCardSealed: row.operator_identity_card_sealed, agreement: row.agreement, numbers,
    status: row.status as RegistrationStatus, rejectReason: row.reject_reason,
    reviewedAt: row.reviewed_at === null ? null : Number(row.reviewed_at), createdAt: Number(row.created_at),
  };
}

/** Adds a qualification; false when the account has one with that id or order id. */
export async function insertHotlineQualification(db: Kysely<Database>, q: QualificationRecord): Promise<boolean> {
  const rows = await db
    .insertInto('hotline_qualifications')
    .values({ account_id: q.accountId, qualification_id: q.qualificationId, order_id: q.orderId, corp_name: q.corpName, status: q.status, created_at: q.createdAt })
    .onConflict((oc) => oc.doNothing())
    .returning('qualification_id')
    .execute();
  return rows.length === 1;
}

/** The account's qualification found by id or by order id. */
export async function getHotlineQualification(db: Kysely<Database>, accountId: string, by: { qualificationId: string } | { orderId: string }): Promise<QualificationRecord | undefined> {
  let query = db.selectFrom('hotline_qualifications').selectAll().where('account_id', '=', accountId);
  query = 'orderId' in by ? query.where('order_id', '=', by.orderId) : query.where('qualification_id', '=', by.qualificationId);
  const row = await query.executeTakeFirst();
  return row && toQualification(row);
}

/** Sets a qualification's status; false when the account has no such qualification. */
export async function setHotlineQualificationStatus(db: Kysely<Database>, accountId: string, qualificationId: string, status: QualificationStatus): Promise<boolean> {
  const result = await db.updateTable('hotline_qualifications').set({ status }).where('account_id', '=', accountId).where('qualification_id', '=', qualificationId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores a registration and its numbers in one transaction. */
export async function insertHotlineRegistration(db: Kysely<Database>, r: StoredRegistration): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('hotline_registrations').values({
      id: r.id, account_id: r.accountId, qualification_id: r.qualificationId, hotline_number: r.hotlineNumber,
      operator_name_sealed: r.operatorNameSealed, operator_mail_sealed: r.operatorMailSealed, operator_mobile_sealed: r.operatorMobileSealed,
      operator_identity_card_sealed: r.operatorIdentityCardSealed, agreement: r.agreement, status: r.status,
      reject_reason: r.rejectReason, reviewed_at: r.reviewedAt, created_at: r.createdAt,
    }).execute();
    if (r.numbers.length === 0) return;
    await trx.insertInto('hotline_registration_numbers').values(r.numbers.map((n, i) => ({
      registration_id: r.id, position: i + 1, account_id: r.accountId, hotline_number: r.hotlineNumber,
      phone_number_digest: n.phoneNumberDigest, phone_number_sealed: n.phoneNumberSealed, owner_name_sealed: n.ownerNameSealed,
      identity_card_sealed: n.identityCardSealed,
    }))).execute();
  });
}

/** The numbers of the given registrations, in submission order, by registration id. */
async function numbersOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, StoredTransferNumber[]>> {
  const byId = new Map<string, StoredTransferNumber[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const rows = await db.selectFrom('hotline_registration_numbers').selectAll().where('registration_id', 'in', ids).orderBy('registration_id').orderBy('position').execute();
  for (const row of rows) byId.get(row.registration_id)?.push(toNumber(row));
  return byId;
}

/** The account's registration with that id. */
export async function getHotlineRegistration(db: Kysely<Database>, accountId: string, id: string): Promise<StoredRegistration | undefined> {
  const row = await db.selectFrom('hotline_registrations').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toRegistration(row, (await numbersOf(db, [row.id])).get(row.id) ?? []);
}

/** The account's registrations matching the filter, newest first. */
export async function pageHotlineRegistrations(db: Kysely<Database>, accountId: string, filter: RegistrationFilter, page: PageRequest): Promise<Page<StoredRegistration>> {
  let query = db.selectFrom('hotline_registrations').where('account_id', '=', accountId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.qualificationId !== undefined) query = query.where('qualification_id', '=', filter.qualificationId);
  if (filter.hotlineNumber !== undefined) query = query.where('hotline_number', '=', filter.hotlineNumber);
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  const numbers = await numbersOf(db, rows.map((r) => r.id));
  return { total, items: rows.map((row) => toRegistration(row, numbers.get(row.id) ?? [])) };
}

/** Decides a pending registration; false when it is not pending (or not the account's). */
export async function reviewHotlineRegistration(db: Kysely<Database>, accountId: string, id: string, review: ReviewWrite): Promise<boolean> {
  const result = await db
    .updateTable('hotline_registrations')
    .set({ status: review.status, reject_reason: review.rejectReason, reviewed_at: review.reviewedAt })
    .where('account_id', '=', accountId).where('id', '=', id).where('status', '=', 'PENDING')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Which of the number digests belong to registrations in scope. */
export async function findHotlineTransferNumbers(db: Kysely<Database>, accountId: string, scope: TransferNumberScope, digests: readonly string[]): Promise<string[]> {
  if (digests.length === 0 || scope.statuses.length === 0) return [];
  let query = db
    .selectFrom('hotline_registration_numbers as n')
    .innerJoin('hotline_registrations as r', 'r.id', 'n.registration_id')
    .select('n.phone_number_digest')
    .distinct()
    .where('n.account_id', '=', accountId)
    .where('n.hotline_number', '=', scope.hotlineNumber)
    .where('n.phone_number_digest', 'in', digests)
    .where('r.status', 'in', scope.statuses);
  if (scope.qualificationId !== undefined) query = query.where('r.qualification_id', '=', scope.qualificationId);
  return (await query.execute()).map((row) => row.phone_number_digest);
}

/** The numbers of approved registrations of a qualification's 400 number: newest registration first, then submission order. */
export async function pageRegisteredHotlineNumbers(
  db: Kysely<Database>, accountId: string, qualificationId: string, hotlineNumber: string, page: PageRequest,
): Promise<Page<StoredRegisteredNumber>> {
  const query = db
    .selectFrom('hotline_registration_numbers as n')
    .innerJoin('hotline_registrations as r', 'r.id', 'n.registration_id')
    .where('n.account_id', '=', accountId)
    .where('n.hotline_number', '=', hotlineNumber)
    .where('r.qualification_id', '=', qualificationId)
    .where('r.status', '=', 'APPROVED');
  const total = await countRows(query);
  const { limit, offset } = pageBounds(page);
  const rows = await query
    .select(['n.registration_id', 'n.phone_number_digest', 'n.phone_number_sealed', 'n.owner_name_sealed', 'n.identity_card_sealed', 'r.qualification_id', 'r.hotline_number'])
    .orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').orderBy('n.position')
    .limit(limit).offset(offset).execute();
  return {
    total,
    items: rows.map((row) => ({ registrationId: row.registration_id, qualificationId: row.qualification_id, hotlineNumber: row.hotline_number, ...toNumber(row) })),
  };
}
