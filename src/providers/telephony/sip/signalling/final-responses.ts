/**
 * How a SIP call attempt ends, as a CallResult and dyvms status code: ONE table for every final response and for
 * the endings waihu decides itself (ring timeout, platform abort, no answer from the trunk, transport failure,
 * longest-call limit). docs/sip.md shows the same table; a test keeps the two equal.
 *
 * Reasons lean on RFC 3398 (how gateways turn ISDN/Q.850 release causes into SIP codes), because a carrier trunk
 * is a gateway to the phone network: 486 is cause 17 user busy, 404 cause 1 unallocated number, 408 cause 18 no
 * user responding, 480 causes 19/20 (no answer after alerting / subscriber absent), 503 causes 34-47 (congestion).
 * Transient network trouble maps to NETWORK_BUSY, which the default retry policy retries; the callee's or
 * carrier's definite answers (invalid number, rejected, blocked) map to results that are retried only on request.
 */
import { DYVMS_STATUS_CODE, type CallResult } from '../../../../core/calls/call-result.js';

/** Endings waihu reaches without a final response of its own making meaning. */
export type LocalEnding = 'ring-timeout' | 'platform-cancel' | 'no-response' | 'transport-failure' | 'max-duration';

/** One row: a status code, a class fallback (`4xx`), `480-after-ringing`, or a local ending. */
export interface FinalRow {
  key: string;
  result: CallResult;
  why: string;
}

/** The table. Specific codes first; a class row (`4xx`) covers codes of that class without their own row. */
export const FINAL_RESPONSE_TABLE: readonly FinalRow[] = Object.freeze([
  { key: '2xx', result: 'ANSWERED', why: 'the callee picked up; who hangs up later is told by the BYE' },
  { key: '3xx', result: 'CALL_FORWARDING', why: 'the number is redirected elsewhere; waihu does not chase redirects of a trunk' },
  { key: '400', result: 'OTHERS', why: 'the trunk could not read our request: a waihu or gateway fault, not the callee' },
  { key: '401', result: 'OTHERS', why: 'challenged again after answering once: wrong credentials, a configuration fault' },
  { key: '402', result: 'OPERATOR_BLOCK', why: 'the trunk account is out of credit: the carrier refuses to carry the call' },
  { key: '403', result: 'OPERATOR_BLOCK', why: 'the carrier forbids this caller id or destination (policy, fraud or barring)' },
  { key: '404', result: 'INVALID_NUMBER', why: 'Q.850 1 unallocated number: 空号' },
  { key: '407', result: 'OTHERS', why: 'proxy challenged again after answering once: wrong credentials' },
  { key: '408', result: 'NO_ANSWER', why: 'Q.850 18 no user responding: the far end timed the call out' },
  { key: '410', result: 'INVALID_NUMBER', why: 'Q.850 22 number changed: the number no longer reaches anyone' },
  { key: '480', result: 'UNAVAILABLE', why: 'Temporarily Unavailable without ringing: Q.850 20 subscriber absent, 暂时无法接通' },
  { key: '480-after-ringing', result: 'NO_ANSWER', why: 'after a 180 it is Q.850 19 no answer from an alerted user, how gateways end a long ring' },
  { key: '484', result: 'INVALID_NUMBER', why: 'Q.850 28 address incomplete: the number is too short to route' },
  { key: '485', result: 'INVALID_NUMBER', why: 'ambiguous address: the number does not name one subscriber' },
  { key: '486', result: 'USER_BUSY', why: 'Q.850 17 user busy' },
  { key: '487', result: 'OTHERS', why: 'terminated although waihu sent no CANCEL: the cause is unknown' },
  { key: '488', result: 'OTHERS', why: 'media not acceptable (no common codec): a configuration fault, retrying will not help' },
  { key: '4xx', result: 'OTHERS', why: 'other request failures are protocol or configuration faults' },
  { key: '500', result: 'NETWORK_BUSY', why: 'Q.850 111/127 protocol or interworking error inside the network: transient' },
  { key: '501', result: 'OTHERS', why: 'the trunk does not implement the request: retrying will not help' },
  { key: '502', result: 'NETWORK_BUSY', why: 'a downstream gateway failed (Q.850 27): network trouble, worth a retry' },
  { key: '503', result: 'NETWORK_BUSY', why: 'Q.850 34/38/41/42 no circuit, network out of order, congestion: 网络忙' },
  { key: '504', result: 'NETWORK_BUSY', why: 'Q.850 102 a downstream server timed out: network trouble' },
  { key: '5xx', result: 'NETWORK_BUSY', why: 'other server failures are on the network side and usually pass' },
  { key: '600', result: 'USER_BUSY', why: 'Busy Everywhere: busy, as 486' },
  { key: '603', result: 'CALL_REJECTED', why: 'Decline: the callee refused the call' },
  { key: '604', result: 'INVALID_NUMBER', why: 'Does Not Exist Anywhere: 空号, as 404' },
  { key: '606', result: 'OTHERS', why: 'Not Acceptable: session parameters refused everywhere, a configuration fault' },
  { key: '607', result: 'CALL_REJECTED', why: 'Unwanted (RFC 8197): the callee marked the call as unwanted' },
  { key: '608', result: 'OPERATOR_BLOCK', why: 'Rejected (RFC 8688) by a network call-analytics service, not by the callee' },
  { key: '6xx', result: 'OTHERS', why: 'other global failures: no documented meaning to map' },
  { key: 'ring-timeout', result: 'NO_ANSWER', why: 'waihu stopped the ringing with CANCEL (the 487 that follows is ours)' },
  { key: 'platform-cancel', result: 'CANCEL', why: 'the platform aborted the dial before answer (CANCEL, then 487): 主叫取消' },
  { key: 'no-response', result: 'NETWORK_BUSY', why: 'the trunk never answered the INVITE (timer B): it is down or unreachable' },
  { key: 'transport-failure', result: 'NETWORK_BUSY', why: 'the INVITE could not be sent (ICMP unreachable, socket error)' },
  { key: 'max-duration', result: 'ANSWERED', why: 'the call was answered and waihu cut it at the longest call time' },
] satisfies FinalRow[]);

