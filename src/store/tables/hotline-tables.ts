/** Store layer for the 400-number registry: qualifications, registrations and their review, transfer pools, verification codes. */
import type {
  QualificationRecord, QualificationStatus, StoredRegisteredNumber, StoredRegistration, StoredTransferConfig, VerificationCodeRecord,
} from '../../core/hotline/hotline-records.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type { HotlineStore, RegistrationFilter, ReviewWrite, TransferNumberScope } from '../../ports/hotline-store.js';
import * as codes from '../hotline-code-queries.js';
import * as hotline from '../hotline-queries.js';
import { RobotTaskTables } from './robot-task-tables.js';

/** Hotline methods (see store-tables.ts for how the layers compose). */
export abstract class HotlineTables extends RobotTaskTables implements HotlineStore {
  /** Adds a qualification; false when its id or order id is taken. */
  insertHotlineQualification(record: QualificationRecord): Promise<boolean> {
    return hotline.insertHotlineQualification(this.db, record);
  }

  /** The account's qualification by id. */
  getHotlineQualification(accountId: string, qualificationId: string): Promise<QualificationRecord | undefined> {
    return hotline.getHotlineQualification(this.db, accountId, { qualificationId });
  }

  /** The account's qualification by application ticket. */
  getHotlineQualificationByOrder(accountId: string, orderId: string): Promise<QualificationRecord | undefined> {
    return hotline.getHotlineQualification(this.db, accountId, { orderId });
  }

  /** Sets a qualification's status. */
  setHotlineQualificationStatus(accountId: string, qualificationId: string, status: QualificationStatus): Promise<boolean> {
    return hotline.setHotlineQualificationStatus(this.db, accountId, qualificationId, status);
  }

  /** Stores a registration with its numbers. */
  insertHotlineRegistration(record: StoredRegistration): Promise<void> {
    return hotline.insertHotlineRegistration(this.db, record);
  }

  /** The account's registration by id. */
  getHotlineRegistration(accountId: string, id: string): Promise<StoredRegistration | undefined> {
    return hotline.getHotlineRegistration(this.db, accountId, id);
  }

  /** The account's registrations, newest first. */
  pageHotlineRegistrations(accountId: string, filter: RegistrationFilter, page: PageRequest): Promise<Page<StoredRegistration>> {
    return hotline.pageHotlineRegistrations(this.db, accountId, filter, page);
  }

  /** Decides a pending registration. */
  reviewHotlineRegistration(accountId: string, id: string, review: ReviewWrite): Promise<boolean> {
    return hotline.reviewHotlineRegistration(this.db, accountId, id, review);
  }

  /** Which numbers belong to registrations in scope. */
  findHotlineTransferNumbers(accountId: string, where: TransferNumberScope, phoneNumberDigests: readonly string[]): Promise<string[]> {
    return hotline.findHotlineTransferNumbers(this.db, accountId, where, phoneNumberDigests);
  }

  /** Numbers of approved registrations. */
  pageRegisteredHotlineNumbers(accountId: string, qualificationId: string, hotlineNumber: string, page: PageRequest): Promise<Page<StoredRegisteredNumber>> {
    return hotline.pageRegisteredHotlineNumbers(this.db, accountId, qualificationId, hotlineNumber, page);
  }

  /** Sets or replaces a pool. */
  putHotlineTransferConfig(record: StoredTransferConfig): Promise<void> {
    return codes.putHotlineTransferConfig(this.db, record);
  }

  /** A 400 number's pool. */
  getHotlineTransferConfig(accountId: string, hotlineNumber: string): Promise<StoredTransferConfig | undefined> {
    return codes.getHotlineTransferConfig(this.db, accountId, hotlineNumber);
  }

  /** The sealed digest key, kept on first offer. */
  ensureHotlineDigestKey(offered: string): Promise<string> {
    return codes.ensureHotlineDigestKey(this.db, offered);
  }

  /** Stores a new code unless the last is too recent. */
  claimVerificationCode(record: VerificationCodeRecord, minIntervalMs: number): Promise<boolean> {
    return codes.claimVerificationCode(this.db, record, minIntervalMs);
  }

  /** Marks a code delivered. */
  markVerificationCodeDelivered(accountId: string, targetDigest: string, bizType: string, sentAt: number): Promise<void> {
    return codes.markVerificationCodeDelivered(this.db, accountId, targetDigest, bizType, sentAt);
  }

  /** Removes a code. */
  deleteVerificationCode(accountId: string, targetDigest: string, bizType: string, sentAt: number): Promise<boolean> {
    return codes.deleteVerificationCode(this.db, accountId, targetDigest, bizType, sentAt);
  }

  /** The current code of a number. */
  getVerificationCode(accountId: string, targetDigest: string, bizType: string): Promise<VerificationCodeRecord | undefined> {
    return codes.getVerificationCode(this.db, accountId, targetDigest, bizType);
  }

  /** Counts a wrong guess. */
  countVerificationFailure(accountId: string, targetDigest: string, bizType: string, sentAt: number): Promise<void> {
    return codes.countVerificationFailure(this.db, accountId, targetDigest, bizType, sentAt);
  }
}
