/** Row types of the 400-number registry (migration 0013), part of the Database schema (schema.ts). */

/** Row of `hotline_qualifications`: one 400 qualification of an account. */
export interface HotlineQualificationsTable {
  account_id: string;
  qualification_id: string;
  order_id: string;
  corp_name: string;
  /** 'NORMAL' or 'OTHER'. */
  status: string;
  created_at: number;
}

/** Row of `hotline_registrations`: one submitted transfer registration and its review. */
export interface HotlineRegistrationsTable {
  id: string;
  account_id: string;
  qualification_id: string;
  hotline_number: string;
  /** SecretBox ciphertexts, like every `_sealed` column. */
  operator_name_sealed: string;
  operator_mail_sealed: string;
  operator_mobile_sealed: string;
  operator_identity_card_sealed: string;
  agreement: string;
  /** 'PENDING', 'APPROVED' or 'REJECTED'. */
  status: string;
  reject_reason: string | null;
  reviewed_at: number | null;
  created_at: number;
}

/** Row of `hotline_registration_numbers`: one transfer number of a registration; hotline copied on for lookups. */
export interface HotlineRegistrationNumbersTable {
  registration_id: string;
  /** 1-based order in the submission. */
  position: number;
  account_id: string;
  hotline_number: string;
  /** Keyed HMAC of the number, what lookups match on. */
  phone_number_digest: string;
  phone_number_sealed: string;
  owner_name_sealed: string;
  identity_card_sealed: string;
}

/** Row of `hotline_transfer_configs`: the transfer callee pool of one 400 number; targets are sealed JSON text. */
export interface HotlineTransferConfigsTable {
  account_id: string;
  hotline_number: string;
  qualification_id: string;
  route_mode: string;
  transfer_timeout_s: number;
  targets_sealed: string;
  created_at: number;
  updated_at: number;
}

/** Row of `hotline_verification_codes`: the live code of one number (by its digest), hashed; delivered 0/1. */
export interface HotlineVerificationCodesTable {
  account_id: string;
  target_digest: string;
  biz_type: string;
  salt: string;
  code_hash: string;
  sent_at: number;
  expires_at: number;
  failed_attempts: number;
  delivered: number;
}

/** Row of `hotline_digest_keys`: the sealed key of the registry's digests (one row, name 'v1'). */
export interface HotlineDigestKeysTable {
  name: string;
  key_sealed: string;
}

/** The tables by name. */
export interface HotlineTables {
  hotline_qualifications: HotlineQualificationsTable;
  hotline_registrations: HotlineRegistrationsTable;
  hotline_registration_numbers: HotlineRegistrationNumbersTable;
  hotline_transfer_configs: HotlineTransferConfigsTable;
  hotline_verification_codes: HotlineVerificationCodesTable;
  hotline_digest_keys: HotlineDigestKeysTable;
}