const BY_KEY: ReadonlyMap<string, FinalRow> = new Map(FINAL_RESPONSE_TABLE.map((row) => [row.key, row]));

/** The outcome of a mapping: the row used and the codes reported. */
export interface FinalMapping {
  /** The table row that decided (its key). */
  key: string;
  result: CallResult;
  /** dyvms status_code of `result`. */
  statusCode: string;
}

/** What the user agent knows about the attempt when the final response arrives. */
export interface FinalContext {
  /** A 180 Ringing was received (183 alone may be a carrier announcement, so it does not count). */
  rang: boolean;
  /** Why waihu sent CANCEL, when it did. */
  cancelledFor?: 'ring-timeout' | 'platform-cancel';
}

/** The row for `key`; every key used here is in the table. */
function mapped(key: string): FinalMapping {
  const row = BY_KEY.get(key)!;
  return { key, result: row.result, statusCode: DYVMS_STATUS_CODE[row.result] };
}

/**
 * Maps the final response to an INVITE. A 487 after our own CANCEL is reported by why it was sent. A status that
 * is not final (1xx) is a caller bug and throws; the parser never yields codes outside 100-699.
 */
export function mapFinalResponse(status: number, context: FinalContext): FinalMapping {
  if (!Number.isInteger(status) || status < 200 || status > 699) throw new RangeError(`not a final SIP status: ${status}`);
  if (status >= 200 && status < 300) return mapped('2xx');
  if (status === 487 && context.cancelledFor) return mapped(context.cancelledFor);
  if (status === 480 && context.rang) return mapped('480-after-ringing');
  if (BY_KEY.has(String(status))) return mapped(String(status));
  return mapped(`${Math.floor(status / 100)}xx`);
}

/** Maps an ending waihu reached on its own. */
export function mapLocalEnding(ending: LocalEnding): FinalMapping {
  return mapped(ending);
}
