/**
 * The 400-number registry's use cases: qualifications (created by the platform operator), transfer registrations
 * submitted by customers and reviewed by the operator, and the listings the dyvms actions answer from. The dyvms
 * handlers, the waihu management actions and the CLI all call these, so they cannot disagree (docs/hotline.md).
 */
import type { IdGenerator } from '../ids.js';
import { DomainError } from '../errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Page, PageRequest } from '../../ports/campaign-store.js';
import type { HotlineStore, RegistrationFilter } from '../../ports/hotline-store.js';
import type { QualificationRecord, QualificationStatus, RegisteredNumber, RegistrationRecord, TransferNumber } from './hotline-records.js';
import { emailAddress, hotlineNumber, identityCard, isMobile, MAX_TRANSFER_NUMBERS, personName, transferTarget } from './hotline-inputs.js';
import { HotlineError } from './hotline-errors.js';
import type { HotlineSealing } from './hotline-sealing.js';
import type { HotlineVerification } from './hotline-verification.js';
import { reviewRegistration, type ReviewDecision } from './registration-review.js';

/** What the registry needs. */
export interface HotlineRegistryDeps {
  store: HotlineStore;
  clock: Clock;
  ids: IdGenerator;
  verification: HotlineVerification;
  /** Personal data goes to the store sealed and comes back opened. */
  sealing: HotlineSealing;
}

/** SubmitHotlineTransferRegister's parameters, as received. */
export interface RegistrationInput {
  QualificationId: string;
  OperatorName: string;
  OperatorMail: string;
  OperatorMailVerifyCode?: string;
  OperatorMobile: string;
  OperatorMobileVerifyCode: string;
  OperatorIdentityCard: string;
  Agreement: string;
  HotlineNumber: string;
  TransferPhoneNumberInfos: readonly { PhoneNumber: string; PhoneNumberOwnerName: string; IdentityCard: string }[];
}

/** What the operator gives to create a qualification. */
export interface QualificationInput {
  corpName: string;
  /** The application ticket; a new id when absent. */
  orderId?: string;
}

const INFOS = 'TransferPhoneNumberInfos';
const ORDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Qualifications, registrations and their review. */
export class HotlineRegistry {
  constructor(private readonly deps: HotlineRegistryDeps) {}

  /** Creates a NORMAL qualification for an application ticket; AlreadyExists (OrderId) when the ticket has one. */
  async createQualification(accountId: string, input: QualificationInput): Promise<QualificationRecord> {
    const orderId = input.orderId?.trim() || this.deps.ids.next();
    if (!ORDER_ID.test(orderId)) throw new DomainError('InvalidArgument', 'must be 1-64 letters, digits, "-" or "_"', 'OrderId');
    const record: QualificationRecord = {
      accountId, qualificationId: this.deps.ids.next(), orderId, corpName: personName(input.corpName, 'CorpName'), status: 'NORMAL', createdAt: this.deps.clock.now(),
    };
    if (!(await this.deps.store.insertHotlineQualification(record))) {
      throw new DomainError('AlreadyExists', `the application ticket ${orderId} already has a qualification`, 'OrderId');
    }
    return record;
  }

  /** Suspends (OTHER) or restores (NORMAL) a qualification; a suspended one accepts no new registrations. */
  async setQualificationStatus(accountId: string, qualificationId: string, status: QualificationStatus): Promise<QualificationRecord> {
    if (!(await this.deps.store.setHotlineQualificationStatus(accountId, qualificationId, status))) throw this.noQualification(qualificationId);
    return (await this.deps.store.getHotlineQualification(accountId, qualificationId))!;
  }

  /** GetHotlineQualificationByOrder: NotFound (OrderId) when the ticket has no qualification in this account. */
  async qualificationByOrder(accountId: string, orderId: string): Promise<QualificationRecord> {
    const found = await this.deps.store.getHotlineQualificationByOrder(accountId, orderId.trim());
    if (!found) throw new DomainError('NotFound', `The specified OrderId "${orderId}" has no 400 qualification in this account`, 'OrderId');
    return found;
  }

  /** The account's qualification; NotFound (QualificationId) when it has none by that id. */
  async qualification(accountId: string, qualificationId: string): Promise<QualificationRecord> {
    const found = await this.deps.store.getHotlineQualification(accountId, qualificationId.trim());
    if (!found) throw this.noQualification(qualificationId);
    return found;
  }

  /**
   * SubmitHotlineTransferRegister: checks every field, then the operator's mobile code (used up only when
   * everything else is right, so a typo elsewhere does not cost the customer a new code), and stores the
   * registration PENDING. Returns it.
   */
  async submit(accountId: string, input: RegistrationInput): Promise<RegistrationRecord> {
    const qualification = await this.usableQualification(accountId, input.QualificationId);
    const mobile = input.OperatorMobile.trim();
    if (!isMobile(mobile)) throw new HotlineError('MobileInvalid', `"${mobile}" is not a mainland mobile number (11 digits, 13x-19x)`, 'OperatorMobile');
    if (input.Agreement !== 'true') throw new DomainError('InvalidArgument', 'must be "true": the commitment letter has to be confirmed to register', 'Agreement');
    const hotline = hotlineNumber(input.HotlineNumber, 'HotlineNumber');
    const record: RegistrationRecord = {
      id: this.deps.ids.next(), accountId, qualificationId: qualification.qualificationId, hotlineNumber: hotline,
      operatorName: personName(input.OperatorName, 'OperatorName'), operatorMail: emailAddress(input.OperatorMail, 'OperatorMail'),
      operatorMobile: mobile, operatorIdentityCard: identityCard(input.OperatorIdentityCard, 'OperatorIdentityCard'), agreement: input.Agreement,
      numbers: transferNumbers(input.TransferPhoneNumberInfos), status: 'PENDING', rejectReason: null, reviewedAt: null, createdAt: this.deps.clock.now(),
    };
    await this.refuseRegisteredNumbers(accountId, hotline, record.numbers);
    await this.deps.verification.verify(accountId, mobile, input.OperatorMobileVerifyCode, 'OperatorMobileVerifyCode');
    await this.deps.store.insertHotlineRegistration(await this.deps.sealing.sealRegistration(record));
    return record;
  }

