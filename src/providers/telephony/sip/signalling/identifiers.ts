/**
 * The random identifiers a SIP user agent mints (RFC 3261): transaction branches, dialog tags, Call-IDs, and the
 * CSeq counter of a dialog. All randomness comes from node:crypto, because a guessable Call-ID or tag lets a third
 * party inject a BYE into someone else's call.
 */
import { randomBytes, randomInt } from 'node:crypto';

/** The magic cookie that marks a branch as RFC 3261 compliant (§8.1.1.7); peers use it to match transactions. */
export const BRANCH_COOKIE = 'z9hG4bK';

/** CSeq numbers must stay below 2^31 (§8.1.1.5). */
const CSEQ_LIMIT = 2 ** 31;

/** A new Via branch: the cookie followed by 96 random bits, unique per transaction. */
export function newBranch(): string {
  return BRANCH_COOKIE + randomBytes(12).toString('hex');
}

/** True when `branch` carries the RFC 3261 cookie (older peers send branches without it). */
export function isRfc3261Branch(branch: string | undefined): boolean {
  return branch !== undefined && branch.startsWith(BRANCH_COOKIE) && branch.length > BRANCH_COOKIE.length;
}

/** A new From/To tag: 64 random bits, well above the 32 the RFC asks for (§19.3). */
export function newTag(): string {
  return randomBytes(8).toString('hex');
}

/** A new Call-ID: 128 random bits, with `@host` appended when given so operators can see where a call came from. */
export function newCallId(host?: string): string {
  const id = randomBytes(16).toString('hex');
  return host ? `${id}@${host}` : id;
}

/**
 * The local CSeq of one dialog. It starts at a random number (so a restarted UA does not reuse sequence numbers in
 * a dialog a peer still remembers) low enough that a long call never crosses 2^31, and goes up by one per new
 * request. ACK and CANCEL reuse the INVITE's number, so they read `current` instead of taking `next()`.
 */
export class CSeqCounter {
  private value: number;

  /** `start` is for tests and for dialogs continued from a stored number; by default a random one. */
  constructor(start: number = randomInt(1, 2 ** 20)) {
    if (!Number.isInteger(start) || start < 0 || start >= CSEQ_LIMIT) throw new RangeError(`CSeq start out of range: ${start}`);
    this.value = start;
  }

  /** The number of the request sent last (the INVITE's, for its ACK and CANCEL). */
  get current(): number {
    return this.value;
  }

  /** The number for the next new request in the dialog. */
  next(): number {
    if (this.value + 1 >= CSEQ_LIMIT) throw new RangeError('CSeq exhausted');
    this.value += 1;
    return this.value;
  }
}
