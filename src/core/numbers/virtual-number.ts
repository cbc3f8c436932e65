/**
 * Virtual numbers (the X of AXN) and their relations to real numbers. waihu provisions no numbers of its own: an
 * account's virtual numbers are its caller numbers (AddCallerNumber), and a relation binds one real number, with its
 * company name, to one of them (docs/virtual-numbers.md).
 */
import { DomainError } from '../errors.js';

/** Routing of calls over a virtual number: 0 home-location (attribution) first, 1 random. */
export type RouteType = 0 | 1;

/** The doc's number types: 1 MVNO (170/171), 2 carrier, 3 a 95 number. */
export type SpecId = 1 | 2 | 3;

/** One real number bound to one virtual number of an account. */
export interface VirtualNumberRelationRecord {
  accountId: string;
  phoneNum: string;
  relatedNum: string;
  corpName: string;
  routeType: RouteType;
  specId: SpecId;
  createdAt: number;
}

/** One virtual number of an account, as QueryVirtualNumber lists it. */
export interface VirtualNumberRecord {
  phoneNum: string;
  /** The route type its relations were last bound with; 0 (the doc's default) when it has none. */
  routeType: RouteType;
  createdAt: number;
}

/** Most real numbers one AddVirtualNumberRelation binds; the doc gives no limit, so waihu picks one request's worth. */
export const MAX_RELATIONS_PER_CALL = 1000;
/** Longest company name kept. */
export const MAX_CORP_NAME_LENGTH = 128;

// Real numbers are digits only (the doc's examples): a mobile, a landline with area code, or an international number.
const REAL_NUMBER = /^\d{5,20}$/;

/** The doc's number type of a virtual number, read from its prefix. */
export function specIdOf(phoneNum: string): SpecId {
  if (/^17[01]/.test(phoneNum)) return 1;
  if (phoneNum.startsWith('95')) return 3;
  return 2;
}

/** Splits a comma-separated list into trimmed items (ASCII commas, as the doc says). */
function splitList(text: string): string[] {
  return text.split(',').map((item) => item.trim());
}

/** The real numbers of NumberList, checked; InvalidArgument naming NumberList. */
export function parseNumberList(raw: string): string[] {
  const numbers = splitList(raw);
  if (numbers.length > MAX_RELATIONS_PER_CALL) {
    throw new DomainError('InvalidArgument', `at most ${MAX_RELATIONS_PER_CALL} numbers per call; got ${numbers.length}`, 'NumberList');
  }
  const bad = numbers.find((n) => !REAL_NUMBER.test(n));
  if (bad !== undefined) {
    throw new DomainError('InvalidArgument', `"${bad}" is not a number (5-20 digits, separated by ASCII commas)`, 'NumberList');
  }
  return numbers;
}

/**
 * The company name of each number. CorpNameList is optional in the SDK model though the doc marks it required: when
 * absent every name is empty; when present it must name exactly one company per number.
 */
export function parseCorpNameList(raw: string | undefined, count: number): string[] {
  if (raw === undefined || raw.trim() === '') return Array.from({ length: count }, () => '');
  const names = splitList(raw);
  if (names.length !== count) {
    throw new DomainError('InvalidArgument', `has ${names.length} names but NumberList has ${count} numbers; give one company per number`, 'CorpNameList');
  }
  const bad = names.find((n) => n === '' || n.length > MAX_CORP_NAME_LENGTH);
  if (bad !== undefined) throw new DomainError('InvalidArgument', `every name must be 1-${MAX_CORP_NAME_LENGTH} characters`, 'CorpNameList');
  return names;
}