  /** ListHotlineTransferRegisterFile: every registration of the qualification's 400 number, newest first, any state. */
  async registrationFiles(accountId: string, qualificationId: string, hotline: string, page: PageRequest): Promise<{ qualification: QualificationRecord; page: Page<RegistrationRecord> }> {
    const qualification = await this.qualification(accountId, qualificationId);
    const filter = { qualificationId: qualification.qualificationId, hotlineNumber: hotlineNumber(hotline, 'HotlineNumber') };
    return { qualification, page: await this.listRegistrations(accountId, filter, page) };
  }

  /** ListHotlineTransferNumber: the transfer numbers of approved registrations only; a pending number is not registered yet. */
  async registeredNumbers(accountId: string, qualificationId: string, hotline: string, page: PageRequest): Promise<Page<RegisteredNumber>> {
    const qualification = await this.qualification(accountId, qualificationId);
    const found = await this.deps.store.pageRegisteredHotlineNumbers(accountId, qualification.qualificationId, hotlineNumber(hotline, 'HotlineNumber'), page);
    return { total: found.total, items: found.items.map((n) => this.deps.sealing.openRegisteredNumber(n)) };
  }

  /** The registrations for review, newest first. */
  async listRegistrations(accountId: string, filter: RegistrationFilter, page: PageRequest): Promise<Page<RegistrationRecord>> {
    const found = await this.deps.store.pageHotlineRegistrations(accountId, filter, page);
    return { total: found.total, items: found.items.map((r) => this.deps.sealing.openRegistration(r)) };
  }

  /** One registration; NotFound (RegistrationId) when the account has none by that id. */
  async registration(accountId: string, id: string): Promise<RegistrationRecord> {
    const found = await this.deps.store.getHotlineRegistration(accountId, id.trim());
    if (!found) throw new DomainError('NotFound', `The specified RegistrationId "${id}" does not exist`, 'RegistrationId');
    return this.deps.sealing.openRegistration(found);
  }

  /** Approves or rejects a pending registration (registration-review.ts); returns it as decided. */
  async review(accountId: string, id: string, decision: ReviewDecision): Promise<RegistrationRecord> {
    const current = await this.registration(accountId, id);
    const outcome = reviewRegistration(current.id, current.status, decision);
    const review = { ...outcome, reviewedAt: this.deps.clock.now() };
    if (!(await this.deps.store.reviewHotlineRegistration(accountId, current.id, review))) {
      // Someone decided it between our read and our write: report what they decided.
      const now = await this.registration(accountId, id);
      reviewRegistration(now.id, now.status, decision);
      throw new DomainError('InvalidState', `registration ${current.id} changed while it was being reviewed; try again`);
    }
    return { ...current, ...review };
  }

  /** The qualification, which must be NORMAL to register under. */
  private async usableQualification(accountId: string, qualificationId: string): Promise<QualificationRecord> {
    const found = await this.qualification(accountId, qualificationId);
    if (found.status !== 'NORMAL') throw new DomainError('InvalidState', `qualification ${found.qualificationId} is suspended (status ${found.status}); it accepts no registrations`);
    return found;
  }

  /** InvalidArgument naming the first number already registered (or waiting for review) on this 400 number. */
  private async refuseRegisteredNumbers(accountId: string, hotline: string, numbers: readonly TransferNumber[]): Promise<void> {
    const digests = await this.deps.sealing.digests(numbers.map((n) => n.phoneNumber));
    const taken = new Set(await this.deps.store.findHotlineTransferNumbers(accountId, { hotlineNumber: hotline, statuses: ['PENDING', 'APPROVED'] }, digests));
    const index = digests.findIndex((digest) => taken.has(digest));
    if (index >= 0) {
      throw new DomainError('InvalidArgument', `${numbers[index]!.phoneNumber} is already registered, or waiting for review, on ${hotline}`, `${INFOS}.${index + 1}.PhoneNumber`);
    }
  }

  private noQualification(qualificationId: string): DomainError {
    return new DomainError('NotFound', `The specified QualificationId "${qualificationId}" does not exist in this account`, 'QualificationId');
  }
}

/** The transfer numbers, each checked and named by its wire path; at most 20, none twice. */
function transferNumbers(infos: RegistrationInput['TransferPhoneNumberInfos']): TransferNumber[] {
  if (infos.length > MAX_TRANSFER_NUMBERS) throw new DomainError('InvalidArgument', `at most ${MAX_TRANSFER_NUMBERS} numbers per registration; got ${infos.length}`, INFOS);
  const seen = new Set<string>();
  return infos.map((info, i) => {
    const at = `${INFOS}.${i + 1}`;
    const phoneNumber = transferTarget(info.PhoneNumber, `${at}.PhoneNumber`);
    if (seen.has(phoneNumber)) throw new DomainError('InvalidArgument', `${phoneNumber} is listed twice`, `${at}.PhoneNumber`);
    seen.add(phoneNumber);
    return { phoneNumber, ownerName: personName(info.PhoneNumberOwnerName, `${at}.PhoneNumberOwnerName`), identityCard: identityCard(info.IdentityCard, `${at}.IdentityCard`) };
  });
}
