/**
 * The receipt actions this page calls (src/gateway/products/waihu/receipts.ts, voice-resources.ts; docs/receipts.md)
 * and the values their parameters take.
 */
import type { Envelope, PageData } from '../../actions';
import { callAction } from '../../api';

/** Receipt message types (RECEIPT_MESSAGE_TYPES), then the callback URL SetReceiptConfig also keeps. */
export const MESSAGE_TYPES = [
  'VoiceReport', 'VoiceCallReport', 'VoiceRecordReport', 'VoiceRTASRReport', 'VoiceCallReportAiccs', 'LlmSmartCallReport', 'LlmSmartCallRecord',
] as const;
export const CALLBACK_TYPES = ['SmartCallCallback'] as const;
export const RECEIPT_STATUSES = ['pending', 'delivered', 'failed'] as const;
/** The Url that subscribes a type for pull instead of push. */
export const PULL_URL = 'pull:';
export const MAX_URL = 512;
/** Most ids one RepushReceipts call takes. */
export const MAX_REPUSH = 100;

export interface ReceiptSetting {
  MessageType: string;
  Url: string;
  UpdateTime: number;
}

/** One row of ListReceiptDeliveries. */
export interface Delivery {
  MessageId: string;
  MessageType: string;
  CallId: string;
  Mode: 'push' | 'pull';
  Status: (typeof RECEIPT_STATUSES)[number];
  Attempts: number;
  LastHttpStatus: number | null;
  LastError: string;
  LastAttemptTime: number | null;
  NextAttemptTime: number | null;
  DeliveredTime: number | null;
  CreateTime: number;
  Body: string;
}

export interface ReceiptSecret {
  Secret: string;
  Algorithm: string;
}

/** One waihu action whose `Data` has the given shape. */
export async function waihu<T>(action: string, params: Record<string, unknown> = {}): Promise<Envelope<T>> {
  return (await callAction('waihu', action, params)) as unknown as Envelope<T>;
}

export type { PageData };
