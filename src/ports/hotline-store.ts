/**
 * Persistence port of the 400-number registry: qualifications, transfer registrations and their review, transfer
 * callee pools and verification codes. Every method is scoped by account: another account's rows read as absent.
 * Personal data arrives sealed and digested (core/hotline/hotline-sealing.ts); the store never sees it in clear.
 */
import type {
  QualificationRecord, QualificationStatus, RegistrationStatus, StoredRegisteredNumber, StoredRegistration, StoredTransferConfig,
  VerificationCodeRecord,
} from '../core/hotline/hotline-records.js';
import type { Page, PageRequest } from './campaign-store.js';

/** Which registrations a listing wants; each given field is an exact match. */
export interface RegistrationFilter {
  status?: RegistrationStatus;
  qualificationId?: string;
  hotlineNumber?: string;
}

/** Which registrations a transfer-number lookup searches: one 400 number, some review states, maybe one qualification. */
export interface TransferNumberScope {
  hotlineNumber: string;
  statuses: readonly RegistrationStatus[];
  qualificationId?: string;
}

/** The decided state a review writes. */
export interface ReviewWrite {
  status: Exclude<RegistrationStatus, 'PENDING'>;
  rejectReason: string | null;
  reviewedAt: number;
}

/** What the store offers for this area. */
export interface HotlineStore {
  /** Adds a qualification; false (nothing written) when the account already has one with that order id. */
  insertHotlineQualification(record: QualificationRecord): Promise<boolean>;
  /** The account's qualification with that id. */
  getHotlineQualification(accountId: string, qualificationId: string): Promise<QualificationRecord | undefined>;
  /** The account's qualification issued for that application ticket. */
  getHotlineQualificationByOrder(accountId: string, orderId: string): Promise<QualificationRecord | undefined>;
  /** Sets a qualification's status; false when the account has no such qualification. */
  setHotlineQualificationStatus(accountId: string, qualificationId: string, status: QualificationStatus): Promise<boolean>;

  /** Stores a new registration (status PENDING) with its transfer numbers, in one transaction. */
  insertHotlineRegistration(record: StoredRegistration): Promise<void>;
  /** The account's registration with that id, transfer numbers in submission order. */
  getHotlineRegistration(accountId: string, id: string): Promise<StoredRegistration | undefined>;
  /** The account's registrations matching the filter, newest first, each with its transfer numbers. */
  pageHotlineRegistrations(accountId: string, filter: RegistrationFilter, page: PageRequest): Promise<Page<StoredRegistration>>;
  /**
   * Moves a PENDING registration to its decided state; false when it is not (or no longer) pending, so two
   * reviewers racing on one registration cannot both decide it.
   */
  reviewHotlineRegistration(accountId: string, id: string, review: ReviewWrite): Promise<boolean>;
  /** Which of `phoneNumberDigests` are (digests of) transfer numbers of the account's registrations that match `where`. */
  findHotlineTransferNumbers(accountId: string, where: TransferNumberScope, phoneNumberDigests: readonly string[]): Promise<string[]>;
  /** Transfer numbers of the approved registrations of a qualification's 400 number, newest registration first. */
  pageRegisteredHotlineNumbers(accountId: string, qualificationId: string, hotlineNumber: string, page: PageRequest): Promise<Page<StoredRegisteredNumber>>;

  /** Sets (or replaces) a 400 number's transfer callee pool; the first creation time is kept on replacement. */
  putHotlineTransferConfig(record: StoredTransferConfig): Promise<void>;
  /** The account's transfer callee pool of that 400 number. */
  getHotlineTransferConfig(accountId: string, hotlineNumber: string): Promise<StoredTransferConfig | undefined>;

  /**
   * The sealed key the registry's digests are made with: stores `offered` when there is none yet and returns the
   * one kept, so concurrent first calls on several nodes all end up with the same key.
   */
  ensureHotlineDigestKey(offered: string): Promise<string>;

  /**
   * Stores a new, not yet delivered code for (account, targetDigest, bizType), replacing the previous one, but only when
   * the previous one was issued at least `minIntervalMs` before this one; false (nothing written) otherwise. Atomic,
   * so concurrent sends to one number cannot both pass the resend limit.
   */
  claimVerificationCode(record: VerificationCodeRecord, minIntervalMs: number): Promise<boolean>;
  /** Marks the code issued at `sentAt` delivered (usable). */
  markVerificationCodeDelivered(accountId: string, targetDigest: string, bizType: string, sentAt: number): Promise<void>;
  /** Removes the code issued at `sentAt`; true when this call removed it (so it is used at most once). */
  deleteVerificationCode(accountId: string, targetDigest: string, bizType: string, sentAt: number): Promise<boolean>;
  /** The current code of (account, targetDigest, bizType). */
  getVerificationCode(accountId: string, targetDigest: string, bizType: string): Promise<VerificationCodeRecord | undefined>;
  /** Counts one wrong guess against the code issued at `sentAt`. */
  countVerificationFailure(accountId: string, targetDigest: string, bizType: string, sentAt: number): Promise<void>;
}
