/** Queries for 400 numbers' transfer callee pools, verification codes and the digest key; all scoped by account but the key. */
import type { Kysely, Selectable } from 'kysely';
import type { CalledRouteMode, StoredTransferConfig, VerificationCodeRecord } from '../core/hotline/hotline-records.js';
import type { Database } from './schema.js';
import type { HotlineVerificationCodesTable } from './schema-hotline.js';

/** Sets or replaces a pool; the first created_at stays. */
export async function putHotlineTransferConfig(db: Kysely<Database>, c: StoredTransferConfig): Promise<void> {
  await db
    .insertInto('hotline_transfer_configs')
    .values({
      account_id: c.accountId, hotline_number: c.hotlineNumber, qualification_id: c.qualificationId, route_mode: c.routeMode,
      transfer_timeout_s: c.transferTimeoutS, targets_sealed: c.targetsSealed, created_at: c.createdAt, updated_at: c.updatedAt,
    })
    .onConflict((oc) => oc.columns(['account_id', 'hotline_number']).doUpdateSet((eb) => ({
      qualification_id: eb.ref('excluded.qualification_id'), route_mode: eb.ref('excluded.route_mode'),
      transfer_timeout_s: eb.ref('excluded.transfer_timeout_s'), targets_sealed: eb.ref('excluded.targets_sealed'), updated_at: eb.ref('excluded.updated_at'),
    })))
    .execute();
}

/** The account's pool of that 400 number. */
export async function getHotlineTransferConfig(db: Kysely<Database>, accountId: string, hotlineNumber: string): Promise<StoredTransferConfig | undefined> {
  const row = await db.selectFrom('hotline_transfer_configs').selectAll().where('account_id', '=', accountId).where('hotline_number', '=', hotlineNumber).executeTakeFirst();
  if (!row) return undefined;
  return {
    accountId: row.account_id, hotlineNumber: row.hotline_number, qualificationId: row.qualification_id, routeMode: row.route_mode as CalledRouteMode,
    transferTimeoutS: Number(row.transfer_timeout_s), targetsSealed: row.targets_sealed, createdAt: Number(row.created_at), updatedAt: Number(row.updated_at),
  };
}

/** The code a row holds. */
function toCode(row: Selectable<HotlineVerificationCodesTable>): VerificationCodeRecord {
  return {
    accountId: row.account_id, targetDigest: row.target_digest, bizType: row.biz_type, salt: row.salt, codeHash: row.code_hash, sentAt: Number(row.sent_at),
    expiresAt: Number(row.expires_at), failedAttempts: Number(row.failed_attempts), delivered: Number(row.delivered) === 1,
  };
}

/** Stores a new undelivered code unless the current one is younger than minIntervalMs; true when stored. */
export async function claimVerificationCode(db: Kysely<Database>, c: VerificationCodeRecord, minIntervalMs: number): Promise<boolean> {
  const rows = await db
    .insertInto('hotline_verification_codes')
    .values({
      account_id: c.accountId, target_digest: c.targetDigest, biz_type: c.bizType, salt: c.salt, code_hash: c.codeHash, sent_at: c.sentAt,
      expires_at: c.expiresAt, failed_attempts: c.failedAttempts, delivered: c.delivered ? 1 : 0,
    })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'target_digest', 'biz_type'])
        .doUpdateSet((eb) => ({
          salt: eb.ref('excluded.salt'), code_hash: eb.ref('excluded.code_hash'), sent_at: eb.ref('excluded.sent_at'),
          expires_at: eb.ref('excluded.expires_at'), failed_attempts: eb.ref('excluded.failed_attempts'), delivered: eb.ref('excluded.delivered'),
        }))
        .where('hotline_verification_codes.sent_at', '<=', c.sentAt - minIntervalMs),
    )
    .returning('sent_at')
    .execute();
  return rows.length === 1;
}

/** Marks the code issued at sentAt delivered. */
export async function markVerificationCodeDelivered(db: Kysely<Database>, accountId: string, targetDigest: string, bizType: string, sentAt: number): Promise<void> {
  await db.updateTable('hotline_verification_codes').set({ delivered: 1 })
    .where('account_id', '=', accountId).where('target_digest', '=', targetDigest).where('biz_type', '=', bizType).where('sent_at', '=', sentAt)
    .execute();
}

/** Removes the code issued at sentAt (a newer code for the number is left alone); true when this call removed it. */
export async function deleteVerificationCode(db: Kysely<Database>, accountId: string, targetDigest: string, bizType: string, sentAt: number): Promise<boolean> {
  const result = await db.deleteFrom('hotline_verification_codes')
    .where('account_id', '=', accountId).where('target_digest', '=', targetDigest).where('biz_type', '=', bizType).where('sent_at', '=', sentAt)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Counts a wrong guess against the code issued at sentAt. */
export async function countVerificationFailure(db: Kysely<Database>, accountId: string, targetDigest: string, bizType: string, sentAt: number): Promise<void> {
  await db.updateTable('hotline_verification_codes').set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('account_id', '=', accountId).where('target_digest', '=', targetDigest).where('biz_type', '=', bizType).where('sent_at', '=', sentAt)
    .execute();
}

/** The current code of (account, target digest, bizType). */
export async function getVerificationCode(db: Kysely<Database>, accountId: string, targetDigest: string, bizType: string): Promise<VerificationCodeRecord | undefined> {
  const row = await db
    .selectFrom('hotline_verification_codes').selectAll()
    .where('account_id', '=', accountId).where('target_digest', '=', targetDigest).where('biz_type', '=', bizType)
    .executeTakeFirst();
  return row && toCode(row);
}

/** The name the digest key is kept under; a later key scheme would get its own row. */
const DIGEST_KEY_NAME = 'v1';

/** Keeps `offered` as the sealed digest key unless one is kept already; returns the kept one. */
export async function ensureHotlineDigestKey(db: Kysely<Database>, offered: string): Promise<string> {
  await db.insertInto('hotline_digest_keys').values({ name: DIGEST_KEY_NAME, key_sealed: offered }).onConflict((oc) => oc.doNothing()).execute();
  const row = await db.selectFrom('hotline_digest_keys').select('key_sealed').where('name', '=', DIGEST_KEY_NAME).executeTakeFirstOrThrow();
  return row.key_sealed;
}
