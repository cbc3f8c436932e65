/** A caller number: a number the account may show to callees (CalledShowNumber), registered before use. */
import { DomainError } from '../errors.js';

/** A registered caller number. */
export interface CallerNumberRecord {
  accountId: string;
  number: string;
  createdAt: number;
}

// Digits only: a display number is sent to the carrier as is, so no '+', spaces or dashes to normalise away.
const CALLER_NUMBER = /^\d{5,20}$/;

/** The number as stored (trimmed); InvalidArgument naming `param` when it is not 5-20 digits. */
export function checkedCallerNumber(raw: string, param = 'PhoneNumber'): string {
  const number = raw.trim();
  if (!CALLER_NUMBER.test(number)) {
    throw new DomainError('InvalidArgument', `${param} "${number}" is not a caller number (5-20 digits, nothing else)`, param);
  }
  return number;
}
