/**
 * The 400-number registry's records (docs/hotline.md): an account's 400 qualifications, the transfer registrations
 * (备案) it submits under one, the transfer callee pool of a registered 400 number, and the verification codes sent
 * to operators' mobiles. A registration is reviewed by the platform operator before its numbers count as registered.
 */

/** A qualification is usable (NORMAL) or suspended (OTHER), the doc's two values. */
export type QualificationStatus = 'NORMAL' | 'OTHER';

/** Review state of a registration: submitted and waiting, or decided. */
export type RegistrationStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/** Every review state, in the order a registration moves through them. */
export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['PENDING', 'APPROVED', 'REJECTED'];

/** An account's 400 qualification, created by the operator for the application ticket (OrderId) it answers. */
export interface QualificationRecord {
  accountId: string;
  qualificationId: string;
  orderId: string;
  /** The enterprise the qualification belongs to (ListHotlineTransferRegisterFile's CorpName). */
  corpName: string;
  status: QualificationStatus;
  createdAt: number;
}

/** One number a registration asks to forward the 400 number's calls to, with its owner. */
export interface TransferNumber {
  phoneNumber: string;
  ownerName: string;
  identityCard: string;
}

/** One SubmitHotlineTransferRegister: who handles it, which 400 number, which transfer numbers. */
export interface RegistrationRecord {
  /** The registration ID (SubmitHotlineTransferRegister's Data, the lists' ResUniqueCode). */
  id: string;
  accountId: string;
  qualificationId: string;
  hotlineNumber: string;
  operatorName: string;
  operatorMail: string;
  operatorMobile: string;
  operatorIdentityCard: string;
  /** The commitment letter confirmation as received ("true"; "false" is refused). */
  agreement: string;
  numbers: TransferNumber[];
  status: RegistrationStatus;
  /** Why the operator rejected it; null unless REJECTED. */
  rejectReason: string | null;
  reviewedAt: number | null;
  createdAt: number;
}

/** A transfer number as the store keeps it (hotline-sealing.ts): every field sealed, the number also digested for matching. */
export interface StoredTransferNumber {
  /** Keyed HMAC of the number: what duplicate and pool checks match on. */
  phoneNumberDigest: string;
  phoneNumberSealed: string;
  ownerNameSealed: string;
  identityCardSealed: string;
}

/** A registration as the store keeps it: the operator's personal data and the numbers sealed. */
export interface StoredRegistration extends Omit<RegistrationRecord, 'operatorName' | 'operatorMail' | 'operatorMobile' | 'operatorIdentityCard' | 'numbers'> {
  operatorNameSealed: string;
  operatorMailSealed: string;
  operatorMobileSealed: string;
  operatorIdentityCardSealed: string;
  numbers: StoredTransferNumber[];
}

/** A transfer number of an approved registration, as ListHotlineTransferNumber lists it. */
export interface RegisteredNumber extends TransferNumber {
  registrationId: string;
  qualificationId: string;
  hotlineNumber: string;
}

/** A stored transfer number of an approved registration, still sealed. */
export interface StoredRegisteredNumber extends StoredTransferNumber {
  registrationId: string;
  qualificationId: string;
  hotlineNumber: string;
}

/** How inbound calls to the 400 number pick a transfer target. */
export type CalledRouteMode = 'roundRobin' | 'random';

/** One target of the pool: the number called, and optionally the caller ID shown to it. */
export interface TransferTarget {
  called: string;
  caller: string | null;
}

/** The transfer callee pool of one 400 number (SetTransferCalleePoolConfig). */
export interface TransferConfigRecord {
  accountId: string;
  hotlineNumber: string;
  qualificationId: string;
  routeMode: CalledRouteMode;
  /** Seconds a target may ring before the next one is tried. */
  transferTimeoutS: number;
  targets: TransferTarget[];
  /** When the pool was first set (QueryCallInPoolTransferConfig's GmtCreate); kept when it is replaced. */
  createdAt: number;
  updatedAt: number;
}

/** A pool as the store keeps it: the targets sealed as one JSON text (nothing queries them). */
export interface StoredTransferConfig extends Omit<TransferConfigRecord, 'targets'> {
  targetsSealed: string;
}

/** A verification code as stored: only its salted hash, never the code, and only a digest of the mobile. */
export interface VerificationCodeRecord {
  accountId: string;
  /** Keyed HMAC of the mobile number the code was sent to (hotline-sealing.ts); the number itself is not kept. */
  targetDigest: string;
  bizType: string;
  salt: string;
  codeHash: string;
  /** When it was issued; also identifies this code among later ones for the same number. */
  sentAt: number;
  expiresAt: number;
  /** Wrong guesses so far. */
  failedAttempts: number;
  /** False while the code is on its way: a code whose delivery has not succeeded cannot be used. */
  delivered: boolean;
}
