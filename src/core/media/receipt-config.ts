/**
 * Where receipts (回执消息) are pushed: one http(s) URL per account and message type. The types are the voice ones
 * of dyvms and the aiccs/LLM smart-call ones (spec protocol.md §4.2); the ARTC types are left out because waihu
 * places no ARTC (in-app) calls.
 */
import { DomainError } from '../errors.js';

/** Message types a URL can be set for. */
export const RECEIPT_MESSAGE_TYPES = [
  'VoiceReport',
  'VoiceCallReport',
  'VoiceRecordReport',
  'VoiceRTASRReport',
  'VoiceCallReportAiccs',
  'LlmSmartCallReport',
  'LlmSmartCallRecord',
] as const;

/** One of RECEIPT_MESSAGE_TYPES. */
export type ReceiptMessageType = (typeof RECEIPT_MESSAGE_TYPES)[number];

/**
 * URLs kept beside the receipt URLs that are not receipts: where SmartCall's callback requests go
 * (docs/interactive-calls.md). They are set with SetReceiptConfig like the others but produce no messages.
 */
export const CALLBACK_URL_TYPES = ['SmartCallCallback'] as const;

/** The setting that holds an account's SmartCall callback URL. */
export const SMART_CALL_CALLBACK_TYPE: (typeof CALLBACK_URL_TYPES)[number] = 'SmartCallCallback';

/** Every MessageType SetReceiptConfig takes: the receipt types, then the callback URLs. */
export const RECEIPT_SETTING_TYPES = [...RECEIPT_MESSAGE_TYPES, ...CALLBACK_URL_TYPES] as const;

/** One of RECEIPT_SETTING_TYPES. */
export type ReceiptSettingType = (typeof RECEIPT_SETTING_TYPES)[number];

/** True for a setting that subscribes receipt messages (not a callback URL). */
export function isReceiptMessageType(type: string): type is ReceiptMessageType {
  return (RECEIPT_MESSAGE_TYPES as readonly string[]).includes(type);
}

/** Longest URL accepted, in characters. */
export const MAX_RECEIPT_URL_LENGTH = 512;

/** A stored push URL. */
export interface ReceiptConfigRecord {
  accountId: string;
  messageType: ReceiptSettingType;
  url: string;
  updatedAt: number;
}

/** The checked message type; InvalidArgument naming MessageType otherwise. */
export function checkedMessageType(raw: string): ReceiptSettingType {
  const type = RECEIPT_SETTING_TYPES.find((t) => t === raw);
  if (!type) throw new DomainError('InvalidArgument', `MessageType must be one of ${RECEIPT_SETTING_TYPES.join(', ')}`, 'MessageType');
  return type;
}

/** The checked receipt message type (no callback URL type); InvalidArgument naming MessageType otherwise. */
export function checkedReceiptMessageType(raw: string): ReceiptMessageType {
  if (isReceiptMessageType(raw)) return raw;
  throw new DomainError('InvalidArgument', `MessageType must be one of ${RECEIPT_MESSAGE_TYPES.join(', ')}`, 'MessageType');
}

/** The Url that subscribes a type for pull (ReceiveMessages / DeleteMessages) instead of push; docs/receipts.md. */
export const PULL_RECEIPT_URL = 'pull:';

/** How a stored Url delivers: `pull:` is pulled, anything else is a push URL. */
export function receiptModeOf(url: string): 'push' | 'pull' {
  return url === PULL_RECEIPT_URL ? 'pull' : 'push';
}

/** The checked push URL: absolute http or https with a host, at most 512 characters; or `pull:` for pull. */
export function checkedReceiptUrl(raw: string): string {
  const text = raw.trim();
  if (text.toLowerCase() === PULL_RECEIPT_URL) return PULL_RECEIPT_URL;
  if (text.length > MAX_RECEIPT_URL_LENGTH) throw new DomainError('InvalidArgument', `Url is longer than ${MAX_RECEIPT_URL_LENGTH} characters`, 'Url');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DomainError('InvalidArgument', `Url "${text}" is not an absolute URL`, 'Url');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new DomainError('InvalidArgument', 'Url must be an http:// or https:// URL with a host, or pull:', 'Url');
  }
  return text;
}
