/**
 * Schema of the 400-number registry: qualifications, transfer registrations and their review, transfer pools,
 * verification codes. Columns ending in `_sealed` hold SecretBox ciphertexts of personal data and `_digest` its
 * keyed HMAC, for the lookups that match on it (core/hotline/hotline-sealing.ts); no personal data is in clear.
 */
import type { Kysely } from 'kysely';

/** Creates the tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hotline_qualifications')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('qualification_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('corp_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('hotline_qualifications_pk', ['account_id', 'qualification_id'])
    // One qualification per application ticket: GetHotlineQualificationByOrder answers one.
    .addUniqueConstraint('hotline_qualifications_order', ['account_id', 'order_id'])
    .execute();

  await db.schema
    .createTable('hotline_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('qualification_id', 'text', (c) => c.notNull())
    .addColumn('hotline_number', 'text', (c) => c.notNull())
    .addColumn('operator_name_sealed', 'text', (c) => c.notNull())
    .addColumn('operator_mail_sealed', 'text', (c) => c.notNull())
    .addColumn('operator_mobile_sealed', 'text', (c) => c.notNull())
    .addColumn('operator_identity_card_sealed', 'text', (c) => c.notNull())
    .addColumn('agreement', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('reviewed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // The dyvms lists read one qualification's 400 number; the review queue reads by state.
  await db.schema.createIndex('hotline_registrations_hotline').on('hotline_registrations').columns(['account_id', 'hotline_number', 'created_at']).execute();
  await db.schema.createIndex('hotline_registrations_status').on('hotline_registrations').columns(['account_id', 'status', 'created_at']).execute();

  await db.schema
    .createTable('hotline_registration_numbers')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('hotline_registrations.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('hotline_number', 'text', (c) => c.notNull())
    .addColumn('phone_number_digest', 'text', (c) => c.notNull())
    .addColumn('phone_number_sealed', 'text', (c) => c.notNull())
    .addColumn('owner_name_sealed', 'text', (c) => c.notNull())
    .addColumn('identity_card_sealed', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hotline_registration_numbers_pk', ['registration_id', 'position'])
    .execute();
  await db.schema.createIndex('hotline_registration_numbers_number').on('hotline_registration_numbers').columns(['account_id', 'hotline_number', 'phone_number_digest']).execute();

  await db.schema
    .createTable('hotline_transfer_configs')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('hotline_number', 'text', (c) => c.notNull())
    .addColumn('qualification_id', 'text', (c) => c.notNull())
    .addColumn('route_mode', 'text', (c) => c.notNull())
    .addColumn('transfer_timeout_s', 'integer', (c) => c.notNull())
    .addColumn('targets_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('hotline_transfer_configs_pk', ['account_id', 'hotline_number'])
    .execute();

  await db.schema
    .createTable('hotline_verification_codes')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('target_digest', 'text', (c) => c.notNull())
    .addColumn('biz_type', 'text', (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull())
    .addColumn('delivered', 'integer', (c) => c.notNull())
    // One live code per number: a new one replaces it, which is also where the resend limit is enforced.
    .addPrimaryKeyConstraint('hotline_verification_codes_pk', ['account_id', 'target_digest', 'biz_type'])
    .execute();

  // One row: the key of the digests above, sealed. Losing it makes the digests unmatchable, not readable.
  await db.schema
    .createTable('hotline_digest_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['hotline_digest_keys', 'hotline_verification_codes', 'hotline_transfer_configs', 'hotline_registration_numbers', 'hotline_registrations', 'hotline_qualifications']) {
    await db.schema.dropTable(table).execute();
  }
}
