/**
 * The outcome of one call attempt, as aiccs reports it (`CallResult`, 15 documented values), and its
 * mapping to the dyvms status codes and smart_status_code of protocol.md §5, so every product face
 * reports one outcome the same way.
 */

/** aiccs CallResult values (QueryConversationDetailInfoNew, QueryAiCallDetailPage). */
export const CALL_RESULTS = [
  'ANSWERED',
  'USER_BUSY',
  'NO_ANSWER',
  'INVALID_NUMBER',
  'POWERED_OFF',
  'SUSPEND',
  'NO_USER_RESPONSE',
  'UNAVAILABLE',
  'CALL_REJECTED',
  'CALL_FORWARDING',
  'INCOMING_CALL_BARRED',
  'OPERATOR_BLOCK',
  'NETWORK_BUSY',
  'CANCEL',
  'OTHERS',
] as const;

/** One of the 15 documented outcomes. */
export type CallResult = (typeof CALL_RESULTS)[number];

/** True for a string that is a documented CallResult. */
export function isCallResult(value: string): value is CallResult {
  return (CALL_RESULTS as readonly string[]).includes(value);
}

/**
 * dyvms `status_code` of a final outcome (protocol.md §5, 运营商回执错误码). Where §5 has no exact code
 * the closest documented one is used: CALL_FORWARDING and OTHERS -> 200130 ("other", early media),
 * OPERATOR_BLOCK -> 200012 (call loss / restricted), CANCEL -> 9996 (call not set up), NETWORK_BUSY -> 400.
 */
export const DYVMS_STATUS_CODE: Readonly<Record<CallResult, string>> = Object.freeze({
  ANSWERED: '200000',
  USER_BUSY: '200002',
  NO_ANSWER: '200003',
  INVALID_NUMBER: '200004',
  UNAVAILABLE: '200005',
  NO_USER_RESPONSE: '200007',
  POWERED_OFF: '200010',
  SUSPEND: '200011',
  OPERATOR_BLOCK: '200012',
  INCOMING_CALL_BARRED: '200105',
  CALL_REJECTED: '200111',
  CALL_FORWARDING: '200130',
  OTHERS: '200130',
  NETWORK_BUSY: '400',
  CANCEL: '9996',
});

/** dyvms `smart_status_code` of an outcome (its enum spells two values differently from CallResult). */
export function smartStatusCode(result: CallResult): string {
  if (result === 'NO_USER_RESPONSE') return 'NO_USER_RESPONDING';
  if (result === 'OTHERS') return 'OTHER';
  return result;
}

/** Chinese status text as the carrier receipts show it (status_msg / StatusMsg). */
export const STATUS_MESSAGE: Readonly<Record<CallResult, string>> = Object.freeze({
  ANSWERED: '用户接通',
  USER_BUSY: '被叫忙',
  NO_ANSWER: '无应答',
  INVALID_NUMBER: '空号',
  UNAVAILABLE: '暂时无法接通',
  NO_USER_RESPONSE: '不在服务区',
  POWERED_OFF: '关机',
  SUSPEND: '停机',
  OPERATOR_BLOCK: '运营商拦截',
  INCOMING_CALL_BARRED: '限制呼入',
  CALL_REJECTED: '拒接',
  CALL_FORWARDING: '呼叫转移',
  OTHERS: '其他状态',
  NETWORK_BUSY: '网络忙',
  CANCEL: '主叫取消',
});
